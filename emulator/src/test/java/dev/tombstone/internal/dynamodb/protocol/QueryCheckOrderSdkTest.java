package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.n;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The order of Query's checks as dynalite's AWS-validated test/query.js has it: QueryFilter
 * entries, AttributesToGet duplicates and the start key's values before the key condition's
 * presence; on the table, the start key's partition attribute, then the key condition held
 * against the key attribute by attribute, then the filter's key attributes before {@code Select
 * ALL_ATTRIBUTES} on a global index.
 */
class QueryCheckOrderSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  static final String START_KEY_INVALID =
      "The provided starting key is invalid: The provided key element does not match the schema";
  static final AttributeValue EMPTY = AttributeValue.builder().build();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("hashed").keySchema(key("a", KeyType.HASH))
        .attributeDefinitions(def("a", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.createTable(b -> b.tableName("ranged")
        .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE))
        .attributeDefinitions(def("a", ScalarAttributeType.S), def("b", ScalarAttributeType.S),
            def("c", ScalarAttributeType.S), def("d", ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byCd")
            .keySchema(key("c", KeyType.HASH), key("d", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void queryFilterValue_comesFirst() {
    assertThat(message(b -> b.tableName("missing").exclusiveStartKey(Map.of("a", EMPTY))
        .attributesToGet("a", "a")
        .keyConditions(Map.of("a", condition(ComparisonOperator.EQ, EMPTY)))
        .queryFilter(Map.of("a", condition(ComparisonOperator.EQ, n(1),
            AttributeValue.builder().s("a").n("1").build())))))
        .isEqualTo("Supplied AttributeValue has more than one datatypes set, must contain"
            + " exactly one of the supported datatypes");
  }

  @Test
  void attributesToGetDuplicate_comesBeforeTheStartKeyAndAMissingKeyCondition() {
    assertThat(message(b -> b.tableName("missing").exclusiveStartKey(Map.of("a", EMPTY))
        .attributesToGet("a", "a")))
        .isEqualTo("One or more parameter values were invalid: Duplicate value in attribute"
            + " name: a");
  }

  @Test
  void startKeyValue_comesBeforeAMissingKeyCondition() {
    assertThat(message(b -> b.tableName("missing").exclusiveStartKey(Map.of("a", EMPTY))))
        .isEqualTo("The provided starting key is invalid: Supplied AttributeValue is empty,"
            + " must contain exactly one of the supported datatypes");
  }

  @Test
  void startKeyPartitionAttribute_comesBeforeTheKeyCondition_itsSortAttributeAfter() {
    Map<String, Condition> notIndexable =
        Map.of("z", Condition.builder().comparisonOperator(ComparisonOperator.NULL).build());
    assertThat(message(b -> b.tableName("hashed").keyConditions(notIndexable)
        .exclusiveStartKey(Map.of("b", s("x")))))
        .isEqualTo(START_KEY_INVALID);
    assertThat(message(b -> b.tableName("ranged").keyConditions(notIndexable)
        .exclusiveStartKey(Map.of("a", n(1), "b", s("x")))))
        .isEqualTo(START_KEY_INVALID);
    assertThat(message(b -> b.tableName("ranged").keyConditions(notIndexable)
        .exclusiveStartKey(Map.of("a", s("x"), "b", n(1)))))
        .isEqualTo("Query condition missed key schema element: a");
    assertThat(message(b -> b.tableName("ranged")
        .keyConditionExpression("a = :a AND b = :b")
        .expressionAttributeValues(Map.of(":a", s("x"), ":b", s("y")))
        .exclusiveStartKey(Map.of("a", s("x"), "b", n(1)))))
        .isEqualTo(START_KEY_INVALID);
  }

  @Test
  void keyCondition_isHeldAgainstThePartitionAttributeFirst() {
    assertThat(message(b -> b.tableName("hashed")
        .keyConditions(Map.of("a", condition(ComparisonOperator.NE, s("x"))))))
        .isEqualTo("Attempted conditional constraint is not an indexable operation");
    assertThat(message(b -> b.tableName("hashed").keyConditionExpression("y = :a AND z = :a")
        .expressionAttributeValues(Map.of(":a", s("x")))))
        .isEqualTo("Query key condition not supported");
    assertThat(message(b -> b.tableName("hashed").keyConditionExpression(":a > a")
        .expressionAttributeValues(Map.of(":a", n(1)))))
        .isEqualTo("One or more parameter values were invalid: Condition parameter type does"
            + " not match schema type");
    assertThat(message(b -> b.tableName("ranged").indexName("byCd")
        .keyConditions(Map.of("c", condition(ComparisonOperator.EQ, s("x")),
            "b", Condition.builder().comparisonOperator(ComparisonOperator.NULL).build()))))
        .isEqualTo("Query condition missed key schema element: d");
  }

  @Test
  void filterOnAnIndexKey_comesBeforeSelectAllAttributesOnAGlobalIndex() {
    assertThat(message(b -> b.tableName("ranged").indexName("byCd")
        .select(Select.ALL_ATTRIBUTES)
        .keyConditions(Map.of("c", condition(ComparisonOperator.EQ, s("x"))))
        .queryFilter(Map.of("d", condition(ComparisonOperator.EQ, s("y"))))))
        .isEqualTo("QueryFilter can only contain non-primary key attributes: Primary key"
            + " attribute: d");
    assertThat(message(b -> b.tableName("ranged").indexName("byCd")
        .select(Select.ALL_ATTRIBUTES)
        .keyConditions(Map.of("c", condition(ComparisonOperator.EQ, s("x"))))))
        .isEqualTo("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
            + " not supported for global secondary index byCd because its projection type is"
            + " not ALL");
  }

  @Test
  void emptyFilterOrProjection_comesBeforeTheKeyConditionsOperator() {
    assertThat(message(b -> b.tableName("missing").keyConditionExpression("attribute_type(a, :a)")
        .filterExpression("").projectionExpression("")
        .expressionAttributeValues(Map.of(":a", s("N")))))
        .isEqualTo("Invalid FilterExpression: The expression can not be empty;");
    assertThat(message(b -> b.tableName("missing").keyConditionExpression("attribute_type(a, :a)")
        .filterExpression("e > f").projectionExpression("")
        .expressionAttributeValues(Map.of(":a", s("N")))))
        .isEqualTo("Invalid ProjectionExpression: The expression can not be empty;");
  }

  @Test
  void filterPathIntoAKey_comesAfterTheFiltersKeyAttributesAndSelect() {
    assertThat(message(b -> b.tableName("ranged").keyConditionExpression("a = :a")
        .filterExpression("attribute_exists(b) AND c.x = :a")
        .expressionAttributeValues(Map.of(":a", s("x")))))
        .isEqualTo("Filter Expression can only contain non-primary key attributes: Primary key"
            + " attribute: b");
    assertThat(message(b -> b.tableName("ranged").indexName("byCd").select(Select.ALL_ATTRIBUTES)
        .keyConditionExpression("c = :a").filterExpression("attribute_exists(a.x)")
        .expressionAttributeValues(Map.of(":a", s("x")))))
        .startsWith("One or more parameter values were invalid: Select type ALL_ATTRIBUTES");
    assertThat(message(b -> b.tableName("ranged").keyConditionExpression("a = :a")
        .filterExpression("attribute_exists(d.x)")
        .expressionAttributeValues(Map.of(":a", s("x")))))
        .isEqualTo("Key attributes must be scalars; list random access '[]' and map lookup '.'"
            + " are not allowed: IndexKey: d");
  }

  @Test
  void keyConditionGrammar_comesBeforeAnEmptyFilter() {
    assertThat(message(b -> b.tableName("missing").keyConditionExpression("a >")
        .filterExpression("")))
        .startsWith("Invalid KeyConditionExpression: Syntax error; ");
    assertThat(message(b -> b.tableName("missing").keyConditionExpression("")
        .filterExpression("")))
        .isEqualTo("Invalid KeyConditionExpression: The expression can not be empty;");
  }

  private String message(Consumer<QueryRequest.Builder> request) {
    return validationMessage(() -> dynamo.query(request));
  }

  private static Condition condition(ComparisonOperator operator, AttributeValue... values) {
    return Condition.builder().comparisonOperator(operator).attributeValueList(values).build();
  }
}
