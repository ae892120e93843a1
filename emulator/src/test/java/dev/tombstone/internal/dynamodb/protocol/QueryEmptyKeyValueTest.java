package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A Query whose key condition sets a key attribute equal to an empty string or binary is
 * refused as a key with that value is, naming the key attribute of the table or index queried.
 */
class QueryEmptyKeyValueTest {
  private static final String EMPTY_STRING = "One or more parameter values are not valid. The"
      + " AttributeValue for a key attribute cannot contain an empty string value. Key: ";
  private static final String EMPTY_BINARY = "One or more parameter values are not valid. The"
      + " AttributeValue for a key attribute cannot contain an empty binary value. Key: ";
  private static final AttributeValue EMPTY_B =
      AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  /** strs: pk + sk, LSI byL on lsk, GSI byG on gpk, all strings; bins: pk + sk binary. */
  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("strs")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
            def("lsk", ScalarAttributeType.S), def("gpk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(key("gpk", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build()));
    dynamo.createTable(b -> b.tableName("bins")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.B), def("sk", ScalarAttributeType.B))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.putItem(b -> b.tableName("strs").item(Map.of("pk", s("a"), "sk", s("1"),
        "lsk", s("x"), "gpk", s("g"))));
  }

  @Test
  void emptyPartitionKeyValue_isRefused_inAnExpressionAndInKeyConditions() {
    assertThat(message(QueryRequest.builder().tableName("strs")
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("")))
        .build())).isEqualTo(EMPTY_STRING + "pk");
    assertThat(message(QueryRequest.builder().tableName("strs")
        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
            .attributeValueList(s("")).build())).build())).isEqualTo(EMPTY_STRING + "pk");
  }

  @Test
  void emptySortKeyValue_inAnEquality_isRefused() {
    assertThat(message(QueryRequest.builder().tableName("strs")
        .keyConditionExpression("pk = :p AND sk = :e")
        .expressionAttributeValues(Map.of(":p", s("a"), ":e", s(""))).build()))
        .isEqualTo(EMPTY_STRING + "sk");
  }

  @Test
  void emptyIndexKeyValue_namesTheIndexKeyAttribute() {
    assertThat(message(QueryRequest.builder().tableName("strs").indexName("byL")
        .keyConditionExpression("pk = :p AND lsk = :e")
        .expressionAttributeValues(Map.of(":p", s("a"), ":e", s(""))).build()))
        .isEqualTo(EMPTY_STRING + "lsk");
    assertThat(message(QueryRequest.builder().tableName("strs").indexName("byG")
        .keyConditionExpression("gpk = :e").expressionAttributeValues(Map.of(":e", s("")))
        .build())).isEqualTo(EMPTY_STRING + "gpk");
  }

  @Test
  void emptyBinaryKeyValue_isRefused() {
    assertThat(message(QueryRequest.builder().tableName("bins")
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", EMPTY_B))
        .build())).isEqualTo(EMPTY_BINARY + "pk");
    assertThat(message(QueryRequest.builder().tableName("bins")
        .keyConditionExpression("pk = :p AND sk = :e")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromB(SdkBytes.fromUtf8String(
            "a")), ":e", EMPTY_B)).build())).isEqualTo(EMPTY_BINARY + "sk");
  }

  @Test
  void nonEmptyValues_stillQuery() {
    assertThat(dynamo.query(b -> b.tableName("strs").indexName("byG")
        .keyConditionExpression("gpk = :g").expressionAttributeValues(Map.of(":g", s("g"))))
        .count()).isEqualTo(1);
  }

  private String message(QueryRequest request) {
    return validationMessage(() -> dynamo.query(request));
  }
}
