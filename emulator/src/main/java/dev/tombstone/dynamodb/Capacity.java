package dev.tombstone.dynamodb;

/** DynamoDB's capacity arithmetic: 1 KB write units, 4 KB read units. */
final class Capacity {
  private Capacity() {}

  /** Write units for replacing {@code oldItem} by {@code newItem}; a missing image counts 1. */
  static double writeUnits(Item oldItem, Item newItem) {
    return Math.max(writeUnits(oldItem), writeUnits(newItem));
  }

  private static double writeUnits(Item item) {
    return item == null ? 1 : Math.max(1, ceilDiv(item.sizeInBytes(), 1024));
  }

  /** Read units for reading {@code bytes}; eventually consistent reads cost half. */
  static double readUnits(long bytes, boolean consistent) {
    double units = Math.max(1, ceilDiv(bytes, 4096));
    return consistent ? units : units / 2;
  }

  /**
   * Write capacity of a single-item write, with the indexes whose entries change, under
   * {@code tableName}: the table as the request named it.
   */
  static ConsumedCapacity write(Table table, String tableName, Item oldItem, Item newItem) {
    double units = writeUnits(oldItem, newItem);
    TableDefinition definition = table.definition();
    if (definition.globalSecondaryIndexes().isEmpty()
        && definition.localSecondaryIndexes().isEmpty()) {
      return units == 1.0 && tableName.equals(table.name())
          ? table.oneWriteUnit() : ConsumedCapacity.ofTable(tableName, units);
    }
    WriteCapacity capacity = new WriteCapacity(table, tableName);
    capacity.add(oldItem, newItem, 1);
    return capacity.consumed();
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
