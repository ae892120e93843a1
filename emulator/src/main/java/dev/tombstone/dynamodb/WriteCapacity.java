package dev.tombstone.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The write capacity one request consumed on one table, summed over its writes: the table's
 * units and each secondary index's. PutItem, UpdateItem and DeleteItem add one write,
 * BatchWriteItem and TransactWriteItems one per element on the table.
 */
final class WriteCapacity {
  private final TableDefinition definition;
  private final String tableName;
  private double table;
  private final Map<String, Double> global = new LinkedHashMap<>();
  private final Map<String, Double> local = new LinkedHashMap<>();

  /** @param tableName the table as the request named it (name or ARN) */
  WriteCapacity(Table table, String tableName) {
    this.definition = table.definition();
    this.tableName = tableName;
  }

  /**
   * Adds a write replacing {@code oldItem} by {@code newItem} (null for none): {@code
   * tableFactor} times its units on the table, and the units of every index whose entry it
   * adds, changes or removes. Transactions pass 2: DynamoDB prepares and commits each item, but
   * charges the index writes that follow once, as outside a transaction.
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

  private static void addIndexUnits(Map<String, Double> units,
      Iterable<TableDefinition.IndexDefinition> indexes, Item oldItem, Item newItem) {
    for (TableDefinition.IndexDefinition index : indexes) {
      boolean inOld = index.indexes(oldItem);
      boolean inNew = index.indexes(newItem);
      if (inOld || inNew) {
        units.merge(index.name(),
            Capacity.writeUnits(inOld ? oldItem : null, inNew ? newItem : null), Double::sum);
      }
    }
  }
}
