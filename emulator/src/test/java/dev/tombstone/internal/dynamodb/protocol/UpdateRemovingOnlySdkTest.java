package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * An update of an item that does not exist creates it when it sets or adds something (or names
 * nothing), never when it only removes: a soft delete undone on an item already gone must not
 * bring back an empty item. An update that only removes is not checked against the missing item
 * either: {@code REMOVE x.y} there is no error (ScyllaDB's
 * test_nested_attribute_remove_from_missing_item, run against AWS).
 */
class UpdateRemovingOnlySdkTest {
  private static final String TABLE = "users";
  private static Tombstone tombstone;
  private static DynamoDbClient dynamo;
  private static Wire wire;

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint(), 4);
    wire = new Wire(tombstone.endpoint());
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    tombstone.close();
  }

  @BeforeEach
  void table() {
    tombstone.reset();
    SdkTables.stringHashKey(dynamo, TABLE, "UserId");
  }

  @Test
  void removeOnly_onAMissingItem_createsNothing_andReturnsNoAttributes() {
    UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(TABLE).key(key("gone"))
        .updateExpression("REMOVE deletedAt, note").returnValues(ReturnValue.ALL_NEW)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(response.hasAttributes()).isFalse();
    assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    assertThat(tombstone.dynamoDb().items(TABLE)).isEmpty();
  }

  @Test
  void removeOfNestedPaths_onAMissingItem_isNoErrorAndCreatesNothing() {
    UpdateItemResponse dotted = dynamo.updateItem(b -> b.tableName(TABLE).key(key("gone"))
        .updateExpression("REMOVE x.y").returnValues(ReturnValue.ALL_OLD));
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("gone")).updateExpression("REMOVE x[0]"));
    dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
        .update(u -> u.tableName(TABLE).key(key("gone")).updateExpression("REMOVE x.y[2], z"))
        .build()));

    assertThat(dotted.hasAttributes()).isFalse();
    assertThat(tombstone.dynamoDb().items(TABLE)).isEmpty();
  }

  @Test
  void removeOfANestedPath_underAMissingAttribute_ofAnExistingItem_isStillRefused() {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("UserId", s("u1"), "note", s("x"))));

    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .updateExpression("REMOVE x.y"))))
        .isEqualTo("The document path provided in the update expression is invalid for update");
    assertThat(dynamo.getItem(b -> b.tableName(TABLE).key(key("u1"))).item())
        .isEqualTo(Map.of("UserId", s("u1"), "note", s("x")));
  }

  @Test
  void removeOfANestedPath_withASet_onAMissingItem_isRefusedAsForAnEmptyItem() {
    // Only a remove-only update is known to skip its paths; with a SET the path is checked
    // against the new item (as DynamoDB Local does; AWS's answer is unconfirmed).
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("gone"))
        .updateExpression("REMOVE x.y SET c = :one")
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))))
        .isEqualTo("The document path provided in the update expression is invalid for update");
    assertThat(tombstone.dynamoDb().items(TABLE)).isEmpty();
  }

  @Test
  void setElementDelete_onAMissingItem_createsNothing() {
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("gone")).updateExpression("DELETE tags :t")
        .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(java.util.List.of("x"))))
        .returnValues(ReturnValue.UPDATED_NEW));

    assertThat(tombstone.dynamoDb().items(TABLE)).isEmpty();
  }

  @Test
  void legacyDeleteActions_onAMissingItem_createNothing() {
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("gone")).attributeUpdates(Map.of(
        "note", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));

    assertThat(tombstone.dynamoDb().items(TABLE)).isEmpty();
  }

  @Test
  void updatesThatSetAddOrNameNothing_doCreateTheItem() {
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("set"))
        .updateExpression("SET visits = :one REMOVE note")
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("add")).updateExpression("ADD visits :one")
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("empty")));

    assertThat(dynamo.scan(b -> b.tableName(TABLE)).items())
        .extracting(item -> item.get("UserId").s())
        .containsExactlyInAnyOrder("set", "add", "empty");
  }

  @Test
  void removeOnly_onAnExistingItem_keepsTheKeyOnlyItem() {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("UserId", s("u1"), "note", s("x"))));

    dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("REMOVE note"));

    assertThat(tombstone.dynamoDb().items(TABLE)).hasSize(1);
  }

  @Test
  void transactionalRemoveOnly_onAMissingItem_createsNothing() {
    dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
        .update(u -> u.tableName(TABLE).key(key("gone")).updateExpression("REMOVE note"))
        .build()));

    assertThat(tombstone.dynamoDb().items(TABLE)).isEmpty();
  }

  @Test
  void legacy2011DeleteAction_onAMissingItem_createsNothing() {
    Wire.Response response = wire.post("DynamoDB_20111205.UpdateItem", "{\"TableName\":\""
        + TABLE + "\",\"Key\":{\"HashKeyElement\":{\"S\":\"gone\"}},\"AttributeUpdates\":"
        + "{\"note\":{\"Action\":\"DELETE\"}}}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(tombstone.dynamoDb().items(TABLE)).isEmpty();
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("UserId", s(id));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
