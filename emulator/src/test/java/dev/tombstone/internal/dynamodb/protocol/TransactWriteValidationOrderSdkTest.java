package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.internal.NestingLimit;
import dev.tombstone.testing.RunningTombstone;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Which problem TransactWriteItems reports when a request has several, one of them a value
 * nested past the limit: the first in request order, and within an element its expressions
 * and a Put item's names before its key or item values (deepRequests.test.ts of the AWS-run
 * conformance suite). The table does not exist: every answer comes before it is looked up.
 */
class TransactWriteValidationOrderSdkTest {
  private static final String ABSENT = "absent";
  private static final String EMPTY_NAME = "Empty attribute name";
  private static final String SYNTAX =
      "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void anEmptyAttributeName_comesBeforeAValueNested100LevelsInALaterPut() {
    String message = message(put(item(key("a"), "", s("x"))), put(item(key("b"), "d", deep(100))));

    assertThat(message).isEqualTo(EMPTY_NAME);
  }

  @Test
  void anEmptyAttributeName_comesBeforeAValueNested100LevelsInTheSameItem_inEitherOrder() {
    Map<String, AttributeValue> nameFirst = item(item(key("a"), "", s("x")), "d", deep(100));
    Map<String, AttributeValue> deepFirst = item(item(key("a"), "d", deep(100)), "", s("x"));

    assertThat(message(put(nameFirst))).isEqualTo(EMPTY_NAME);
    assertThat(message(put(deepFirst))).isEqualTo(EMPTY_NAME);
  }

  @Test
  void anEmptyAttributeName_comesBeforeALaterConditionCheckValueNested100Levels() {
    TransactWriteItem check = TransactWriteItem.builder().conditionCheck(c -> c.tableName(ABSENT)
        .key(key("b")).conditionExpression("d = :deep")
        .expressionAttributeValues(Map.of(":deep", deep(100)))).build();

    assertThat(message(put(item(key("a"), "", s("x"))), check)).isEqualTo(EMPTY_NAME);
  }

  @Test
  void aValueNested40Levels_comesBeforeAnEmptyAttributeNameInALaterPut() {
    String message = message(put(item(key("b"), "d", deep(40))), put(item(key("a"), "", s("x"))));

    assertThat(message).isEqualTo(NestingLimit.EXCEEDED);
  }

  @Test
  void aConditionSyntaxError_comesBeforeTheSameDeletesKeyNested100Levels() {
    TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(ABSENT)
        .key(Map.of("pk", deep(100), "sk", s("1"))).conditionExpression("a = = b")).build();

    assertThat(message(delete)).isEqualTo(SYNTAX);
  }

  @Test
  void anOversizedCondition_comesBeforeTheSameDeletesKeyNested100Levels() {
    String condition = "a = :v" + " AND a = :v".repeat(373);
    TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(ABSENT)
        .key(Map.of("pk", deep(100), "sk", s("1"))).conditionExpression(condition)
        .expressionAttributeValues(Map.of(":v", s("x")))).build();

    assertThat(message(delete)).isEqualTo("Invalid ConditionExpression: Expression size has"
        + " exceeded the maximum allowed size; expression size: 4109");
  }

  private String message(TransactWriteItem... items) {
    return validationMessage(() -> dynamo.transactWriteItems(b -> b.transactItems(items)));
  }

  private static TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(p -> p.tableName(ABSENT).item(item)).build();
  }

  private static Map<String, AttributeValue> key(String pk) {
    return item(Map.of("pk", s(pk)), "sk", s("1"));
  }

  private static Map<String, AttributeValue> item(Map<String, AttributeValue> item, String name,
      AttributeValue value) {
    Map<String, AttributeValue> more = new LinkedHashMap<>(item);
    more.put(name, value);
    return more;
  }

  /** A string wrapped in {@code levels} single-entry maps. */
  private static AttributeValue deep(int levels) {
    AttributeValue value = s("leaf");
    for (int i = 0; i < levels; i++) {
      value = AttributeValue.fromM(Map.of("n", value));
    }
    return value;
  }
}
