package dev.tombstone.internal;

/**
 * DynamoDB's 400 KB limit on an item, in bytes by its size rules, and PutItem's words for an item
 * over it.
 *
 * <p>Internal: text only, so that the Java API's writes and the wire's early refusal of an
 * oversized PutItem item apply one limit with one message.
 */
public final class ItemLimits {
  /** The largest item, 400 KB. */
  public static final int MAX_ITEM_BYTES = 400 * 1024;
  /** PutItem's message for an item over the limit. */
  public static final String TOO_LARGE = "Item size has exceeded the maximum allowed size";

  private ItemLimits() {}

  /** Whether an item of {@code bytes} is over the limit. */
  public static boolean oversized(int bytes) {
    return bytes > MAX_ITEM_BYTES;
  }
}
