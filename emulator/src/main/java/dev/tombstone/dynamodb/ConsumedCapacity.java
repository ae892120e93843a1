package dev.tombstone.dynamodb;

import java.util.Map;

/**
 * Capacity units an operation consumed, in total and split by table and index.
 *
 * @param tableName the table as the request named it: its name, or its ARN when the request
 *     gave that (DynamoDB echoes an ARN)
 * @param total the sum of table and index units
 * @param table the units of the table itself
 * @param globalIndexes units per global secondary index touched
 * @param localIndexes units per local secondary index touched
 */
public record ConsumedCapacity(
    String tableName,
    double total,
    double table,
    Map<String, Double> globalIndexes,
    Map<String, Double> localIndexes) {

  public ConsumedCapacity {
    globalIndexes = Map.copyOf(globalIndexes);
    localIndexes = Map.copyOf(localIndexes);
  }

  static ConsumedCapacity ofTable(String tableName, double units) {
    return new ConsumedCapacity(tableName, units, units, Map.of(), Map.of());
  }
}
