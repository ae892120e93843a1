package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.KeySchema;
import java.util.List;

/**
 * Which key equalities of a SELECT's WHERE clause a Query can key on, for a table's or an
 * index's key schema.
 */
final class KeyConditions {
  private KeyConditions() {}

  /**
   * The equalities a Query can key on: every partition attribute's, then the leading sort
   * attributes' (a multi-attribute index key's sort attributes go left to right). Null when a
   * partition attribute has none, or a sort attribute's equality follows one without: the
   * statement then reads as a Scan filtered by its whole WHERE clause.
   */
  static KeyCondition of(KeySchema keySchema, WhereClause where) {
    KeyCondition condition = null;
    for (KeyAttribute key : keySchema.partitionKeys()) {
      AttributeValue value = where.keys().get(key.name());
      if (value == null) {
        return null;
      }
      condition = condition == null ? KeyCondition.partitionKey(key.name(), value)
          : condition.and(key.name(), KeyCondition.Operator.EQ, value);
    }
    int named = leadingSortEqualities(keySchema, where);
    List<KeyAttribute> sortKeys = keySchema.sortKeys();
    for (int i = named + 1; i < sortKeys.size(); i++) {
      if (where.keys().containsKey(sortKeys.get(i).name())) {
        return null;
      }
    }
    for (int i = 0; i < named; i++) {
      condition = condition.and(sortKeys.get(i).name(), KeyCondition.Operator.EQ,
          where.keys().get(sortKeys.get(i).name()));
    }
    return condition;
  }

  /** How many sort attributes, from the first, have an equality. */
  static int leadingSortEqualities(KeySchema keySchema, WhereClause where) {
    int named = 0;
    while (named < keySchema.sortKeys().size()
        && where.keys().containsKey(keySchema.sortKeys().get(named).name())) {
      named++;
    }
    return named;
  }
}
