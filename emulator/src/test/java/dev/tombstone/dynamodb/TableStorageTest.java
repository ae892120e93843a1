package dev.tombstone.dynamodb;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A table without a sort key stores its items under the partition value alone, one with a sort
 * key under the whole key: both find an item by any key equal to its own, numbers numerically.
 */
class TableStorageTest {
  private final DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());

  @Test
  void hashOnlyTable_findsAndDeletesByANumericallyEqualKey() {
    state.createTable("counters", KeySchema.of(KeyAttribute.n("id")));
    Item item = Item.builder().put("id", n("1.0")).put("name", s("one")).build();
    state.putItem("counters", item);

    assertThat(state.getItem("counters", Map.of("id", n("1")))).contains(item);
    assertThat(state.deleteItem("counters", Map.of("id", n("1.00")))).contains(item);
    assertThat(state.items("counters")).isEmpty();
  }

  @Test
  void hashOnlyTable_replacesTheItemOfAnEqualKey_andListsItemsInScanOrder() {
    state.createTable("users", KeySchema.of(KeyAttribute.s("id")));
    state.putItem("users", Item.builder().put("id", s("b")).put("v", n("1")).build());
    state.putItem("users", Item.builder().put("id", s("a")).put("v", n("1")).build());
    Item replacement = Item.builder().put("id", s("b")).put("v", n("2")).build();
    state.putItem("users", replacement);

    assertThat(state.items("users")).extracting(i -> i.get("id"))
        .containsExactly(s("a"), s("b"));
    assertThat(state.getItem("users", Map.of("id", s("b")))).contains(replacement);
  }

  @Test
  void compositeTable_keepsItemsOfOnePartitionApartBySortKey() {
    state.createTable("events", KeySchema.of(KeyAttribute.s("user"), KeyAttribute.n("time")));
    Item first = Item.builder().put("user", s("u")).put("time", n("1")).build();
    Item second = Item.builder().put("user", s("u")).put("time", n("2")).build();
    state.putItem("events", first);
    state.putItem("events", second);

    assertThat(state.getItem("events", Map.of("user", s("u"), "time", n("1.0")))).contains(first);
    assertThat(state.deleteItem("events", Map.of("user", s("u"), "time", n("2"))))
        .contains(second);
    assertThat(state.items("events")).containsExactly(first);
  }
}
