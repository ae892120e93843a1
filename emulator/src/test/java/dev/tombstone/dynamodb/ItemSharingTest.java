package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Items of one shape share their names and repeated values, and read exactly as written. */
class ItemSharingTest {
  private static Item item(String pk, String payload, String count) {
    return Item.builder()
        .put("pk", pk)
        .put("payload", payload)
        .put("count", new AttributeValue.N(new BigDecimal(count)))
        .put("tags", new AttributeValue.SS(Set.of("a")))
        .build();
  }

  @Test
  void anItemOfTheSameShape_sharesRepeatedScalars_andStaysEqual() {
    Item first = item("k1", "v".repeat(64), "1234567");
    Item second = item("k2", "v".repeat(64), "1234567");

    Item shared = second.sharingWith(first);

    assertThat(shared).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(shared.sizeInBytes()).isEqualTo(second.sizeInBytes());
    assertThat(shared.get("payload")).isSameAs(first.get("payload"));
    assertThat(shared.get("count")).isSameAs(first.get("count"));
    assertThat(shared.get("pk")).isSameAs(second.get("pk"));
    // Sets are not compared: their equality can cost as much as the set.
    assertThat(shared.get("tags")).isSameAs(second.get("tags"));
  }

  @Test
  void otherNamesOrAnotherOrder_shareNothing() {
    Item first = item("k1", "same", "1");
    Item reordered = Item.builder().put("payload", "same").put("pk", "k2")
        .put("count", new AttributeValue.N(BigDecimal.ONE))
        .put("tags", new AttributeValue.SS(Set.of("a"))).build();
    Item fewer = Item.builder().put("pk", "k3").put("payload", "same").build();

    assertThat(reordered.sharingWith(first)).isSameAs(reordered);
    assertThat(fewer.sharingWith(first)).isSameAs(fewer);
    assertThat(first.sharingWith(null)).isSameAs(first);
  }

  @Test
  void aChangedCopyOfASharingItem_leavesTheOtherItemsAlone() {
    Item first = item("k1", "payload", "1");
    Item second = item("k2", "payload", "1").sharingWith(first);

    Item changed = second.toBuilder().put("payload", "changed").put("extra", "x").build();

    assertThat(changed.get("payload")).isEqualTo(AttributeValue.s("changed"));
    assertThat(first.get("payload")).isEqualTo(AttributeValue.s("payload"));
    assertThat(second.get("payload")).isEqualTo(AttributeValue.s("payload"));
    assertThat(first.has("extra")).isFalse();
    assertThat(second.has("extra")).isFalse();
  }

  @Test
  void putItem_storesTheSharedItem_andReadsBackWhatWasWritten() {
    DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable("tab", KeySchema.of(KeyAttribute.s("pk")));
    state.putItem("tab", item("k1", "v".repeat(64), "42"));
    state.putItem("tab", item("k2", "v".repeat(64), "42"));

    Item one = state.getItem("tab", Map.of("pk", AttributeValue.s("k1"))).orElseThrow();
    Item two = state.getItem("tab", Map.of("pk", AttributeValue.s("k2"))).orElseThrow();

    assertThat(two).isEqualTo(item("k2", "v".repeat(64), "42"));
    assertThat(two.get("payload")).isSameAs(one.get("payload"));
    assertThat(two.get("pk")).isEqualTo(AttributeValue.s("k2"));
  }
}
