package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.n;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The legacy {@code AttributesToGet} on a global secondary index is held to the index's
 * projection, as {@code ProjectionExpression} is: a global index cannot fetch from the table,
 * so Query and Scan refuse a name it does not project. A local index still reads the table.
 */
class GlobalIndexAttributesToGetSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  /** orders: user + seq; GSI byStatus (INCLUDE total); LSI byTotal (KEYS_ONLY). */
  @BeforeEach
  void ordersTable() {
    dynamo.createTable(b -> b.tableName("orders")
        .keySchema(key("user", KeyType.HASH), key("seq", KeyType.RANGE))
        .attributeDefinitions(def("user", ScalarAttributeType.S),
            def("seq", ScalarAttributeType.N), def("status", ScalarAttributeType.S),
            def("total", ScalarAttributeType.N))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
            .keySchema(key("status", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes("total").build())
            .build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
            .keySchema(key("user", KeyType.HASH), key("total", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
            .build()));
    for (int seq = 1; seq <= 4; seq++) {
      int number = seq;
      dynamo.putItem(b -> b.tableName("orders").item(Map.of("user", s("alice"),
          "seq", n(number), "status", s("PAID"), "total", n(number * 10),
          "note", s("n" + number))));
    }
  }

  @Test
  void query_ofAGlobalIndex_refusesAttributesToGetNamingWhatItDoesNotProject() {
    DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.query(b -> b.tableName("orders").indexName("byStatus")
            .keyConditions(Map.of("status", eq("PAID")))
            .attributesToGet("note", "total", "note2")));
    QueryResponse projected = dynamo.query(b -> b.tableName("orders").indexName("byStatus")
        .keyConditions(Map.of("status", eq("PAID"))).attributesToGet("total", "seq"));

    assertRefused(refused, "[note, note2]");
    assertThat(projected.count()).isEqualTo(4);
    assertThat(projected.items())
        .allSatisfy(item -> assertThat(item).containsOnlyKeys("total", "seq"));
  }

  @Test
  void scan_ofAGlobalIndex_refusesAttributesToGetNamingWhatItDoesNotProject() {
    DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.scan(b -> b.tableName("orders").indexName("byStatus")
            .attributesToGet("total", "note")));
    ScanResponse projected = dynamo.scan(b -> b.tableName("orders").indexName("byStatus")
        .attributesToGet("status", "user"));

    assertRefused(refused, "[note]");
    assertThat(projected.count()).isEqualTo(4);
    assertThat(projected.items())
        .allSatisfy(item -> assertThat(item).containsOnlyKeys("status", "user"));
  }

  @Test
  void aLocalIndex_stillReadsTheTableForAttributesToGet() {
    QueryResponse query = dynamo.query(b -> b.tableName("orders").indexName("byTotal")
        .keyConditions(Map.of("user", eq("alice"))).attributesToGet("note"));

    assertThat(query.count()).isEqualTo(4);
    assertThat(query.items()).allSatisfy(item -> assertThat(item).containsOnlyKeys("note"));
  }

  private static void assertRefused(DynamoDbException refused, String missing) {
    assertThat(refused).isNotNull();
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("One or more parameter"
        + " values were invalid: Global secondary index byStatus does not project " + missing);
  }

  private static Condition eq(String value) {
    return Condition.builder().comparisonOperator(ComparisonOperator.EQ)
        .attributeValueList(s(value)).build();
  }
}
