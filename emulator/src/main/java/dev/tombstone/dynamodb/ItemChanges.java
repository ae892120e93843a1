package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a recovery log's changed keys into {@link ItemChange}s, in scan order. */
final class ItemChanges {
  private ItemChanges() {}

  /** The changes of {@code changed}; a key without an item at either end is left out. */
  static List<ItemChange> of(KeySchema schema, List<RecoveryLog.Changed> changed) {
    List<RecoveryLog.Changed> inScanOrder = new ArrayList<>(changed);
    inScanOrder.sort((a, b) -> a.key().compareTo(b.key()));
    List<ItemChange> changes = new ArrayList<>(inScanOrder.size());
    for (RecoveryLog.Changed change : inScanOrder) {
      if (change.old() != null || change.current() != null) {
        Item image = change.current() != null ? change.current() : change.old();
        changes.add(new ItemChange(keys(schema, image), Optional.ofNullable(change.old()),
            Optional.ofNullable(change.current()), change.lastWrite()));
      }
    }
    return changes;
  }

  private static Item keys(KeySchema schema, Item image) {
    Item.Builder keys = Item.builder();
    for (KeyAttribute attribute : schema.attributes()) {
      keys.put(attribute.name(), image.get(attribute.name()));
    }
    return keys.build();
  }
}
