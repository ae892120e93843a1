package dev.tombstone.dynamodb;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time recovery's log: a key changed many times comes back as it was at each moment,
 * which needs the changes after that moment undone newest first.
 */
class RecoveryLogTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final PrimaryKey KEY = new PrimaryKey(s("k"), null);

  static Item version(int v) {
    return Item.builder().put("id", s("k")).put("v", n(Integer.toString(v))).build();
  }

  @Test
  void undoAfter_oneKeyChangedManyTimes_givesTheItemOfEachMoment() {
    RecoveryLog log = new RecoveryLog(START, Duration.ofDays(35));
    // put v1 at +1s, v2 at +2s, delete at +3s, put v4 at +4s: each entry keeps what it replaced.
    log.record(START.plusSeconds(1), KEY, null);
    log.record(START.plusSeconds(2), KEY, version(1));
    log.record(START.plusSeconds(3), KEY, version(2));
    log.record(START.plusSeconds(4), KEY, null);
    Map<PrimaryKey, Item> now = Map.of(KEY, version(4));

    assertThat(at(log, now, START)).isEmpty();
    assertThat(at(log, now, START.plusMillis(1500))).containsEntry(KEY, version(1));
    assertThat(at(log, now, START.plusSeconds(2))).containsEntry(KEY, version(2));
    assertThat(at(log, now, START.plusMillis(3500))).isEmpty();
    assertThat(at(log, now, START.plusSeconds(4))).containsEntry(KEY, version(4));
  }

  @Test
  void record_dropsChangesOlderThanThePeriod_andTheWindowFollows() {
    RecoveryLog log = new RecoveryLog(START, Duration.ofDays(1));
    log.record(START.plusSeconds(1), KEY, null);
    Instant later = START.plus(Duration.ofDays(3));
    log.record(later, KEY, version(1));

    assertThat(log.earliestRestorable(later)).isEqualTo(later.minus(Duration.ofDays(1)));
    assertThat(log.latestRestorable(later, Duration.ofMinutes(5)))
        .isEqualTo(later.minus(Duration.ofMinutes(5)));
    // The first change is gone: undoing everything after the window's start leaves v1, not null.
    assertThat(at(log, Map.of(KEY, version(2)), later.minusSeconds(1)))
        .containsEntry(KEY, version(1));
  }

  @Test
  void period_lengthenedAfterAShorterOne_keepsWhatTheShorterOneDropped() {
    RecoveryLog log = new RecoveryLog(START, Duration.ofDays(35));
    Instant shortened = START.plus(Duration.ofDays(10));
    log.period(Duration.ofDays(3), shortened);
    Instant lengthened = shortened.plus(Duration.ofHours(1));

    log.period(Duration.ofDays(35), lengthened);

    assertThat(log.periodInDays()).isEqualTo(35);
    assertThat(log.earliestRestorable(lengthened))
        .isEqualTo(lengthened.minus(Duration.ofDays(3)));
    // Under the longer period the window's start stays put until the period catches up.
    assertThat(log.earliestRestorable(lengthened.plus(Duration.ofDays(31))))
        .isEqualTo(lengthened.minus(Duration.ofDays(3)));
    assertThat(log.earliestRestorable(lengthened.plus(Duration.ofDays(33))))
        .isEqualTo(lengthened.plus(Duration.ofDays(33)).minus(Duration.ofDays(35)));
  }

  @Test
  void period_shortened_movesTheWindowsStartToThePeriodsAtOnce() {
    RecoveryLog log = new RecoveryLog(START, Duration.ofDays(35));
    Instant now = START.plus(Duration.ofDays(10));

    log.period(Duration.ofDays(3), now);

    assertThat(log.earliestRestorable(now)).isEqualTo(now.minus(Duration.ofDays(3)));
  }

  @Test
  void table_logsEveryChangeWhileRecoveryIsOn_only() {
    ManualClock clock = ManualClock.startingAt(START);
    DynamoDbState state = new DynamoDbState("us-east-1", clock);
    state.createTable("orders", KeySchema.of(KeyAttribute.s("id")));
    state.putItem("orders", version(0));
    state.backups().updateContinuousBackups("orders", true, 35);
    clock.advance(Duration.ofMinutes(10));
    state.putItem("orders", version(1));
    clock.advance(Duration.ofMinutes(10));
    state.putItem("orders", version(2));
    clock.advance(Duration.ofMinutes(10));

    state.backups().restoreTableToPointInTime("orders", "at-15", Optional.of(START.plus(
        Duration.ofMinutes(15))), RestoreOverrides.NONE);

    assertThat(state.items("at-15")).containsExactly(version(1));
    assertThat(state.describeTable("at-15").restoreSummary()).get()
        .extracting(RestoreSummary::restoredTo).isEqualTo(START.plus(Duration.ofMinutes(15)));
  }

  @Test
  void changedIn_givesEachKeysItemsAtBothEnds_andItsLastWriteInTheWindow() {
    RecoveryLog log = new RecoveryLog(START, Duration.ofDays(35));
    PrimaryKey other = new PrimaryKey(s("o"), null);
    Item otherItem = Item.builder().put("id", s("o")).build();
    Instant from = START.plusSeconds(10);
    Instant to = START.plusSeconds(20);
    // KEY: v1 before the window, v2 at its first instant, v3 inside, v4 at its end (excluded).
    log.record(START.plusSeconds(1), KEY, null);
    log.record(from, KEY, version(1));
    // Another key's change, logged between two of KEY's, created inside and deleted after.
    log.record(START.plusSeconds(12), other, null);
    log.record(START.plusSeconds(15), KEY, version(2));
    log.record(to, KEY, version(3));
    log.record(START.plusSeconds(25), other, otherItem);
    Map<PrimaryKey, Item> now = new LinkedHashMap<>(Map.of(KEY, version(4)));

    List<RecoveryLog.Changed> changed = log.changedIn(from, to, now);

    assertThat(changed).containsExactlyInAnyOrder(
        new RecoveryLog.Changed(KEY, version(1), version(3), START.plusSeconds(15)),
        new RecoveryLog.Changed(other, null, otherItem, START.plusSeconds(12)));
    assertThat(log.changedIn(START.plusSeconds(16), to, new LinkedHashMap<>(Map.of(KEY,
        version(4))))).isEmpty();
  }

  private static Map<PrimaryKey, Item> at(RecoveryLog log, Map<PrimaryKey, Item> now,
      Instant time) {
    Map<PrimaryKey, Item> items = new LinkedHashMap<>(now);
    log.undoAfter(time, items);
    return items;
  }
}
