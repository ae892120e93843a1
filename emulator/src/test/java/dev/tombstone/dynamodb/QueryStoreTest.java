package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store under Query, BatchGetItem and the indexes, without HTTP: the page and answer size
 * caps, index upkeep on every write path, and the typed API users call.
 */
class QueryStoreTest {
  private static final String BIG = "x".repeat(100_000);
  private DynamoDbState dynamo;

  @BeforeEach
  void table() {
    dynamo = new DynamoDbState("us-east-1", Clock.systemUTC());
    Map<String, AttributeType> definitions = new java.util.LinkedHashMap<>();
    definitions.put("pk", AttributeType.S);
    definitions.put("sk", AttributeType.N);
    definitions.put("g", AttributeType.S);
    dynamo.createTable(new TableDefinition("tab", KeySchema.of(KeyAttribute.s("pk"),
        KeyAttribute.n("sk")), definitions, TableDefinition.BillingMode.PAY_PER_REQUEST, 0, 0,
        List.of(), List.of(new TableDefinition.IndexDefinition("byG",
            KeySchema.of(KeyAttribute.s("g")), "KEYS_ONLY", List.of(), 0, 0)), false));
  }

  private static Item item(String pk, int sk, String... more) {
    Item.Builder b = Item.builder().put("pk", pk).put("sk", AttributeValue.n(Integer.toString(sk)));
    for (int i = 0; i < more.length; i += 2) {
      b.put(more[i], more[i + 1]);
    }
    return b.build();
  }

  @Test
  void query_stopsAtOneMegabyte_andPagesOnToTheEnd() {
    for (int i = 0; i < 30; i++) {
      dynamo.putItem("tab", item("p", i, "d", BIG));
    }
    KeyCondition p = KeyCondition.partitionKey("pk", AttributeValue.s("p"));
    Query.Result first = dynamo.query(Query.Request.of("tab", p));

    assertThat(first.items().size()).isBetween(10, 11);
    assertThat(first.lastEvaluatedKey()).isPresent();
    int total = first.items().size();
    Map<String, AttributeValue> start = first.lastEvaluatedKey().get().attributes();
    while (start != null) {
      Query.Result page = dynamo.query(Query.Request.of("tab", p).startingAfter(start));
      total += page.items().size();
      start = page.lastEvaluatedKey().map(Item::attributes).orElse(null);
    }
    assertThat(total).isEqualTo(30);
  }

  @Test
  void query_readsOnlyItsPartition_inSortOrder_withCapacityInHalfUnits() {
    dynamo.putItem("tab", item("a", 3));
    dynamo.putItem("tab", item("a", 1));
    dynamo.putItem("tab", item("b", 2));

    Query.Result result = dynamo.query(Query.Request.of("tab",
        KeyCondition.partitionKey("pk", AttributeValue.s("a"))));

    assertThat(result.items()).containsExactly(item("a", 1), item("a", 3));
    assertThat(result.consumedCapacity().total()).isEqualTo(0.5);
  }

  @Test
  void index_followsPutDeleteBatchAndTransaction() {
    KeyCondition g = KeyCondition.partitionKey("g", AttributeValue.s("G"));
    dynamo.putItem("tab", item("a", 1, "g", "G"));
    dynamo.batchWriteItem(new BatchWriteItem.Request(Map.of("tab", List.of(
        new BatchWriteItem.WriteRequest.Put(item("a", 2, "g", "G")),
        new BatchWriteItem.WriteRequest.Put(item("a", 3))))));
    dynamo.transactWriteItems(new TransactWriteItems.Request(List.of(
        TransactWriteItems.Action.put("tab", item("a", 4, "g", "G")))));
    assertThat(dynamo.query(Query.Request.of("tab", g).onIndex("byG")).count()).isEqualTo(3);

    dynamo.putItem("tab", item("a", 1)); // the index key removed: the item leaves the index
    dynamo.deleteItem("tab", Map.of("pk", AttributeValue.s("a"), "sk", AttributeValue.n("2")));

    assertThat(dynamo.query(Query.Request.of("tab", g).onIndex("byG")).items())
        .containsExactly(Item.builder().put("pk", "a").put("sk", AttributeValue.n("4"))
            .put("g", "G").build());
  }

  @Test
  void batchGetItem_leavesKeysPast16Megabytes_unprocessed() {
    String item = "y".repeat(390_000);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      dynamo.putItem("tab", item("big", i, "d", item));
      keys.add(Map.of("pk", AttributeValue.s("big"), "sk", AttributeValue.n(Integer.toString(i))));
    }

    BatchGetItem.Result result = dynamo.batchGetItem(
        BatchGetItem.Request.of(Map.of("tab", BatchGetItem.TableKeys.of(keys))));

    int returned = result.responses().get("tab").size();
    assertThat(returned).isBetween(40, 44);
    assertThat(result.unprocessedKeys().get("tab")).hasSize(45 - returned);
  }

  @Test
  void keyCondition_onAnotherAttribute_isRefusedWithTheKeyName() {
    assertThatThrownBy(() -> dynamo.query(Query.Request.of("tab",
            KeyCondition.partitionKey("pk", AttributeValue.s("a"))
                .and("other", KeyCondition.Operator.EQ, AttributeValue.n("1")))))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessage("Query condition missed key schema element: sk");
  }
}
