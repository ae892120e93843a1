package dev.tombstone.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The write capacity one request consumed on one table, summed over its writes: the table's
 * units and each secondary index's. PutItem, UpdateItem and DeleteItem add one write,
 * BatchWriteItem and TransactWriteItems one per element on the table.
 */
final class WriteCapacity {
  private final Table written;
  private final TableDefinition definition;
  private final String tableName;
  private double table;
  private final Map<String, Double> global = new LinkedHashMap<>();
  private final Map<String, Double> local = new LinkedHashMap<>();

  /** @param tableName the table as the request named it (name or ARN) */
  WriteCapacity(Table table, String tableName) {
    this.written = table;
    this.definition = table.definition();
    this.tableName = tableName;
  }

  /**
   * Adds a write replacing {@code oldItem} by {@code newItem} (null for none): {@code
   * tableFactor} times its units on the table, and the units of every index whose entry it
   * adds, changes or removes (see {@link #addIndexUnits}). Transactions pass 2: DynamoDB
   * prepares and commits each item, but charges the index writes that follow once, as outside
   * a transaction.
   */
  void add(Item oldItem, Item newItem, int tableFactor) {
    table += tableFactor * Capacity.writeUnits(oldItem, newItem);
    addIndexUnits(global, definition.globalSecondaryIndexes(), oldItem, newItem);
    addIndexUnits(local, definition.localSecondaryIndexes(), oldItem, newItem);
  }

  /** Adds units charged to the table alone, as for a transaction's ConditionCheck. */
  void addTableOnly(double units) {
    table += units;
  }

  ConsumedCapacity consumed() {
    double total = table;
    for (double u : global.values()) {
      total += u;
    }
    for (double u : local.values()) {
      total += u;
    }
    return new ConsumedCapacity(tableName, total, table, global, local);
  }

  /**
   * An index is charged for its entry, not the table item: nothing when the write leaves the
   * entry as it was, two writes (delete the old entry, put the new one) when it changes the
   * entry's index key, one otherwise. DynamoDB documents this for global indexes (Developer
   * Guide, "Provisioned throughput considerations for global secondary indexes", writes);
   * local indexes are charged alike.
   */
  private void addIndexUnits(Map<String, Double> units,
      Iterable<TableDefinition.IndexDefinition> indexes, Item oldItem, Item newItem) {
    for (TableDefinition.IndexDefinition definition : indexes) {
      SecondaryIndex index = written.index(definition.name());
      Item oldEntry = definition.indexes(oldItem) ? index.project(oldItem) : null;
      Item newEntry = definition.indexes(newItem) ? index.project(newItem) : null;
      double charged;
      if (oldEntry == null || newEntry == null) {
        charged = oldEntry == null && newEntry == null ? 0
            : Capacity.writeUnits(oldEntry, newEntry);
      } else if (!sameIndexKey(definition.keySchema(), oldEntry, newEntry)) {
        charged = Capacity.writeUnits(oldEntry, null) + Capacity.writeUnits(null, newEntry);
      } else {
        charged = oldEntry.equals(newEntry) ? 0 : Capacity.writeUnits(oldEntry, newEntry);
      }
      if (charged > 0) {
        units.merge(definition.name(), charged, Double::sum);
      }
    }
  }

  private static boolean sameIndexKey(KeySchema schema, Item oldEntry, Item newEntry) {
    return schema.keyAttributesOf(oldEntry).equals(schema.keyAttributesOf(newEntry));
  }
}
