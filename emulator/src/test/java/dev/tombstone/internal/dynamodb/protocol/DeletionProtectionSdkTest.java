package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DeleteTable of a table with deletion protection is refused until UpdateTable lifts it. */
class DeletionProtectionSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void protectedTable() {
    dynamo.createTable(b -> b.tableName("ledger").billingMode(BillingMode.PAY_PER_REQUEST)
        .deletionProtectionEnabled(true)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S)));
  }

  @Test
  void deleteTable_ofAProtectedTable_isRefusedWithAwsText_andKeepsIt() {
    DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.deleteTable(b -> b.tableName("ledger")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Resource cannot be deleted"
        + " as it is currently protected against deletion. Disable deletion protection first.");
    assertThat(dynamo.listTables().tableNames()).containsExactly("ledger");
  }

  @Test
  void deleteTable_afterProtectionIsLifted_deletesIt() {
    dynamo.updateTable(b -> b.tableName("ledger").deletionProtectionEnabled(false));

    dynamo.deleteTable(b -> b.tableName("ledger"));

    assertThat(dynamo.listTables().tableNames()).isEmpty();
  }
}
