package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** {@code @DynamoDbTable(deletionProtection = true)}: DeleteTable refused until turned off. */
class DeletionProtectionDeclarationTest {

  @TombstoneTest
  @DynamoDbTable(name = "ledger", partitionKey = "Id", deletionProtection = true)
  static class Declared {
    @Test
    void deleteTableIsRefused_untilTheProtectionIsTurnedOff(DynamoDbClient dynamo) {
      assertThat(dynamo.describeTable(b -> b.tableName("ledger")).table()
          .deletionProtectionEnabled()).isTrue();
      assertThatThrownBy(() -> dynamo.deleteTable(b -> b.tableName("ledger")))
          .isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Resource cannot be deleted"
                + " as it is currently protected against deletion. Disable deletion protection"
                + " first.");
          });

      dynamo.updateTable(b -> b.tableName("ledger").deletionProtectionEnabled(false));
      dynamo.deleteTable(b -> b.tableName("ledger"));

      assertThat(dynamo.listTables().tableNames()).doesNotContain("ledger");
    }

    @Test
    void theNextTestHasItsTableAgain(DynamoDbClient dynamo) {
      assertThat(dynamo.describeTable(b -> b.tableName("ledger")).table()
          .deletionProtectionEnabled()).isTrue();
    }
  }

  @Test
  void aProtectedTable_isCreatedBeforeEachTest() {
    Kit.run(Declared.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @TombstoneTest
  @DynamoDbTable(name = "ledger", partitionKey = "Id", deletionProtection = true)
  static class Redeclared {
    @Test
    @DynamoDbTable(name = "ledger", partitionKey = "Id")
    void test() {}
  }

  @Test
  void redeclaredWithoutTheProtection_failsNamingIt() {
    assertThat(Kit.onlyFailure(Kit.run(Redeclared.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("deletionProtection false instead of true");
  }
}
