package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.internal.TableNameRules;
import java.util.List;

/** CreateTable's check of key attribute names and of names projected into an index. */
final class TableAttributeNames {
  private TableAttributeNames() {}

  /** @throws DynamoDbError.Validation for a name that is not 1 to 255 characters */
  static void check(KeySchema schema, List<TableDefinition.IndexDefinition> localIndexes,
      List<TableDefinition.IndexDefinition> globalIndexes) {
    checkKey(schema);
    for (List<TableDefinition.IndexDefinition> indexes : List.of(localIndexes, globalIndexes)) {
      for (TableDefinition.IndexDefinition index : indexes) {
        checkKey(index.keySchema());
        index.nonKeyAttributes().forEach(TableAttributeNames::checkName);
      }
    }
  }

  private static void checkKey(KeySchema schema) {
    schema.attributes().forEach(key -> checkName(key.name()));
  }

  private static void checkName(String name) {
    if (!TableNameRules.isAttributeName(name)) {
      throw new DynamoDbError.Validation(TableNameRules.ATTRIBUTE_NAME_LENGTH);
    }
  }
}
