package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The part of a Query's start key check that AWS makes before it holds the key condition
 * against the key schema: the number of attributes, then the partition attributes of the key
 * queried, present and of their type (dynalite test/query.js, AWS-validated: 'should return
 * ValidationException if ExclusiveStartKey is invalid', '... does not match hash schema', and
 * '... if hash in ExclusiveStartKey but not in query', where a bad sort attribute comes after
 * the key condition). The texts are the ones the full check, made later, gives.
 */
final class StartKeyOrder {
  private StartKeyOrder() {}

  static void checkPartition(Map<String, AttributeValue> start, KeySchema table,
      KeySchema queried) {
    if (start == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    table.attributes().forEach(key -> names.add(key.name()));
    queried.attributes().forEach(key -> names.add(key.name()));
    if (start.size() != names.size()) {
      throw invalid();
    }
    for (KeyAttribute key : queried.partitionKeys()) {
      AttributeValue value = start.get(key.name());
      if (value == null || value.type() != key.type()) {
        throw invalid();
      }
    }
  }

  private static DynamoDbError.Validation invalid() {
    return DynamoDbError.Validation.invalidStartKey(
        DynamoDbError.Validation.keyMismatch().getMessage());
  }
}
