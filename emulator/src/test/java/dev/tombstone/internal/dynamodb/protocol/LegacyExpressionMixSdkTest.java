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
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Which legacy members DynamoDB counts as mixed with expressions, and how it lists them: {@code
 * KeyConditions} only against a {@code KeyConditionExpression}, {@code ConditionalOperator}
 * always.
 */
class LegacyExpressionMixSdkTest {
  private static final String MIX = "Can not use both expression and non-expression parameters"
      + " in the same request: Non-expression parameters: {";

  private static final Map<String, AttributeValue> KEY = Map.of("pk", s("k"), "sk", s("1"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("mix")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.putItem(b -> b.tableName("mix")
        .item(Map.of("pk", s("k"), "sk", s("1"), "a", s("x"), "b", s("y"))));
    dynamo.putItem(b -> b.tableName("mix")
        .item(Map.of("pk", s("k"), "sk", s("2"), "a", s("z"), "b", s("y"))));
  }

  @Test
  void query_keyConditionsWithAProjectionExpression_isServed() {
    QueryResponse response = dynamo.query(b -> b.tableName("mix")
        .keyConditions(Map.of("pk", eq("k"))).projectionExpression("#a")
        .expressionAttributeNames(Map.of("#a", "a")));

    assertThat(response.items()).containsExactly(Map.of("a", s("x")), Map.of("a", s("z")));
  }

  @Test
  void query_keyConditionsWithAFilterExpression_isServed() {
    QueryResponse response = dynamo.query(b -> b.tableName("mix")
        .keyConditions(Map.of("pk", eq("k"))).filterExpression("a = :v")
        .expressionAttributeValues(Map.of(":v", s("z"))));

    assertThat(response.items()).extracting(item -> item.get("sk")).containsExactly(s("2"));
    assertThat(response.scannedCount()).isEqualTo(2);
  }

  @Test
  void query_keyConditionsWithAKeyConditionExpression_isAMix() {
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("mix")
        .keyConditions(Map.of("pk", eq("k"))).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("k"))))))
        .isEqualTo(MIX + "KeyConditions} Expression parameters: {KeyConditionExpression}");
  }

  @Test
  void query_everyMemberOfBothKinds_listsKeyConditionsLast() {
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("mix")
        .keyConditions(Map.of("pk", eq("k"))).queryFilter(Map.of("a", eq("x")))
        .conditionalOperator("AND").keyConditionExpression("pk = :p")
        .filterExpression("a = :v").projectionExpression("b")
        .expressionAttributeValues(Map.of(":p", s("k"), ":v", s("x"))))))
        .isEqualTo(MIX + "QueryFilter, ConditionalOperator, KeyConditions} Expression"
            + " parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}");
  }

  @Test
  void putItem_conditionalOperatorWithAConditionExpression_isAMix() {
    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("mix").item(KEY)
        .conditionalOperator("AND").conditionExpression("attribute_exists(pk)"))))
        .isEqualTo(MIX + "ConditionalOperator} Expression parameters: {ConditionExpression}");
  }

  @Test
  void deleteItem_conditionalOperatorWithAConditionExpression_isAMix() {
    assertThat(validationMessage(() -> dynamo.deleteItem(b -> b.tableName("mix").key(KEY)
        .conditionalOperator("OR").conditionExpression("attribute_exists(pk)"))))
        .isEqualTo(MIX + "ConditionalOperator} Expression parameters: {ConditionExpression}");
  }

  @Test
  void putItem_expectedAndConditionalOperatorWithAConditionExpression_listsBoth() {
    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("mix").item(KEY)
        .expected(Map.of("a", expected("x"))).conditionalOperator("AND")
        .conditionExpression("attribute_exists(pk)"))))
        .isEqualTo(MIX + "Expected, ConditionalOperator} Expression parameters:"
            + " {ConditionExpression}");
  }

  @Test
  void updateItem_everyMemberOfBothKinds_inDynamoDbsOrder() {
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName("mix").key(KEY)
        .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().value(s("v"))
            .action(AttributeAction.PUT).build()))
        .expected(Map.of("a", expected("x"))).conditionalOperator("AND")
        .updateExpression("SET a = :v").conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(Map.of(":v", s("x"))))))
        .isEqualTo(MIX + "AttributeUpdates, Expected, ConditionalOperator} Expression"
            + " parameters: {UpdateExpression, ConditionExpression}");
  }

  static ExpectedAttributeValue expected(String value) {
    return ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ)
        .attributeValueList(List.of(s(value))).build();
  }

  static Condition eq(String value) {
    return Condition.builder().comparisonOperator(ComparisonOperator.EQ)
        .attributeValueList(List.of(s(value))).build();
  }
}
