package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A {@code LastEvaluatedKey} is a place in key order, not a reference to an item: deleting the
 * item it names (and others) between two pages neither fails the next page nor skips or
 * repeats an item, on the table, on a global index and in a Scan.
 */
class PagingAfterDeleteSdkTest {
  static final String TABLE = "paged";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  /** pk "p" with sk 0..5 and g "G" on each; pk "q" with sk 0 and no g. */
  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk"), def("sk"), def("g"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    for (int i = 0; i < 6; i++) {
      String sk = String.valueOf(i);
      dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("p"), "sk", s(sk),
          "g", s("G"))));
    }
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("q"), "sk", s("0"))));
  }

  @Test
  void query_resumesAfterAStartKeyWhoseItemWasDeleted() {
    QueryResponse first = dynamo.query(b -> b.tableName(TABLE).limit(2)
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))));
    Map<String, AttributeValue> start = first.lastEvaluatedKey();
    assertThat(start).isEqualTo(Map.of("pk", s("p"), "sk", s("1")));
    dynamo.deleteItem(b -> b.tableName(TABLE).key(start));
    dynamo.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", s("p"), "sk", s("2"))));

    QueryResponse forward = dynamo.query(b -> b.tableName(TABLE).exclusiveStartKey(start)
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))));
    QueryResponse backward = dynamo.query(b -> b.tableName(TABLE).exclusiveStartKey(start)
        .scanIndexForward(false)
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))));

    assertThat(sortKeys(forward.items())).containsExactly("3", "4", "5");
    assertThat(forward.hasLastEvaluatedKey()).isFalse();
    assertThat(sortKeys(backward.items())).containsExactly("0");
  }

  @Test
  void globalIndexQuery_resumesAfterAStartKeyWhoseItemWasDeleted() {
    QueryResponse first = dynamo.query(b -> b.tableName(TABLE).indexName("byG").limit(2)
        .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G"))));
    Map<String, AttributeValue> start = first.lastEvaluatedKey();
    assertThat(start).containsOnlyKeys("pk", "sk", "g");
    dynamo.deleteItem(b -> b.tableName(TABLE)
        .key(Map.of("pk", start.get("pk"), "sk", start.get("sk"))));

    QueryResponse next = dynamo.query(b -> b.tableName(TABLE).indexName("byG")
        .exclusiveStartKey(start)
        .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G"))));

    assertThat(sortKeys(first.items())).hasSize(2).doesNotContainAnyElementsOf(
        sortKeys(next.items()));
    assertThat(next.count()).isEqualTo(4);
  }

  @Test
  void scan_resumesAfterAStartKeyWhoseItemWasDeleted_andAnEmptiedPartitionReadsNothing() {
    ScanResponse first = dynamo.scan(b -> b.tableName(TABLE).limit(3));
    Map<String, AttributeValue> start = first.lastEvaluatedKey();
    assertThat(start).isEqualTo(Map.of("pk", s("p"), "sk", s("2")));
    for (int i = 0; i < 6; i++) {
      String sk = String.valueOf(i);
      dynamo.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", s("p"), "sk", s(sk))));
    }

    ScanResponse next = dynamo.scan(b -> b.tableName(TABLE).exclusiveStartKey(start));
    QueryResponse emptied = dynamo.query(b -> b.tableName(TABLE).exclusiveStartKey(start)
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))));

    assertThat(next.items()).containsExactly(Map.of("pk", s("q"), "sk", s("0")));
    assertThat(emptied.count()).isZero();
    assertThat(emptied.scannedCount()).isZero();
    assertThat(emptied.hasLastEvaluatedKey()).isFalse();
  }

  private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
    return items.stream().map(i -> i.get("sk").s()).toList();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition def(String name) {
    return AttributeDefinition.builder().attributeName(name)
        .attributeType(ScalarAttributeType.S).build();
  }
}
