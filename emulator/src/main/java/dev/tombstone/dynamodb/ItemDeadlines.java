package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-item expiry times that no attribute carries (MagnetoDB's per-item {@code time_to_live}):
 * each belongs to the version of the item that was written with it, so any later write of the
 * key leaves an item that does not expire.
 */
final class ItemDeadlines {
  /** When {@code item}, that exact version, expires. */
  private record Deadline(Instant at, Item item) {}

  private final Map<PrimaryKey, Deadline> deadlines = new ConcurrentHashMap<>();

  /** Makes {@code item}, about to be stored under {@code key}, expire at {@code at}. */
  void expire(PrimaryKey key, Item item, Instant at) {
    deadlines.put(key, new Deadline(at, item));
  }

  /**
   * Deletes the items whose deadline is at or before {@code now} and that were not written
   * again since; forgets every deadline that has passed.
   *
   * @return what was deleted, in scan order
   */
  List<ExpiredItem> sweep(Table table, Instant now) {
    if (deadlines.isEmpty()) {
      return List.of();
    }
    List<PrimaryKey> due = new ArrayList<>();
    deadlines.forEach((key, deadline) -> {
      if (!deadline.at().isAfter(now)) {
        due.add(key);
      }
    });
    due.sort(null);
    List<ExpiredItem> deleted = new ArrayList<>();
    for (PrimaryKey key : due) {
      Deadline deadline = deadlines.get(key);
      if (deadline == null || deadline.at().isAfter(now) || !deadlines.remove(key, deadline)) {
        continue; // a write with a new deadline came in between
      }
      if (table.expireIfSame(key, deadline.item())) {
        deleted.add(new ExpiredItem(table.name(), deadline.item(), now));
      }
    }
    return deleted;
  }
}
