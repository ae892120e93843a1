package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * DynamoDB nests attribute values at most 32 levels deep. Each value of an UpdateItem is within
 * the limit on its own, but written at a nested path it can end up deeper: the update is
 * refused as PutItem refuses such an item, and the item stays as it was.
 */
class UpdateItemNestingSdkTest {
  private static final String NESTING = "Nesting Levels have exceeded supported limits:"
      + " Attributes in the item have nested levels beyond supported limit";
  private static final Map<String, AttributeValue> KEY = Map.of("pk", s("k"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("deep").keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void putItem_refusesAnAttributeDeeperThan32Levels() {
    dynamo.putItem(b -> b.tableName("deep").item(Map.of("pk", s("ok"), "x", nested(31))));

    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("deep")
        .item(Map.of("pk", s("no"), "x", nested(32))))))
        .isEqualTo("1 validation error detected: " + NESTING);
  }

  @Test
  void anExpressionValueDeeperThan32Levels_isRefusedWithTheItemsWords_inTheEnvelope() {
    // PutItem's current layer reports a bad expression value bare, inside the envelope.
    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("deep")
        .item(Map.of("pk", s("no"))).conditionExpression("attribute_not_exists(x) OR x = :v")
        .expressionAttributeValues(Map.of(":v", nested(32))))))
        .isEqualTo("1 validation error detected: " + NESTING);
  }

  @Test
  void setAtANestedPath_isRefused_whenTheResultIsDeeperThan32Levels() {
    Map<String, AttributeValue> before = Map.of("pk", s("k"), "m", map(Map.of()));
    dynamo.putItem(b -> b.tableName("deep").item(before));

    // m (1) . z (2) holding 30 more maps: the string is at level 32.
    dynamo.updateItem(set("SET m.z = :v", nested(30)));
    dynamo.putItem(b -> b.tableName("deep").item(before));
    String refused = validationMessage(() -> dynamo.updateItem(set("SET m.z = :v", nested(31))));

    assertThat(refused).isEqualTo(NESTING);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void setCopyingAnAttributeToANestedPath_isRefused_whenTheCopyLandsTooDeep() {
    Map<String, AttributeValue> before =
        Map.of("pk", s("k"), "m", map(Map.of()), "d", nested(31));
    dynamo.putItem(b -> b.tableName("deep").item(before));

    String refused = validationMessage(() -> dynamo.updateItem(b -> b.tableName("deep").key(KEY)
        .updateExpression("SET m.z = d")));

    assertThat(refused).isEqualTo(NESTING);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void listAppendIntoANestedList_isRefused_whenAnElementLandsTooDeep() {
    Map<String, AttributeValue> before = Map.of("pk", s("k"),
        "m", map(Map.of("l", AttributeValue.fromL(List.of()))));
    dynamo.putItem(b -> b.tableName("deep").item(before));
    AttributeValue list = AttributeValue.fromL(List.of(nested(30)));

    // m (1) . l (2) [0] (3) holding 30 maps: the string is at level 33.
    String refused = validationMessage(() -> dynamo.updateItem(b -> b.tableName("deep").key(KEY)
        .updateExpression("SET m.l = list_append(m.l, :v)")
        .expressionAttributeValues(Map.of(":v", list))));

    assertThat(refused).isEqualTo(NESTING);
    assertThat(stored()).isEqualTo(before);
  }

  /** A string under {@code maps} levels of single-entry maps. */
  private static AttributeValue nested(int maps) {
    AttributeValue value = s("x");
    for (int i = 0; i < maps; i++) {
      value = map(Map.of("a", value));
    }
    return value;
  }

  private static AttributeValue map(Map<String, AttributeValue> values) {
    return AttributeValue.fromM(values);
  }

  private static UpdateItemRequest set(String expression, AttributeValue value) {
    return UpdateItemRequest.builder().tableName("deep").key(KEY).updateExpression(expression)
        .expressionAttributeValues(Map.of(":v", value)).build();
  }

  private Map<String, AttributeValue> stored() {
    return dynamo.getItem(b -> b.tableName("deep").key(KEY).consistentRead(true)).item();
  }
}
