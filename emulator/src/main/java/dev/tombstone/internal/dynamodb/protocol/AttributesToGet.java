package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.AttributeNameRules;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The legacy {@code AttributesToGet} of every dialect: top-level names, no duplicates. */
final class AttributesToGet {
  private AttributesToGet() {}

  /**
   * The projection keeping {@code names}; a name over 65,535 bytes, which no attribute can have,
   * fails with PutItem's words, and duplicates fail as DynamoDB reports them.
   */
  static UnaryOperator<Item> projection(List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!name.isEmpty()) {
        AttributeNameRules.problem(name).ifPresent(problem -> {
          throw new DynamoDbError.Validation(problem);
        });
      }
      if (!seen.add(name)) {
        throw ServiceErrors.duplicateAttributeName(name);
      }
    }
    return item -> {
      Map<String, AttributeValue> kept = new LinkedHashMap<>();
      for (String name : names) {
        AttributeValue value = item.get(name);
        if (value != null) {
          kept.put(name, value);
        }
      }
      return Item.of(kept);
    };
  }
}
