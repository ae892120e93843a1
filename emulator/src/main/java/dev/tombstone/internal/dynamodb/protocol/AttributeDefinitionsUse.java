package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition.IndexDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateTable's last check: every attribute definition is used by a key. Without indexes
 * DynamoDB compares the counts; with indexes it names the definitions and the keys used (the
 * table's, then each local and global index's, in request order).
 */
final class AttributeDefinitionsUse {
  private AttributeDefinitionsUse() {}

  /** @throws DynamoDbError.Validation when a definition is used by no key */
  static void check(Map<String, AttributeType> definitions, KeySchema table,
      List<IndexDefinition> localIndexes, List<IndexDefinition> globalIndexes) {
    check(definitions, table, localIndexes, globalIndexes, Set.of());
  }

  /**
   * As above, where {@code searchKeys} are the attributes the vector indexes' search schemas
   * use, which need definitions too (developer guide, troubleshooting vector indexes).
   */
  static void check(Map<String, AttributeType> definitions, KeySchema table,
      List<IndexDefinition> localIndexes, List<IndexDefinition> globalIndexes,
      Set<String> searchKeys) {
    if (localIndexes.isEmpty() && globalIndexes.isEmpty() && searchKeys.isEmpty()) {
      if (definitions.size() != table.size()) {
        throw ServiceErrors.invalidParameters("Number of attributes in KeySchema does not"
            + " exactly match number of attributes defined in AttributeDefinitions");
      }
      return;
    }
    Set<String> used = new LinkedHashSet<>();
    addKeys(used, table);
    localIndexes.forEach(index -> addKeys(used, index.keySchema()));
    globalIndexes.forEach(index -> addKeys(used, index.keySchema()));
    used.addAll(searchKeys);
    if (!used.containsAll(definitions.keySet())) {
      throw ServiceErrors.invalidParameters("Some AttributeDefinitions are not used."
          + " AttributeDefinitions: " + ConstraintValues.list(new ArrayList<>(definitions.keySet()))
          + ", keys used: " + ConstraintValues.list(new ArrayList<>(used)));
    }
  }

  private static void addKeys(Set<String> used, KeySchema schema) {
    schema.attributes().forEach(key -> used.add(key.name()));
  }
}
