package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.junit.DynamoDbTable.GlobalIndex;
import dev.tombstone.junit.DynamoDbTable.LocalIndex;
import dev.tombstone.junit.DynamoDbTable.Projection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** @DynamoDbTable's indexes and TTL: created with the table, checked by DynamoDB's rules. */
class TableIndexesTest {
  static final String EXPIRES = "expiresAt";

  @TombstoneTest(manualClock = "2030-01-01T00:00:00Z")
  @DynamoDbTable(name = "orders", partitionKey = "CustomerId", sortKey = "OrderId",
      sortKeyType = AttributeType.N, timeToLiveAttribute = EXPIRES,
      globalSecondaryIndexes = {
          @GlobalIndex(name = "byStatus", partitionKey = "Status", sortKey = "OrderId",
              sortKeyType = AttributeType.N, projection = Projection.INCLUDE,
              nonKeyAttributes = {"Total", "Currency"}),
          @GlobalIndex(name = "bySku", partitionKey = "Sku")},
      localSecondaryIndexes = @LocalIndex(name = "byDate", sortKey = "Date",
          projection = Projection.KEYS_ONLY))
  static class Declared {
    @Test
    void indexesAndTtl_areThere(DynamoDbClient dynamo, Tombstone tombstone) {
      TableDescription table = dynamo.describeTable(b -> b.tableName("orders")).table();

      assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
      assertThat(table.globalSecondaryIndexes()).hasSize(2).anySatisfy(g -> {
        assertThat(g.indexName()).isEqualTo("byStatus");
        assertThat(g.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
            .containsExactly("Status HASH", "OrderId RANGE");
        assertThat(g.projection().projectionTypeAsString()).isEqualTo("INCLUDE");
        assertThat(g.projection().nonKeyAttributes()).containsExactly("Total", "Currency");
      }).anySatisfy(g -> {
        assertThat(g.indexName()).isEqualTo("bySku");
        assertThat(g.projection().projectionTypeAsString()).isEqualTo("ALL");
      });
      assertThat(table.localSecondaryIndexes()).singleElement().satisfies(l -> {
        assertThat(l.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
            .containsExactly("CustomerId HASH", "Date RANGE");
        assertThat(l.projection().projectionTypeAsString()).isEqualTo("KEYS_ONLY");
      });
      assertThat(table.attributeDefinitions())
          .extracting(a -> a.attributeName() + " " + a.attributeTypeAsString())
          .containsExactlyInAnyOrder("CustomerId S", "OrderId N", "Status S", "Sku S", "Date S");
      assertThat(dynamo.describeTimeToLive(b -> b.tableName("orders"))
          .timeToLiveDescription()).satisfies(t -> {
            assertThat(t.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
            assertThat(t.attributeName()).isEqualTo(EXPIRES);
          });
      assertThat(tombstone.requests()).as("the set-up's requests are not the test's")
          .hasSize(2).noneMatch(r -> r.toString().matches(".*(CreateTable|UpdateTimeToLive).*"));
    }

    @Test
    void anIndexAnswersQueries_andTtlDeletesWithoutAnUpdateTimeToLive(DynamoDbClient dynamo,
        ManualClock clock, Tombstone tombstone) {
      long soon = clock.instant().plusSeconds(60).getEpochSecond();
      dynamo.putItem(b -> b.tableName("orders").item(Map.of(
          "CustomerId", AttributeValue.fromS("c1"), "OrderId", AttributeValue.fromN("1"),
          "Status", AttributeValue.fromS("OPEN"), "Total", AttributeValue.fromN("9"),
          "Note", AttributeValue.fromS("not projected"),
          EXPIRES, AttributeValue.fromN(Long.toString(soon)))));

      assertThat(dynamo.query(b -> b.tableName("orders").indexName("byStatus")
          .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "Status"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("OPEN"))))
          .items()).singleElement().satisfies(item -> assertThat(item.keySet())
              .containsExactlyInAnyOrder("CustomerId", "OrderId", "Status", "Total"));

      clock.advance(Duration.ofMinutes(2));

      assertThat(tombstone.dynamoDb().items("orders")).isEmpty();
    }
  }

  @Test
  void declaredIndexesAndTtl_areCreatedWithTheTable() {
    Kit.run(Declared.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id",
      localSecondaryIndexes = @LocalIndex(name = "byDate", sortKey = "Date"))
  static class LocalIndexWithoutSortKey {
    @Test
    void test() {}
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id",
      globalSecondaryIndexes = @GlobalIndex(name = "ix", partitionKey = "Status",
          projection = Projection.INCLUDE))
  static class ShortIndexName {
    @Test
    void test() {}
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id",
      globalSecondaryIndexes = @GlobalIndex(name = "byStatus", partitionKey = "Status",
          projection = Projection.INCLUDE))
  static class IncludeWithoutAttributes {
    @Test
    void test() {}
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id",
      globalSecondaryIndexes = @GlobalIndex(name = "byStatus", partitionKey = "Id",
          partitionKeyType = AttributeType.N))
  static class KeyOfTwoTypes {
    @Test
    void test() {}
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id", timeToLiveAttribute = LONG_NAME)
  static class TtlAttributeTooLong {
    @Test
    void test() {}
  }

  static final String LONG_NAME = "expires_at_after_the_session_ended_and_the_grace_period_passed"
      + "_which_is_a_name_no_one_should_choose_for_an_attribute_but_dynamodb_allows_up_to_two"
      + "_hundred_and_fifty_five_characters_so_this_one_goes_one_character_past_that_limit_to"
      + "_show_the_whole_message_xy";

  @Test
  void whatCreateTableRefuses_failsTheTestWithDynamoDbsMessage() {
    assertThat(Kit.onlyFailure(Kit.run(LocalIndexWithoutSortKey.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"orders\") on "
            + LocalIndexWithoutSortKey.class.getName() + " failed: ValidationException: One or"
            + " more parameter values were invalid: Table KeySchema does not have a range key,"
            + " which is required when specifying a LocalSecondaryIndex");
    assertThat(Kit.onlyFailure(Kit.run(ShortIndexName.class)))
        .hasMessageEndingWith(" failed: ValidationException: 1 validation error detected: Value"
            + " 'ix' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 3");
    assertThat(Kit.onlyFailure(Kit.run(IncludeWithoutAttributes.class)))
        .hasMessageEndingWith(" failed: ValidationException: One or more parameter values were"
            + " invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    assertThat(Kit.onlyFailure(Kit.run(KeyOfTwoTypes.class)))
        .hasMessageEndingWith(" failed: ValidationException: Attribute Name is duplicated: Id");
    assertThat(LONG_NAME).hasSize(256);
    assertThat(Kit.onlyFailure(Kit.run(TtlAttributeTooLong.class)))
        .hasMessageEndingWith(" failed: ValidationException: 1 validation error detected: Value '"
            + LONG_NAME + "' at 'timeToLiveSpecification.attributeName' failed to satisfy"
            + " constraint: Member must have length less than or equal to 255");
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id", timeToLiveAttribute = EXPIRES,
      globalSecondaryIndexes = @GlobalIndex(name = "byStatus", partitionKey = "Status"))
  static class MethodRedeclaresIndexesAndTtl {
    @Test
    @DynamoDbTable(name = "orders", partitionKey = "Id",
        globalSecondaryIndexes = @GlobalIndex(name = "byStatus", partitionKey = "Status",
            projection = Projection.KEYS_ONLY),
        localSecondaryIndexes = {})
    void test() {}
  }

  @Test
  void redeclaredWithOtherIndexesOrTtl_failsNamingTheDifferences() throws Exception {
    assertThat(Kit.onlyFailure(Kit.run(MethodRedeclaresIndexesAndTtl.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"orders\") on "
            + MethodRedeclaresIndexesAndTtl.class.getDeclaredMethod("test")
            + " conflicts with the declaration on " + MethodRedeclaresIndexesAndTtl.class.getName()
            + ": globalSecondaryIndexes [byStatus: Status (S), projection KEYS_ONLY] instead of"
            + " [byStatus: Status (S), projection ALL], timeToLiveAttribute \"\" instead of"
            + " \"expiresAt\". A test has one table of a name; declare it the same way in both"
            + " places, or give the two different names");
  }

  @TombstoneTest(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @DynamoDbTable(name = "kept", partitionKey = "Id", sortKey = "Line",
      timeToLiveAttribute = EXPIRES,
      localSecondaryIndexes = @LocalIndex(name = "byDate", sortKey = "Date",
          projection = Projection.INCLUDE, nonKeyAttributes = {"b", "a"}))
  static class KeptTable {
    @Test
    @Order(1)
    void first() {}

    @Test
    @Order(2)
    void sameDeclaration_usesTheKeptTable(Tombstone tombstone) {
      assertThat(tombstone.dynamoDb().hasTable("kept")).isTrue();
    }

    @Test
    @Order(3)
    @DynamoDbTable(name = "other", partitionKey = "Id", timeToLiveAttribute = EXPIRES)
    void tableChangedByATest(DynamoDbClient dynamo) {
      dynamo.deleteTable(b -> b.tableName("other"));
      dynamo.createTable(b -> b.tableName("other").billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(a -> a.attributeName("Id").attributeType("S"))
          .keySchema(k -> k.attributeName("Id").keyType("HASH")));
    }

    @Test
    @Order(4)
    @DynamoDbTable(name = "other", partitionKey = "Id", timeToLiveAttribute = EXPIRES)
    void sameDeclarationAfterTheChange() {}

    @Test
    @Order(5)
    @DynamoDbTable(name = "plain", partitionKey = "Id")
    void ttlEnabledByATest(DynamoDbClient dynamo) {
      dynamo.updateTimeToLive(b -> b.tableName("plain")
          .timeToLiveSpecification(t -> t.attributeName("gone").enabled(true)));
    }

    @Test
    @Order(6)
    @DynamoDbTable(name = "plain", partitionKey = "Id")
    void keyOnlyDeclaration_keepsWhatTheTestChanged(DynamoDbClient dynamo) {
      assertThat(dynamo.describeTimeToLive(b -> b.tableName("plain"))
          .timeToLiveDescription().attributeName()).isEqualTo("gone");
    }
  }

  @Test
  void keptTable_isUsedWhenDeclaredTheSame_andRefusedWhenItNoLongerIs() throws Exception {
    EngineExecutionResults results = Kit.run(KeptTable.class);

    results.testEvents().assertStatistics(s -> s.succeeded(5).failed(1));
    assertThat(Kit.onlyFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @DynamoDbTable(name = \"other\") on "
            + KeptTable.class.getDeclaredMethod("sameDeclarationAfterTheChange") + " failed:"
            + " IllegalStateException: table other already exists, with timeToLiveAttribute"
            + " \"\" instead of \"" + EXPIRES + "\"; it is left from an earlier test (resetBeforeEach ="
            + " false keeps tables), so declare the table the same way in every test or delete"
            + " it after the test that changes it");
  }
}
