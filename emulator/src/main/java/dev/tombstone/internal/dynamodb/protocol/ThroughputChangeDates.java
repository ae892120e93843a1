package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ThroughputChanges;
import java.time.Instant;

/**
 * When a table's provisioned throughput last rose and fell: stamped by the UpdateTable of either
 * API version, reported by the 2011-12-05 descriptions as {@code LastIncreaseDateTime} and
 * {@code LastDecreaseDateTime}.
 */
final class ThroughputChangeDates {
  private static final String KEY = "";
  private static final ThroughputChanges NEVER = new ThroughputChanges(null, null);

  private ThroughputChangeDates() {}

  /**
   * Stamps the update that turned {@code before} into {@code after}: an increase when either
   * unit rose, a decrease when either fell (both when one rose and the other fell). A switch of
   * billing mode is neither, since one side has no provisioned units.
   */
  static void record(TableAttachments attachments, TableDescription before,
      TableDescription after) {
    TableDefinition old = before.definition();
    TableDefinition now = after.definition();
    if (old.billingMode() != TableDefinition.BillingMode.PROVISIONED
        || now.billingMode() != TableDefinition.BillingMode.PROVISIONED) {
      return;
    }
    boolean increase = now.readCapacityUnits() > old.readCapacityUnits()
        || now.writeCapacityUnits() > old.writeCapacityUnits();
    boolean decrease = now.readCapacityUnits() < old.readCapacityUnits()
        || now.writeCapacityUnits() < old.writeCapacityUnits();
    if (!increase && !decrease) {
      return;
    }
    Instant at = attachments.clock().instant();
    String name = now.name();
    synchronized (attachments.throughputChanges()) {
      ThroughputChanges last = of(attachments, after);
      attachments.throughputChanges().put(name, after.tableId(), KEY, new ThroughputChanges(
          increase ? at : last.lastIncrease(), decrease ? at : last.lastDecrease()));
    }
  }

  /** The table's last increase and decrease; both null when its throughput never changed. */
  static ThroughputChanges of(TableAttachments attachments, TableDescription table) {
    return attachments.throughputChanges()
        .get(table.definition().name(), table.tableId(), KEY).orElse(NEVER);
  }
}
