package dev.tombstone.dynamodb;

import dev.tombstone.internal.ArnOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The backups of one namespace, by ARN, with the items each holds. A backup that expired on the
 * clock (a SYSTEM backup 35 days after its table was deleted) is gone: not listed, not found.
 */
final class BackupRegistry {
  /** A backup and the items it holds, in scan order. */
  record Stored(Backup backup, List<Item> items) {
    Stored {
      items = List.copyOf(items);
    }

    boolean expiredAt(Instant now) {
      return backup.expiresAt().isPresent() && !now.isBefore(backup.expiresAt().get());
    }
  }

  private final Map<String, Stored> byArn = new ConcurrentHashMap<>();
  // ListBackups' order: by creation time, then ARN.
  private final ConcurrentSkipListMap<String, Stored> inListingOrder =
      new ConcurrentSkipListMap<>(ArnOrder.BACKUPS);

  void add(Backup backup, List<Item> items) {
    Stored stored = new Stored(backup, items);
    byArn.put(backup.arn(), stored);
    inListingOrder.put(backup.arn(), stored);
  }

  /** The live backup with that ARN, or null. */
  Stored find(String arn, Instant now) {
    Stored stored = byArn.get(arn);
    if (stored != null && stored.expiredAt(now)) {
      remove(stored);
      return null;
    }
    return stored;
  }

  /** Removes the backup with that ARN; returns it, or null when there was none. */
  Stored remove(String arn, Instant now) {
    Stored stored = find(arn, now);
    if (stored != null) {
      remove(stored);
    }
    return stored;
  }

  /** The live backups {@code filter} accepts, in {@link ArnOrder#BACKUPS} order. */
  List<Backup> list(Instant now, Predicate<Backup> filter) {
    List<Backup> result = new ArrayList<>();
    for (Stored stored : inListingOrder.values()) {
      if (stored.expiredAt(now)) {
        remove(stored);
      } else if (filter.test(stored.backup())) {
        result.add(stored.backup());
      }
    }
    return result;
  }

  void clear() {
    byArn.clear();
    inListingOrder.clear();
  }

  private void remove(Stored stored) {
    byArn.remove(stored.backup().arn(), stored);
    inListingOrder.remove(stored.backup().arn(), stored);
  }
}
