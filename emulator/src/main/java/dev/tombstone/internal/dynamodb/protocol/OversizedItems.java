package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.AttributeNameRules;
import dev.tombstone.internal.ItemLimits;

/**
 * PutItem's oversized item, reported ahead of the condition's problems: AWS answers
 * {@code Item size has exceeded the maximum allowed size} for an oversized item whose
 * {@code Expected} is malformed (dynalite test/putItem.js, 'should return ValidationException if
 * item is too big with small attribute'). An item of allowed size is checked by the store, after
 * the condition, as before.
 */
final class OversizedItems {
  private OversizedItems() {}

  /** Refuses an oversized item as the store would: a bad attribute name first, then the size. */
  static void refuse(Item item) {
    if (!ItemLimits.oversized(item.sizeInBytes())) {
      return;
    }
    for (String name : item.attributes().keySet()) {
      AttributeNameRules.problem(name).ifPresent(problem -> {
        throw new DynamoDbError.Validation(problem);
      });
    }
    throw new DynamoDbError.Validation(ItemLimits.TOO_LARGE);
  }
}
