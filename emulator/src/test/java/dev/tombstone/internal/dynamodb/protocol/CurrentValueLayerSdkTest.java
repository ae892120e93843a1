package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * GetItem, BatchGetItem and Query check values in DynamoDB's current layer and answer bare;
 * PutItem, UpdateItem and DeleteItem answer inside the request-validation envelope:
 * paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts and the
 * deleteItem, putItem and updateItem tests (AWS, 2026-10-09). Scan keeps the older wording.
 */
class CurrentValueLayerSdkTest {
  static final String TABLE = "layers";
  static final String INVALID = "One or more parameter values were invalid: ";
  static final List<AttributeValue> DUPLICATES = List.of(
      AttributeValue.fromSs(List.of("b", "a", "b")),
      AttributeValue.fromBs(List.of(bytes(0xff), bytes(0x00), bytes(0x00))),
      AttributeValue.fromNs(List.of("2", "1", "2")));
  static final List<String> CURRENT = List.of(
      INVALID + "Input collection [\"a\", \"b\", \"b\"] contains duplicates.",
      INVALID + "Input collection [\"AA==\",\"/w==\",\"AA==\"]of type BS contains duplicates.",
      INVALID + "Input collection contains duplicates.");

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    SdkTables.stringHashKey(dynamo, TABLE, "pk");
  }

  @Test
  void duplicateSetMembers_inGetBatchGetAndQuery_areQuotedAndBare() {
    for (int i = 0; i < DUPLICATES.size(); i++) {
      AttributeValue set = DUPLICATES.get(i);

      String get = validationMessage(() -> dynamo.getItem(b -> b.tableName(TABLE)
          .key(Map.of("pk", set))));
      String batchGet = validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(
          Map.of(TABLE, KeysAndAttributes.builder()
              .keys(Map.of("pk", set)).build()))));
      String filter = validationMessage(() -> dynamo.query(b -> b.tableName(TABLE)
          .keyConditionExpression("pk = :p").filterExpression("s = :t")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("k"), ":t", set))));
      String startKey = validationMessage(() -> dynamo.query(b -> b.tableName(TABLE)
          .keyConditionExpression("pk = :p")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("k")))
          .exclusiveStartKey(Map.of("pk", set))));

      assertThat(List.of(get, batchGet, filter, startKey)).containsOnly(CURRENT.get(i));
    }
  }

  @Test
  void emptyNumber_inGetAndQuery_keepsTheColon() {
    String get = validationMessage(() -> dynamo.getItem(b -> b.tableName(TABLE)
        .key(Map.of("pk", AttributeValue.fromN("")))));
    String query = validationMessage(() -> dynamo.query(b -> b.tableName(TABLE)
        .keyConditionExpression("pk = :p").filterExpression("n = :v")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("k"),
            ":v", AttributeValue.fromN("")))));

    assertThat(List.of(get, query))
        .containsOnly("The parameter cannot be converted to a numeric value: ");
  }

  @Test
  void itemWrites_reportRequestAndValueChecksInsideTheEnvelope() {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("k"));
    AttributeValue duplicates = DUPLICATES.get(0);

    List<String> got = List.of(
        validationMessage(() -> dynamo.deleteItem(b -> b.tableName(TABLE).key(key)
            .returnValues("ALL_NEW"))),
        validationMessage(() -> dynamo.putItem(b -> b.tableName(TABLE).item(key)
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x"))))),
        validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key)
            .updateExpression("SET b = :w").conditionExpression("a = :v")
            .expressionAttributeValues(Map.of(":w", AttributeValue.fromS("x"))))),
        validationMessage(() -> dynamo.putItem(b -> b.tableName(TABLE)
            .item(Map.of("pk", AttributeValue.fromS("k"), "s", duplicates)))),
        validationMessage(() -> dynamo.deleteItem(b -> b.tableName(TABLE).key(key)
            .conditionExpression("n = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(""))))));

    assertThat(got).containsExactly(
        "1 validation error detected: ReturnValues can only be ALL_OLD or NONE",
        "1 validation error detected: ExpressionAttributeValues can only be specified when using"
            + " expressions",
        "1 validation error detected: Invalid ConditionExpression: An expression attribute value"
            + " used in expression is not defined; attribute value: :v",
        "1 validation error detected: " + CURRENT.get(0),
        "1 validation error detected: The parameter cannot be converted to a numeric value: ");
    assertThat(dynamo.scan(b -> b.tableName(TABLE)).count()).isZero();
  }

  @Test
  void updateItem_legacyAttributeUpdates_reportABadValueInsideTheEnvelope() {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("k"));

    String number = validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key)
        .attributeUpdates(Map.of("n", AttributeValueUpdate.builder().action(AttributeAction.PUT)
            .value(AttributeValue.fromN("abc")).build()))));
    String duplicates = validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key)
        .attributeUpdates(Map.of("s", AttributeValueUpdate.builder().action(AttributeAction.PUT)
            .value(DUPLICATES.get(0)).build()))));

    assertThat(List.of(number, duplicates)).containsExactly(
        "1 validation error detected: The parameter cannot be converted to a numeric value: abc",
        "1 validation error detected: " + CURRENT.get(0));
  }

  @Test
  void scan_keepsTheOlderWording() {
    String scan = validationMessage(() -> dynamo.scan(b -> b.tableName(TABLE)
        .filterExpression("s = :t")
        .expressionAttributeValues(Map.of(":t", DUPLICATES.get(0)))));

    assertThat(scan).isEqualTo("ExpressionAttributeValues contains invalid value: " + INVALID
        + "Input collection [b, a, b] contains duplicates. for key :t");
  }

  private static SdkBytes bytes(int b) {
    return SdkBytes.fromByteArray(new byte[] {(byte) b});
  }
}
