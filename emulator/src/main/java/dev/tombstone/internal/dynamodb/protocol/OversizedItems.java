package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.AttributeNameRules;

/**
 * PutItem's oversized item, reported ahead of the condition's problems: AWS answers
 * {@code Item size has exceeded the maximum allowed size} for an oversized item whose
 * {@code Expected} is malformed (dynalite test/putItem.js, 'should return ValidationException if
 * item is too big with small attribute'). An item of allowed size is checked by the store, after
 * the condition, as before.
 */
final class OversizedItems {
  /** DynamoDB's item size limit, 400 KB, as the store applies it. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  private OversizedItems() {}

  /** Refuses an oversized item as the store would: a bad attribute name first, then the size. */
  static void refuse(Item item) {
    if (item.sizeInBytes() <= MAX_ITEM_BYTES) {
      return;
    }
    for (String name : item.attributes().keySet()) {
      AttributeNameRules.problem(name).ifPresent(problem -> {
        throw new DynamoDbError.Validation(problem);
      });
    }
    throw new DynamoDbError.Validation("Item size has exceeded the maximum allowed size");
  }
}
