package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-item deadlines of {@link DynamoDbState}: put and update with a time to live. */
class ItemDeadlinesTest {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  ManualClock clock;
  DynamoDbState state;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    state = new DynamoDbState("us-east-1", clock);
    state.createTable("forums", KeySchema.of(KeyAttribute.s("name")));
  }

  private void put(String name, Duration timeToLive) {
    state.putItem(PutItem.Request.of("forums", Item.builder().put("name", name).build()),
        timeToLive);
  }

  private boolean present(String name) {
    return state.getItem("forums", Map.of("name", AttributeValue.s(name))).isPresent();
  }

  @Test
  void theSweep_deletesWhatIsDue_inKeyOrder_andRecordsIt() {
    put("b", Duration.ofSeconds(10));
    put("a", Duration.ofSeconds(10));
    put("c", Duration.ofSeconds(11));

    clock.set(START.plusSeconds(10));
    var deleted = state.expireItems();

    assertThat(deleted).extracting(e -> e.item().attributes().get("name"))
        .containsExactly(AttributeValue.s("a"), AttributeValue.s("b"));
    assertThat(deleted).allSatisfy(e -> {
      assertThat(e.tableName()).isEqualTo("forums");
      assertThat(e.deletedAt()).isEqualTo(START.plusSeconds(10));
    });
    assertThat(state.expiredItems("forums")).hasSize(2);
    assertThat(present("c")).isTrue();
  }

  @Test
  void aWriteOfTheKeyInBetween_cancelsTheDeadline() {
    put("a", Duration.ofSeconds(10));
    state.updateItem(UpdateItem.Request.of("forums", Map.of("name", AttributeValue.s("a")),
        ItemUpdate.builder().set("posts", AttributeValue.n("1")).build()));

    clock.set(START.plusSeconds(20));

    assertThat(state.expireItems()).isEmpty();
    assertThat(present("a")).isTrue();
  }

  @Test
  void updateWithATimeToLive_setsTheDeadlineOfTheUpdatedItem() {
    put("a", Duration.ofDays(1));
    state.updateItem(UpdateItem.Request.of("forums", Map.of("name", AttributeValue.s("a")),
        ItemUpdate.builder().set("posts", AttributeValue.n("1")).build()), Duration.ofSeconds(5));

    clock.set(START.plusSeconds(5));

    assertThat(state.expireItems()).singleElement()
        .satisfies(e -> assertThat(e.item().attributes()).containsKey("posts"));
  }

  @Test
  void aNegativeTimeToLive_isRefused_andADistantOneNeverFalls() {
    assertThatThrownBy(() -> put("a", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    put("far", Duration.ofSeconds(Long.MAX_VALUE));

    clock.set(START.plus(Duration.ofDays(36_500)));

    assertThat(state.expireItems()).isEmpty();
    assertThat(present("a")).isFalse();
    assertThat(present("far")).isTrue();
  }
}
