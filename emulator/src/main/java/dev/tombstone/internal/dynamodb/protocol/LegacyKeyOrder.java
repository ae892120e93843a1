package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import java.util.Map;

/**
 * Where a legacy {@code KeyConditions} operator no key condition allows (NULL, NOT_NULL, NE,
 * CONTAINS, NOT_CONTAINS, IN) is refused: AWS looks at the partition attribute first (a hash-only
 * key with two conditions, a missing partition condition), then at that condition's operator,
 * then at the sort attribute's (dynalite test/query.js, AWS-validated: 'should return
 * ValidationException if querying with non-indexable operations', '... if hash in
 * ExclusiveStartKey but not in query', '... for missing range element'): its operator, its
 * values' types and EQ, then the sort attribute's presence and operator. An operator no key condition allows
 * is {@code Attempted conditional constraint is not an indexable operation} on either attribute.
 */
final class LegacyKeyOrder {
  private LegacyKeyOrder() {}

  static void check(Map<String, ExpectedEntry> entries, KeySchema queried) {
    if (queried.multiAttribute()) {
      return;
    }
    String partition = queried.partitionKey().name();
    if (queried.sortKey() == null && entries.size() > 1) {
      throw new DynamoDbError.Validation("Query key condition not supported");
    }
    ExpectedEntry partitionEntry = entries.get(partition);
    if (partitionEntry == null) {
      throw new DynamoDbError.Validation("Query condition missed key schema element: " + partition);
    }
    checkIndexable(partitionEntry);
    if (partitionEntry.attributeValueList() != null) {
      for (AttributeValue value : partitionEntry.attributeValueList()) {
        if (value != null && value.type() != queried.partitionKey().type()) {
          throw DynamoDbError.Validation.invalidParameters(
              "Condition parameter type does not match schema type");
        }
      }
    }
    if (!"EQ".equals(partitionEntry.comparisonOperator())) {
      throw new DynamoDbError.Validation("Query key condition not supported");
    }
    if (queried.sortKey() == null) {
      return;
    }
    ExpectedEntry sortEntry = entries.get(queried.sortKey().name());
    if (sortEntry != null) {
      checkIndexable(sortEntry);
    } else if (entries.size() > 1) {
      throw new DynamoDbError.Validation(
          "Query condition missed key schema element: " + queried.sortKey().name());
    }
  }

  private static void checkIndexable(ExpectedEntry entry) {
    for (KeyCondition.Operator operator : KeyCondition.Operator.values()) {
      if (operator.name().equals(entry.comparisonOperator())) {
        return;
      }
    }
    throw new DynamoDbError.Validation(
        "Attempted conditional constraint is not an indexable operation");
  }
}
