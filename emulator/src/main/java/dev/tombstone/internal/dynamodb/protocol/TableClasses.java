package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.TableDefinition;

/**
 * The {@code TableClass} member of CreateTable and UpdateTable. DynamoDB checks it by name, case
 * included, with a message of its own rather than the model's enum constraint.
 */
final class TableClasses {
  private TableClasses() {}

  /** The class {@code name} names; null when absent. */
  static TableDefinition.TableClass read(String name) {
    if (name == null) {
      return null;
    }
    for (TableDefinition.TableClass tableClass : TableDefinition.TableClass.values()) {
      if (tableClass.name().equals(name)) {
        return tableClass;
      }
    }
    throw new DynamoDbError.Validation("Invalid table-class parameter provided. Please try again"
        + " with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
  }
}
