package dev.tombstone.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One table's TTL setting, the sweep that deletes its expired items, and the record of what it
 * deleted. Guarded by its own monitor; item removals are atomic per key like any delete.
 */
final class TimeToLive {
  private String attributeName;
  private boolean enabled;
  private Instant lastChange;
  // When the sweep last ran (or TTL was last switched): everything that expired before it and
  // was within DynamoDB's five years then has been deleted already.
  private Instant lastSweep;
  private final List<ExpiredItem> expired = new ArrayList<>();
  private final ItemDeadlines deadlines = new ItemDeadlines();

  /** The per-item expiry times of this table, swept with the TTL attribute. */
  ItemDeadlines deadlines() {
    return deadlines;
  }

  synchronized String attributeName() {
    return attributeName;
  }

  synchronized boolean enabled() {
    return enabled;
  }

  synchronized Instant lastChange() {
    return lastChange;
  }

  synchronized void change(String attributeName, boolean enabled, Instant at) {
    this.attributeName = attributeName;
    this.enabled = enabled;
    this.lastChange = at;
    this.lastSweep = at;
  }

  synchronized List<ExpiredItem> expired() {
    return List.copyOf(expired);
  }

  /**
   * Deletes the items whose TTL attribute is a Number of epoch seconds at or before {@code now},
   * except those DynamoDB leaves alone: more than five years in the past. An item counts as
   * within the five years if it was at any time since the last sweep, so one long move of a
   * manual clock deletes what a sweep every few seconds would have deleted on the way. Items
   * whose per-item deadline has passed go first, whether TTL is enabled or not.
   *
   * @return what was deleted, in scan order
   */
  List<ExpiredItem> sweep(Table table, Instant now) {
    // Per-item deadlines first: they hold whether the table's TTL is enabled or not.
    List<ExpiredItem> deleted = new ArrayList<>(deadlines.sweep(table, now));
    String attribute;
    Instant since;
    synchronized (this) {
      if (!enabled) {
        expired.addAll(deleted);
        return deleted;
      }
      attribute = attributeName;
      since = lastSweep == null || lastSweep.isAfter(now) ? now : lastSweep;
      lastSweep = now;
    }
    BigDecimal nowSeconds = BigDecimal.valueOf(now.getEpochSecond());
    BigDecimal oldest = BigDecimal.valueOf(
        since.atOffset(ZoneOffset.UTC).minusYears(5).toInstant().getEpochSecond());
    for (PrimaryKey key : table.sortedKeys()) {
      Item item = table.get(key);
      if (item != null && isExpired(item.attributes(), attribute, nowSeconds, oldest)
          // Only this version of the item: one written since the read is judged next sweep.
          && table.expireIfSame(key, item)) {
        deleted.add(new ExpiredItem(table.name(), item, now));
      }
    }
    synchronized (this) {
      expired.addAll(deleted);
    }
    return deleted;
  }

  private static boolean isExpired(
      Map<String, AttributeValue> attributes, String name, BigDecimal now, BigDecimal oldest) {
    if (!(attributes.get(name) instanceof AttributeValue.N n)) {
      return false;
    }
    BigDecimal expiry = n.value();
    return expiry.compareTo(now) <= 0 && expiry.compareTo(oldest) >= 0;
  }
}
