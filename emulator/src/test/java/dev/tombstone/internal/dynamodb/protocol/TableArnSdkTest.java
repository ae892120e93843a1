package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Table operations that name the table by its ARN, through the SDK v2 client. */
class TableArnSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  String arn;

  @BeforeEach
  void table() {
    arn = dynamo.createTable(b -> b.tableName("arnt")
        .keySchema(QuerySdkTest.key("pk", KeyType.HASH))
        .attributeDefinitions(QuerySdkTest.def("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().tableArn();
    dynamo.putItem(b -> b.tableName("arnt").item(key("x")));
  }

  @Test
  void deleteTable_byArn_deletesTheTableAndItsItems() {
    TableStatus status = dynamo.deleteTable(b -> b.tableName(arn)).tableDescription()
        .tableStatus();

    assertThat(status).isEqualTo(TableStatus.DELETING);
    assertThat(dynamo.listTables().tableNames()).isEmpty();
    assertThat(tombstone.dynamoDb().hasTable("arnt")).isFalse();
    ResourceNotFoundException again = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.deleteTable(b -> b.tableName(arn)));
    assertThat(again.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Table: arnt not found");
    dynamo.waiter().waitUntilTableNotExists(b -> b.tableName(arn));
  }

  @Test
  void anArnOfAnotherRegion_isRefused_byEveryOperationThatTakesAnArn_andChangesNothing() {
    String elsewhere = arn.replace(":us-east-1:", ":us-west-2:");
    assertThat(elsewhere).isNotEqualTo(arn);
    String expected = "1 validation error detected: Invalid AWS region in '" + elsewhere + "'";
    List<Consumer<String>> calls = List.of(
        t -> dynamo.deleteTable(b -> b.tableName(t)),
        t -> dynamo.describeTable(b -> b.tableName(t)),
        t -> dynamo.updateTable(b -> b.tableName(t).deletionProtectionEnabled(true)),
        t -> dynamo.describeTimeToLive(b -> b.tableName(t)),
        t -> dynamo.putItem(b -> b.tableName(t).item(key("y"))),
        t -> dynamo.getItem(b -> b.tableName(t).key(key("x"))),
        t -> dynamo.deleteItem(b -> b.tableName(t).key(key("x"))),
        t -> dynamo.scan(b -> b.tableName(t)),
        t -> dynamo.batchGetItem(b -> b.requestItems(
            Map.of(t, KeysAndAttributes.builder().keys(key("x")).build()))));

    for (Consumer<String> call : calls) {
      DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
          () -> call.accept(elsewhere));
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(expected);
    }
    assertThat(dynamo.scan(b -> b.tableName(arn)).items()).containsExactly(key("x"));
    assertThat(tombstone.dynamoDb().tableDefinition("arnt").deletionProtection()).isFalse();
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk));
  }
}
