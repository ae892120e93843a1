package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.s3.Versioning;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A table or bucket declared twice for one test: the same way, or a clear failure. */
class DeclarationConflictsTest {

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id")
  static class MethodRedeclaresTable {
    @Test
    @DynamoDbTable(name = "orders", partitionKey = "OrderId", partitionKeyType = AttributeType.N)
    void test(Tombstone tombstone) {
      assertThat(tombstone.dynamoDb().keySchema("orders"))
          .isEqualTo(KeySchema.of(KeyAttribute.n("OrderId")));
    }
  }

  @Test
  void tableRedeclaredWithAnotherKey_failsNamingBothPlacesAndTheDifferences() throws Exception {
    Throwable failure = Kit.onlyFailure(Kit.run(MethodRedeclaresTable.class));

    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"orders\") on "
            + MethodRedeclaresTable.class.getDeclaredMethod("test", Tombstone.class)
            + " conflicts with the declaration on " + MethodRedeclaresTable.class.getName()
            + ": partitionKey \"OrderId\" instead of \"Id\", partitionKeyType N instead of S. A"
            + " test has one table of a name; declare it the same way in both places, or give the"
            + " two different names");
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id", sortKey = "Line")
  @S3Bucket(name = "uploads", versioning = S3Bucket.Versioning.ENABLED)
  static class MethodRepeatsDeclarations {
    @Test
    @DynamoDbTable(name = "orders", partitionKey = "Id", sortKey = "Line")
    @S3Bucket(name = "uploads", versioning = S3Bucket.Versioning.ENABLED)
    void test(Tombstone tombstone) {
      assertThat(tombstone.dynamoDb().keySchema("orders"))
          .isEqualTo(KeySchema.of(KeyAttribute.s("Id"), KeyAttribute.s("Line")));
      assertThat(tombstone.s3().versioning("uploads")).isEqualTo(Versioning.ENABLED);
    }
  }

  @Test
  void identicalRedeclarations_keepWorking() {
    Kit.run(MethodRepeatsDeclarations.class).testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @TombstoneTest
  @S3Bucket(name = "uploads", versioning = S3Bucket.Versioning.ENABLED)
  static class MethodRedeclaresBucket {
    @Test
    @S3Bucket(name = "uploads")
    void test() {}
  }

  @Test
  void bucketRedeclaredWithOtherVersioning_failsNamingTheDifference() throws Exception {
    Throwable failure = Kit.onlyFailure(Kit.run(MethodRedeclaresBucket.class));

    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @S3Bucket(name = \"uploads\") on "
            + MethodRedeclaresBucket.class.getDeclaredMethod("test")
            + " conflicts with the declaration on " + MethodRedeclaresBucket.class.getName()
            + ": versioning UNVERSIONED instead of ENABLED. A test has one bucket of a name;"
            + " declare it the same way in both places, or give the two different names");
  }

  @TombstoneTest(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class KeptTableDeclaredOtherwise {
    @Test
    @Order(1)
    @DynamoDbTable(name = "orders", partitionKey = "Id")
    void first() {}

    @Test
    @Order(2)
    @DynamoDbTable(name = "orders", partitionKey = "OrderId", partitionKeyType = AttributeType.N)
    void second() {}
  }

  @Test
  void tableKeptFromAnEarlierTestWithAnotherKey_failsInsteadOfBeingUsed() throws Exception {
    EngineExecutionResults results = Kit.run(KeptTableDeclaredOtherwise.class);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    assertThat(Kit.onlyFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"orders\") on "
            + KeptTableDeclaredOtherwise.class.getDeclaredMethod("second") + " failed:"
            + " IllegalStateException: table orders already exists, keyed by Id (S) instead of"
            + " OrderId (N); it is left from an earlier test (resetBeforeEach = false keeps"
            + " tables), so declare the table the same way in every test or delete it after the"
            + " test that changes it");
  }
}
