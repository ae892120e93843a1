package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The SDK for Java v2's DynamoDB integration tests (DynamoServiceIntegrationTest,
 * PaginatorIntegrationTest, ParallelScanIntegrationTest), replayed: legacy AttributeUpdates on
 * every set type, a GetItem whose AttributesToGet names nothing the item has, paginators, and
 * parallel scan segments that split a filtered scan exactly.
 */
class SdkParityDynamoDbTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  private void table(String name, ScalarAttributeType type) {
    dynamo.createTable(b -> b.tableName(name)
        .keySchema(k -> k.attributeName("key").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("key").attributeType(type))
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }

  private static SdkBytes bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i % 128);
    }
    return SdkBytes.fromByteArray(bytes);
  }

  private static AttributeValueUpdate update(AttributeAction action, AttributeValue value) {
    return AttributeValueUpdate.builder().action(action).value(value).build();
  }

  @Test
  void legacyAttributeUpdates_putAndAddEveryType_andAnswerTheNewItem() {
    table("service", ScalarAttributeType.S);
    dynamo.putItem(b -> b.tableName("service").item(Map.of("key", s("bar"), "age", n(30),
        "foos", AttributeValue.fromSs(List.of("bleh", "blah")),
        "S", AttributeValue.fromSs(List.of("ONE", "TWO")),
        "blob", AttributeValue.fromB(bytes(1024)),
        "blobs", AttributeValue.fromBs(List.of(bytes(1024), bytes(1025))))));

    Map<String, AttributeValue> first = dynamo.updateItem(b -> b.tableName("service")
        .key(Map.of("key", s("bar"))).returnValues(ReturnValue.ALL_NEW).attributeUpdates(Map.of(
            "1", update(AttributeAction.PUT, s("\u00a2")),
            "foos", update(AttributeAction.PUT, AttributeValue.fromSs(List.of("foo"))),
            "S", update(AttributeAction.ADD, AttributeValue.fromSs(List.of("THREE"))),
            "age", update(AttributeAction.ADD, n(10)),
            "blob", update(AttributeAction.PUT, AttributeValue.fromB(bytes(1025))),
            "blobs", update(AttributeAction.PUT, AttributeValue.fromBs(List.of(bytes(1024)))))))
        .attributes();

    assertThat(first.get("1").s()).isEqualTo("\u00a2");
    assertThat(first.get("foos").ss()).containsExactly("foo");
    assertThat(first.get("S").ss()).containsExactlyInAnyOrder("ONE", "TWO", "THREE");
    assertThat(first.get("age").n()).isEqualTo("40");
    assertThat(first.get("blob").b()).isEqualTo(bytes(1025));
    assertThat(first.get("blobs").bs()).containsExactly(bytes(1024));

    Map<String, AttributeValue> second = dynamo.updateItem(b -> b.tableName("service")
        .key(Map.of("key", s("bar"))).returnValues(ReturnValue.ALL_NEW).attributeUpdates(Map.of(
            "age", update(AttributeAction.PUT, n(30)),
            "blobs", update(AttributeAction.ADD, AttributeValue.fromBs(List.of(bytes(1025)))))))
        .attributes();

    assertThat(second.get("age").n()).isEqualTo("30");
    assertThat(second.get("blobs").bs()).containsExactlyInAnyOrder(bytes(1024), bytes(1025));
  }

  @Test
  void binaryKeyedItems_withBinarySets_roundTrip() {
    table("binary-keyed", ScalarAttributeType.B);
    Map<String, AttributeValue> item = Map.of("key", AttributeValue.fromB(bytes(1024)),
        "blob", AttributeValue.fromB(bytes(1024)),
        "BS", AttributeValue.fromBs(List.of(bytes(1024), bytes(1025))));
    dynamo.putItem(b -> b.tableName("binary-keyed").item(item));

    assertThat(dynamo.getItem(b -> b.tableName("binary-keyed").consistentRead(true)
        .key(Map.of("key", AttributeValue.fromB(bytes(1024))))).item()).isEqualTo(item);
  }

  @Test
  void getItem_whoseAttributesToGetNameNothingTheItemHas_answersAnEmptyItem_notNone() {
    table("service", ScalarAttributeType.S);
    dynamo.putItem(b -> b.tableName("service").item(Map.of("key", s("bar"), "age", n(30))));

    var present = dynamo.getItem(b -> b.tableName("service").key(Map.of("key", s("bar")))
        .consistentRead(true).attributesToGet("non-existent-attribute"));
    var absent = dynamo.getItem(b -> b.tableName("service").key(Map.of("key", s("3")))
        .consistentRead(true));

    assertThat(present.hasItem()).isTrue();
    assertThat(present.item()).isEmpty();
    assertThat(absent.hasItem()).isFalse();
  }

  @Test
  void paginators_pageByTheLimit_andABatchGetOfNineteenKeysIsOnePage() {
    table("paged", ScalarAttributeType.N);
    IntStream.range(0, 19).forEach(i -> dynamo.putItem(b -> b.tableName("paged")
        .item(Map.of("key", n(i), "attribute_foo", n(i % 7)))));

    List<ScanResponse> pages = dynamo.scanPaginator(b -> b.tableName("paged").limit(2)).stream()
        .toList();
    var batches = dynamo.batchGetItemPaginator(b -> b.requestItems(Map.of("paged",
        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
            .keys(IntStream.range(0, 19).mapToObj(i -> Map.of("key", n(i))).toList()).build())))
        .iterator();
    BatchGetItemResponse batch = batches.next();

    assertThat(pages).hasSize(10);
    assertThat(pages.stream().mapToInt(ScanResponse::count).sum()).isEqualTo(19);
    assertThat(pages.stream().flatMap(p -> p.items().stream()).distinct()).hasSize(19);
    assertThat(batch.unprocessedKeys()).isEmpty();
    assertThat(batch.responses().get("paged")).hasSize(19);
    assertThat(batches.hasNext()).isFalse();
  }

  @Test
  void parallelScanSegments_splitAFilteredScanExactly() {
    table("parallel", ScalarAttributeType.N);
    IntStream.range(0, 200).forEach(i -> {
      Map<String, AttributeValue> item = new HashMap<>(Map.of("key", n(i),
          "attribute_random", n((i * 37) % 200)));
      item.put(i < 100 ? "attribute_foo" : "attribute_bar", n(i));
      dynamo.putItem(b -> b.tableName("parallel").item(item));
    });
    Map<String, Condition> filter = Map.of("attribute_random", Condition.builder()
        .comparisonOperator(ComparisonOperator.LT).attributeValueList(n(100)).build());

    ScanResponse whole = dynamo.scan(b -> b.tableName("parallel").scanFilter(filter)
        .totalSegments(1).segment(0));
    List<Map<String, AttributeValue>> segments = IntStream.range(0, 10)
        .mapToObj(segment -> dynamo.scan(b -> b.tableName("parallel").scanFilter(filter)
            .totalSegments(10).segment(segment)))
        .flatMap(r -> r.items().stream()).toList();

    assertThat(whole.scannedCount()).isEqualTo(200);
    assertThat(whole.count()).isEqualTo(100);
    assertThat(segments).hasSize(whole.count()).containsExactlyInAnyOrderElementsOf(whole.items());
  }
}
