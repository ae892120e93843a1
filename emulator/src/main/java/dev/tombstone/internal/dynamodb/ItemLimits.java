package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.DynamoDbError;

/**
 * DynamoDB's 400 KB limit on an item, in bytes by its size rules.
 *
 * <p>Internal: one limit and one message for the Java API's writes and the wire's early refusal
 * of an oversized PutItem item.
 */
public final class ItemLimits {
  /** The largest item, 400 KB. */
  public static final int MAX_ITEM_BYTES = 400 * 1024;

  private ItemLimits() {}

  /** Whether an item of {@code bytes} is over the limit. */
  public static boolean oversized(int bytes) {
    return bytes > MAX_ITEM_BYTES;
  }

  /** Refuses an item of {@code bytes} over the limit, with PutItem's message. */
  public static void checkSize(int bytes) {
    if (oversized(bytes)) {
      throw new DynamoDbError.Validation("Item size has exceeded the maximum allowed size");
    }
  }
}
