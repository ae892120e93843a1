package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Query's legacy {@code KeyConditions} and {@code QueryFilter} checks that need no table come
 * before the table lookup, values before argument counts (dynalite's AWS-derived
 * test/query.js, all on a missing table).
 */
class QueryLegacyConditionOrderSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  private static final AttributeValue EMPTY = AttributeValue.builder().build();

  private String message(QueryRequest request) {
    return validationMessage(() -> dynamo.query(request));
  }

  private static Condition condition(ComparisonOperator operator, AttributeValue... values) {
    return Condition.builder().comparisonOperator(operator).attributeValueList(values).build();
  }

  private static QueryRequest keyed(Map<String, Condition> keyConditions) {
    return QueryRequest.builder().tableName("missing").queryFilter(Map.of())
        .keyConditions(keyConditions).build();
  }

  @Test
  void keyConditionValue_onMissingTable_comesBeforeItsCountAndTheLookup() {
    assertThat(message(keyed(Map.of("a", condition(ComparisonOperator.EQ, EMPTY,
        AttributeValue.fromS(""))))))
        .isEqualTo("Supplied AttributeValue is empty, must contain exactly one of the supported"
            + " datatypes");
  }

  @Test
  void keyConditionArgumentCount_onMissingTable() {
    assertThat(message(keyed(Map.of("a", Condition.builder()
        .comparisonOperator(ComparisonOperator.EQ).build()))))
        .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s)"
            + " for the EQ ComparisonOperator");
    assertThat(message(keyed(Map.of("a", condition(ComparisonOperator.BETWEEN,
        AttributeValue.fromS("a"), AttributeValue.fromS("a"), AttributeValue.fromS("a"))))))
        .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s)"
            + " for the BETWEEN ComparisonOperator");
  }

  @Test
  void keyConditionTypesAndBounds_onMissingTable() {
    assertThat(message(keyed(Map.of("a", condition(ComparisonOperator.LT,
        AttributeValue.fromBool(true))))))
        .isEqualTo("One or more parameter values were invalid: ComparisonOperator LT is not"
            + " valid for BOOL AttributeValue type");
    assertThat(message(keyed(Map.of("a", condition(ComparisonOperator.BETWEEN,
        AttributeValue.fromS("b"), AttributeValue.fromS("a"))))))
        .isEqualTo("The BETWEEN condition was provided a range where the lower bound is"
            + " greater than the upper bound");
  }

  @Test
  void emptyKeyConditions_onMissingTable() {
    assertThat(message(keyed(Map.of())))
        .isEqualTo("Conditions can be of length 1 or 2 only");
  }

  @Test
  void twoConditionsOnOneKey_onMissingTable_isRefusedBeforeTheLookup() {
    assertThat(message(QueryRequest.builder().tableName("missing")
        .keyConditionExpression("b > :a AND b < :a and c = :a")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromN("1"))).build()))
        .isEqualTo("Invalid KeyConditionExpression: KeyConditionExpressions must only contain"
            + " one condition per key");
  }

  @Test
  void validKeyConditions_onMissingTable_answerResourceNotFound() {
    DynamoDbException e = catchThrowableOfType(() -> dynamo.query(keyed(Map.of("a",
        condition(ComparisonOperator.EQ, AttributeValue.fromS("x"))))), DynamoDbException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
  }

  private String keyConditionRefusal(String expression) {
    return message(QueryRequest.builder().tableName("missing")
        .keyConditionExpression(expression)
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("1"),
            ":b", AttributeValue.fromS("1"))).build());
  }

  @Test
  void valueFirstInBetweenOrBeginsWith_comesBeforeANestedOperation() {
    assertThat(keyConditionRefusal(":a between size(b) and size(a) and b > :b"))
        .isEqualTo("Invalid condition in KeyConditionExpression: BETWEEN operator must have"
            + " the key attribute as its first operand");
    assertThat(keyConditionRefusal("begins_with(:a, b) and a > :b"))
        .isEqualTo("Invalid condition in KeyConditionExpression: begins_with operator must have"
            + " the key attribute as its first operand");
  }

  @Test
  void nestedPathBesideAnotherPath_isANestedCondition() {
    for (String expression : new String[] {"b.d > a AND c.d > e.f", "a.d > c", "b[0] > a"}) {
      assertThat(message(QueryRequest.builder().tableName("missing")
          .keyConditionExpression(expression).build()))
          .as(expression)
          .isEqualTo("KeyConditionExpressions cannot have conditions on nested attributes");
    }
    // The first path decides: a plain name beside a nested path names several attributes.
    for (String expression : new String[] {"a > b", "b > a.b", "b between c[1] and d",
        "a between b and size(a)"}) {
      assertThat(message(QueryRequest.builder().tableName("missing")
          .keyConditionExpression(expression).build()))
          .as(expression)
          .isEqualTo("Invalid condition in KeyConditionExpression: Multiple attribute names"
              + " used in one condition");
    }
  }
}
