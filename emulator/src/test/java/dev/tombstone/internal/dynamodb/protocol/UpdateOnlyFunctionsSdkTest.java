package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@code if_not_exists} and {@code list_append} belong to UpdateExpressions only: in a condition,
 * filter or key condition DynamoDB refuses them with a message of their own (ScyllaDB's
 * test_update_condition_other_funcs, run against AWS). Within an UpdateExpression only
 * {@code if_not_exists} may sit inside another function (test_update_expression_function_nesting).
 */
class UpdateOnlyFunctionsSdkTest {
  private static final String TABLE = "orders";
  private static final Map<String, AttributeValue> KEY = Map.of("id", s("o-1"), "sk", s("a"));
  private static final Map<String, AttributeValue> STORED =
      Map.of("id", s("o-1"), "sk", s("a"), "price", AttributeValue.fromN("5"));
  private static final Map<String, AttributeValue> FIVE = Map.of(":v", AttributeValue.fromN("5"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName(TABLE)
        .keySchema(key("id", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("sk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.putItem(b -> b.tableName(TABLE).item(STORED));
  }

  @Test
  void conditionExpression_refusesThemInEveryWrite_andChangesNothing() {
    String ifNotExists = "Invalid ConditionExpression: The function is not allowed in a condition"
        + " expression; function: if_not_exists";

    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(KEY)
        .updateExpression("SET price = :v").conditionExpression("if_not_exists(price, price) = :v")
        .expressionAttributeValues(FIVE))))
        .isEqualTo(ifNotExists);
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(KEY)
        .updateExpression("SET price = :v").conditionExpression("list_append(price, price) = :v")
        .expressionAttributeValues(FIVE))))
        .isEqualTo("Invalid ConditionExpression: The function is not allowed in a condition"
            + " expression; function: list_append");
    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName(TABLE).item(KEY)
        .conditionExpression("if_not_exists(price, :v) = :v").expressionAttributeValues(FIVE))))
        .isEqualTo(ifNotExists);
    assertThat(validationMessage(() -> dynamo.deleteItem(b -> b.tableName(TABLE).key(KEY)
        .conditionExpression("if_not_exists(price, :v) = :v").expressionAttributeValues(FIVE))))
        .isEqualTo(ifNotExists);
    assertThat(validationMessage(() -> dynamo.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(TABLE).key(KEY)
            .conditionExpression("if_not_exists(price, :v) = :v")
            .expressionAttributeValues(FIVE)).build()))))
        .isEqualTo(ifNotExists);
    assertThat(dynamo.getItem(b -> b.tableName(TABLE).key(KEY)).item()).isEqualTo(STORED);
  }

  @Test
  void filterExpression_refusesThemWithTheConditionText_underItsOwnPrefix() {
    String expected = "Invalid FilterExpression: The function is not allowed in a condition"
        + " expression; function: if_not_exists";

    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName(TABLE)
        .filterExpression("if_not_exists(price, :v) = :v").expressionAttributeValues(FIVE))))
        .isEqualTo(expected);
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName(TABLE)
        .keyConditionExpression("id = :id").filterExpression("if_not_exists(price, :v) = :v")
        .expressionAttributeValues(Map.of(":id", s("o-1"), ":v", AttributeValue.fromN("5"))))))
        .isEqualTo(expected);
  }

  @Test
  void keyConditionExpression_refusesThemWithTheConditionText_underItsOwnPrefix() {
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName(TABLE)
        .keyConditionExpression("id = :id AND list_append(sk, :id) = :id")
        .expressionAttributeValues(Map.of(":id", s("o-1"))))))
        .isEqualTo("Invalid KeyConditionExpression: The function is not allowed in a condition"
            + " expression; function: list_append");
  }

  @Test
  void unknownFunctionEarlierInTheText_isReportedFirst() {
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName(TABLE)
        .filterExpression("dog(price) AND if_not_exists(price, :v) = :v")
        .expressionAttributeValues(FIVE))))
        .isEqualTo("Invalid FilterExpression: Invalid function name; function: dog");
  }

  @Test
  void listAppendInsideAnotherFunction_isRefused_andWritesNothing() {
    Map<String, AttributeValue> lists = Map.of(":a", list("a"), ":b", list("b"), ":c", list("c"));
    String expected = "Invalid UpdateExpression: The function is not allowed to be used this way"
        + " in an expression; function: list_append";

    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(KEY)
        .updateExpression("SET tags = list_append(list_append(:a, :b), :c)")
        .expressionAttributeValues(lists))))
        .isEqualTo(expected);
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(KEY)
        .updateExpression("SET tags = if_not_exists(tags, list_append(:a, :b)), n = :c")
        .expressionAttributeValues(lists))))
        .isEqualTo(expected);
    assertThat(dynamo.getItem(b -> b.tableName(TABLE).key(KEY)).item()).isEqualTo(STORED);
  }

  @Test
  void ifNotExistsInsideListAppend_appendsToAListThatMayBeMissing() {
    for (int i = 0; i < 2; i++) {
      dynamo.updateItem(b -> b.tableName(TABLE).key(KEY)
          .updateExpression("SET tags = list_append(if_not_exists(tags, :none), :t)")
          .expressionAttributeValues(Map.of(":none", AttributeValue.fromL(List.of()),
              ":t", list("x"))));
    }

    assertThat(dynamo.getItem(b -> b.tableName(TABLE).key(KEY)).item().get("tags"))
        .isEqualTo(AttributeValue.fromL(List.of(s("x"), s("x"))));
  }

  private static AttributeValue list(String element) {
    return AttributeValue.fromL(List.of(s(element)));
  }
}
