package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ConsumedCapacity.TableName echoes what the request named the table by: an ARN comes back as
 * the ARN, a name as the name, in every operation that reports capacity.
 */
class TableArnCapacitySdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;

  String arn;

  @BeforeEach
  void table() {
    arn = dynamo.createTable(b -> b.tableName("tbl")
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
            .attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().tableArn();
    dynamo.putItem(b -> b.tableName("tbl").item(key("a")));
  }

  @Test
  void singleItemOperations_echoTheArn_whenTheRequestNamedTheTableByArn() {
    List<ConsumedCapacity> reported = List.of(
        dynamo.putItem(b -> b.tableName(arn).item(key("b")).returnConsumedCapacity(TOTAL))
            .consumedCapacity(),
        dynamo.getItem(b -> b.tableName(arn).key(key("a")).returnConsumedCapacity(TOTAL))
            .consumedCapacity(),
        dynamo.updateItem(b -> b.tableName(arn).key(key("a")).updateExpression("SET n = :n")
            .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
            .returnConsumedCapacity(TOTAL)).consumedCapacity(),
        dynamo.deleteItem(b -> b.tableName(arn).key(key("b")).returnConsumedCapacity(TOTAL))
            .consumedCapacity(),
        dynamo.query(b -> b.tableName(arn).keyConditionExpression("id = :id")
            .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("a")))
            .returnConsumedCapacity(TOTAL)).consumedCapacity(),
        dynamo.scan(b -> b.tableName(arn).returnConsumedCapacity(TOTAL)).consumedCapacity());

    assertThat(reported).extracting(ConsumedCapacity::tableName).containsOnly(arn).hasSize(6);
  }

  @Test
  void putItem_byName_stillReportsTheName() {
    ConsumedCapacity capacity = dynamo.putItem(b -> b.tableName("tbl").item(key("b"))
        .returnConsumedCapacity(TOTAL)).consumedCapacity();

    assertThat(capacity)
        .isEqualTo(ConsumedCapacity.builder().tableName("tbl").capacityUnits(1.0).build());
  }

  @Test
  void batchOperations_echoTheArnTheRequestKeyedTheTableBy() {
    List<ConsumedCapacity> written = dynamo.batchWriteItem(b -> b.requestItems(Map.of(arn,
            List.of(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(key("b")).build()).build())))
        .returnConsumedCapacity(TOTAL)).consumedCapacity();
    List<ConsumedCapacity> read = dynamo.batchGetItem(b -> b.requestItems(Map.of(arn,
            KeysAndAttributes.builder().keys(key("a"), key("b")).build()))
        .returnConsumedCapacity(TOTAL)).consumedCapacity();

    assertThat(written).extracting(ConsumedCapacity::tableName).containsExactly(arn);
    assertThat(read).extracting(ConsumedCapacity::tableName).containsExactly(arn);
  }

  @Test
  void transactions_echoTheFormTheFirstElementOnTheTableUsed() {
    List<ConsumedCapacity> written = dynamo.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(Put.builder().tableName(arn).item(key("b")).build())
            .build(),
        TransactWriteItem.builder().put(Put.builder().tableName("tbl").item(key("c")).build())
            .build()).returnConsumedCapacity(TOTAL)).consumedCapacity();
    List<ConsumedCapacity> read = dynamo.transactGetItems(b -> b.transactItems(
        TransactGetItem.builder().get(Get.builder().tableName(arn).key(key("a")).build())
            .build()).returnConsumedCapacity(TOTAL)).consumedCapacity();

    assertThat(written).singleElement()
        .isEqualTo(ConsumedCapacity.builder().tableName(arn).capacityUnits(4.0).build());
    assertThat(read).extracting(ConsumedCapacity::tableName).containsExactly(arn);
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }
}
