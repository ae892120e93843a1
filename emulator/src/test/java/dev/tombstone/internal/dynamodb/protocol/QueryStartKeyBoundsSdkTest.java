package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Query's answer to an ExclusiveStartKey the key condition does not hold, and the index checks
 * that come before the key condition is held against the key.
 */
class QueryStartKeyBoundsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void rangeTable() {
    dynamo.createTable(b -> b.tableName("ranged")
        .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE))
        .attributeDefinitions(def("a", ScalarAttributeType.S), def("b", ScalarAttributeType.S),
            def("c", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byC")
            .keySchema(key("c", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  private String message(String keyCondition) {
    QueryRequest request = QueryRequest.builder().tableName("ranged")
        .keyConditionExpression(keyCondition)
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("b")))
        .exclusiveStartKey(Map.of("a", AttributeValue.fromS("a"), "b", AttributeValue.fromS("a")))
        .build();
    return refusal(request);
  }

  @Test
  void otherPartition_partitionConditionOnly_isOutsideTheBoundaries() {
    assertThat(message("a = :a")).isEqualTo(
        "The provided starting key is outside query boundaries based on provided conditions");
  }

  @Test
  void otherPartition_withSortCondition_cannotBeRestarted() {
    assertThat(message("a = :a and b < :a"))
        .isEqualTo("The query can return at most one row and cannot be restarted");
  }

  @Test
  void otherPartition_sortOutsideTheCondition_doesNotMatchThePredicate() {
    assertThat(message("a = :a and b > :a"))
        .isEqualTo("The provided starting key does not match the range key predicate");
  }

  @Test
  void samePartition_sortOutsideTheRange_doesNotMatchThePredicate() {
    QueryRequest request = QueryRequest.builder().tableName("ranged")
        .keyConditionExpression("a = :a and b > :a")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("b")))
        .exclusiveStartKey(Map.of("a", AttributeValue.fromS("b"), "b", AttributeValue.fromS("a")))
        .build();
    assertThat(refusal(request))
        .isEqualTo("The provided starting key does not match the range key predicate");
  }

  private String refusal(QueryRequest request) {
    return validationMessage(() -> dynamo.query(request));
  }

  @Test
  void unknownIndex_comesBeforeTheKeyConditionAgainstTheKey() {
    assertThat(refusal(QueryRequest.builder().tableName("ranged").indexName("whatever")
        .keyConditions(Map.of("z", software.amazon.awssdk.services.dynamodb.model.Condition
            .builder().comparisonOperator("NULL").build())).build()))
        .isEqualTo("The table does not have the specified index: whatever");
  }

  @Test
  void consistentReadOnGlobalIndex_comesBeforeTheKeyConditionAgainstTheKey() {
    assertThat(refusal(QueryRequest.builder().tableName("ranged").indexName("byC")
        .consistentRead(true).keyConditionExpression("z = :a")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("b"))).build()))
        .isEqualTo("Consistent reads are not supported on global secondary indexes");
  }
}
