package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ThroughputChanges;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * When the provisioned throughput of a table and of each of its global indexes last rose and
 * fell, and how often it fell on the current UTC day of the emulator's clock: stamped by the
 * UpdateTable of either API version, reported by the descriptions of both as
 * {@code LastIncreaseDateTime}, {@code LastDecreaseDateTime} and (2012-08-10 only)
 * {@code NumberOfDecreasesToday}.
 */
final class ThroughputChangeDates {
  /** The key of the table's own entry; an index's is its name. */
  static final String TABLE = "";
  static final ThroughputChanges NEVER = new ThroughputChanges(null, null, null, 0, null);

  private ThroughputChangeDates() {}

  /** What a {@code ProvisionedThroughput} description shows besides the units. */
  record Shown(Instant lastIncrease, Instant lastDecrease, long decreasesToday) {
    static final Shown NEVER = new Shown(null, null, 0);
  }

  /** The table's and its global indexes' {@link Shown}, by index name. */
  record Described(Shown table, Map<String, Shown> indexes) {
    static final Described NONE = new Described(Shown.NEVER, Map.of());

    Shown index(String name) {
      return indexes.getOrDefault(name, Shown.NEVER);
    }
  }

  /** What the descriptions of {@code table} show, counting today's decreases by the clock. */
  static Described described(TableAttachments attachments, TableDescription table) {
    LocalDate today = today(attachments.clock().instant());
    Shown own = Shown.NEVER;
    Map<String, Shown> indexes = new HashMap<>();
    for (Map.Entry<String, ThroughputChanges> e : attachments.throughputChanges()
        .all(table.definition().name(), table.tableId()).entrySet()) {
      ThroughputChanges changes = e.getValue();
      Shown shown = new Shown(changes.lastIncrease(), changes.lastDecrease(),
          decreasesOn(changes, today));
      if (e.getKey().equals(TABLE)) {
        own = shown;
      } else if (changes.indexId().equals(table.indexIds().get(e.getKey()))) {
        indexes.put(e.getKey(), shown);
      }
    }
    return new Described(own, indexes);
  }

  /** The table's own changes; {@link #NEVER} when its throughput never changed. */
  static ThroughputChanges of(TableAttachments attachments, TableDescription table) {
    return of(attachments, table, TABLE);
  }

  /** The changes under {@code key} ({@link #TABLE} or an index that {@code table} has now). */
  static ThroughputChanges of(TableAttachments attachments, TableDescription table, String key) {
    ThroughputChanges changes = attachments.throughputChanges()
        .get(table.definition().name(), table.tableId(), key).orElse(NEVER);
    UUID indexId = key.equals(TABLE) ? null : table.indexIds().get(key);
    return Objects.equals(changes.indexId(), indexId) ? changes : NEVER;
  }

  /** The decreases counted on {@code today}: none once the UTC day of the last one is over. */
  static int decreasesOn(ThroughputChanges changes, LocalDate today) {
    return today.equals(changes.decreaseDay()) ? changes.decreasesThatDay() : 0;
  }

  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /**
   * Stamps the update that turned {@code before} into {@code after}, for the table and each
   * global index it kept: an increase when either unit rose, a decrease when either fell (both
   * when one rose and the other fell; one decrease however many units fell). A switch to on
   * demand forgets the decreases and keeps the last increase, as DynamoDB then describes the
   * table; a switch to provisioned is neither. Callers hold the lock on
   * {@code attachments.throughputChanges()} from reading {@code before} to this call.
   */
  static void record(TableAttachments attachments, TableDescription before,
      TableDescription after) {
    boolean was = before.definition().billingMode() == TableDefinition.BillingMode.PROVISIONED;
    boolean is = after.definition().billingMode() == TableDefinition.BillingMode.PROVISIONED;
    if (!was) {
      return;
    }
    Instant at = attachments.clock().instant();
    TableDefinition old = before.definition();
    TableDefinition now = after.definition();
    stamp(attachments, after, TABLE, is, at, old.readCapacityUnits(),
        old.writeCapacityUnits(), now.readCapacityUnits(), now.writeCapacityUnits());
    for (TableDefinition.IndexDefinition index : now.globalSecondaryIndexes()) {
      UUID id = after.indexIds().get(index.name());
      if (id == null || !id.equals(before.indexIds().get(index.name()))) {
        continue;
      }
      TableDefinition.IndexDefinition previous = before.definition().globalSecondaryIndexes()
          .stream().filter(i -> i.name().equals(index.name())).findFirst().orElseThrow();
      stamp(attachments, after, index.name(), is, at, previous.readCapacityUnits(),
          previous.writeCapacityUnits(), index.readCapacityUnits(), index.writeCapacityUnits());
    }
  }

  private static void stamp(TableAttachments attachments, TableDescription table, String key,
      boolean provisioned, Instant at, long oldRead, long oldWrite, long read, long write) {
    ThroughputChanges last = of(attachments, table, key);
    UUID indexId = key.equals(TABLE) ? null : table.indexIds().get(key);
    ThroughputChanges next;
    if (!provisioned) {
      if (last.lastIncrease() == null && last.lastDecrease() == null) {
        return;
      }
      next = new ThroughputChanges(last.lastIncrease(), null, null, 0, indexId);
    } else {
      boolean increase = read > oldRead || write > oldWrite;
      boolean decrease = read < oldRead || write < oldWrite;
      if (!increase && !decrease) {
        return;
      }
      LocalDate day = today(at);
      next = new ThroughputChanges(increase ? at : last.lastIncrease(),
          decrease ? at : last.lastDecrease(), decrease ? day : last.decreaseDay(),
          decrease ? decreasesOn(last, day) + 1 : last.decreasesThatDay(), indexId);
    }
    attachments.throughputChanges().put(table.definition().name(), table.tableId(), key, next);
  }
}
