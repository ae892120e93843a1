package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.Objects;

/**
 * An item the TTL sweep deleted: what it was and when (by the emulator's clock) it went.
 *
 * @param tableName the table it was in
 * @param item the item as it was deleted
 * @param deletedAt the emulator's time of the sweep that deleted it
 */
public record ExpiredItem(String tableName, Item item, Instant deletedAt) {
  public ExpiredItem {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(deletedAt, "deletedAt");
  }
}
