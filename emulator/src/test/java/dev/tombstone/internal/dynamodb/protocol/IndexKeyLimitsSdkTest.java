package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.n;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A secondary index key attribute holds what a table key may hold: no empty string or binary, at
 * most 2048 bytes in a partition attribute and 1024 in a sort attribute. A write that breaks
 * this is refused; a global index created on a populated table leaves out the items that break
 * it, as ScyllaDB's AWS-run backfill tests show DynamoDB doing.
 */
class IndexKeyLimitsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("base")
        .keySchema(key("p", KeyType.HASH), key("c", KeyType.RANGE))
        .attributeDefinitions(def("p", ScalarAttributeType.S), def("c", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void backfill_leavesOutEmptyValues_asPartitionAndAsSortKey() {
    put("p1", s("hello"));
    put("p2", s(""));
    put("p3", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])));

    createIndex("byX", key("x", KeyType.HASH));
    createIndex("byCx", key("c", KeyType.HASH), key("x", KeyType.RANGE));

    assertThat(indexed("byX")).containsExactly("p1");
    assertThat(indexed("byCx")).containsExactly("p1");
    assertThat(itemCount("byX")).isEqualTo(1);
  }

  @Test
  void backfill_keepsValuesUpTo2048BytesAsPartitionKey_and1024AsSortKey() {
    for (int length : new int[] {1024, 1025, 2048, 2049, 66_500}) {
      put("len" + length, s("a".repeat(length)));
    }
    // Bytes are counted, not characters: 683 three-byte characters are 2049 bytes.
    put("wide", s("\u20ac".repeat(683)));
    put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[1025])));

    createIndex("byX", key("x", KeyType.HASH));
    createIndex("byCx", key("c", KeyType.HASH), key("x", KeyType.RANGE));

    assertThat(indexed("byX")).containsExactlyInAnyOrder("len1024", "len1025", "len2048");
    assertThat(indexed("byCx")).containsExactly("len1024");
  }

  @Test
  void writes_refuseAnIndexKeyValueOverItsLimit_andStoreNothing() {
    createIndex("byX", key("x", KeyType.HASH));
    createIndex("byCx", key("c", KeyType.HASH), key("x", KeyType.RANGE));
    put("ok", s("a".repeat(1024)));

    assertThat(validationMessage(() -> put("long", s("a".repeat(1025)))))
        .isEqualTo("One or more parameter values were invalid: Size limit exceeded for Index Key"
            + " x Actual Size: 1025 bytes Max Size: 1024 bytes IndexName: byCx");
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName("base")
        .key(Map.of("p", s("ok"), "c", s("c"))).updateExpression("SET x = :x")
        .expressionAttributeValues(Map.of(":x", s("a".repeat(2049)))))))
        .isEqualTo("One or more parameter values were invalid: Size limit exceeded for Index Key"
            + " x Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: byX");
    assertThat(dynamo.getItem(b -> b.tableName("base").key(Map.of("p", s("long"), "c", s("c")))
        .consistentRead(true)).hasItem()).isFalse();
    assertThat(dynamo.getItem(b -> b.tableName("base").key(Map.of("p", s("ok"), "c", s("c")))
        .consistentRead(true)).item().get("x").s()).hasSize(1024);
  }

  @Test
  void localIndexSortKey_isLimitedTo1024Bytes() {
    dynamo.createTable(b -> b.tableName("withLsi")
        .keySchema(key("p", KeyType.HASH), key("c", KeyType.RANGE))
        .attributeDefinitions(def("p", ScalarAttributeType.S), def("c", ScalarAttributeType.S),
            def("x", ScalarAttributeType.S))
        .localSecondaryIndexes(l -> l.indexName("byX")
            .keySchema(key("p", KeyType.HASH), key("x", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL)))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.putItem(b -> b.tableName("withLsi").item(Map.of("p", s("a"), "c", s("c".repeat(1024)),
        "x", s("x".repeat(1024)))));

    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("withLsi").item(Map.of(
        "p", s("b"), "c", s("c"), "x", s("x".repeat(1025)))))))
        .isEqualTo("One or more parameter values were invalid: Size limit exceeded for Index Key"
            + " x Actual Size: 1025 bytes Max Size: 1024 bytes IndexName: byX");
  }

  @Test
  void multiAttributeKey_limitsEachAttributeOnItsOwn_onWritesAndInTheBackfill() {
    put2("short", s("a".repeat(2048)), s("b".repeat(2048)), s("c".repeat(1024)));
    put2("longSort", s("a"), s("b"), s("c".repeat(1025)));
    put2("emptyHash", s(""), s("b"), s("c"));

    createIndex("multi", key("x", KeyType.HASH), key("y", KeyType.HASH),
        key("z", KeyType.RANGE));

    // Four kilobytes of partition attributes together: each is within 2048 bytes.
    assertThat(indexed("multi")).containsExactly("short");
    assertThat(validationMessage(() -> put2("late", s("a"), s("b".repeat(2049)), s("c"))))
        .isEqualTo("One or more parameter values were invalid: Size limit exceeded for Index Key"
            + " y Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: multi");
  }

  private void put(String p, AttributeValue x) {
    dynamo.putItem(b -> b.tableName("base").item(Map.of("p", s(p), "c", s("c"), "x", x)));
  }

  private void put2(String p, AttributeValue x, AttributeValue y, AttributeValue z) {
    dynamo.putItem(b -> b.tableName("base")
        .item(Map.of("p", s(p), "c", s("c"), "x", x, "y", y, "z", z)));
  }

  private void createIndex(String name, KeySchemaElement... keys) {
    List<String> names = java.util.Arrays.stream(keys).map(KeySchemaElement::attributeName)
        .toList();
    dynamo.updateTable(b -> b.tableName("base")
        .attributeDefinitions(names.stream()
            .map(k -> def(k, ScalarAttributeType.S)).toList())
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(name).keySchema(keys)
            .projection(p -> p.projectionType(ProjectionType.ALL)))));
  }

  private List<String> indexed(String index) {
    return dynamo.scan(b -> b.tableName("base").indexName(index)).items().stream()
        .map(item -> item.get("p").s()).toList();
  }

  private long itemCount(String index) {
    return dynamo.describeTable(b -> b.tableName("base")).table().globalSecondaryIndexes()
        .stream().filter(i -> i.indexName().equals(index)).findFirst().orElseThrow()
        .itemCount();
  }
}
