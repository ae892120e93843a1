package dev.tombstone.dynamodb;

import java.math.BigDecimal;

/**
 * Shared {@link AttributeValue.N} instances for the small whole numbers items are full of
 * (counters, versions, flags, status codes), so a table of them does not hold one
 * {@code BigDecimal} per item.
 */
final class SmallNumbers {
  private static final int MAX = 1024;
  private static final AttributeValue.N[] CACHE = new AttributeValue.N[MAX + 1];

  static {
    for (int i = 0; i <= MAX; i++) {
      CACHE[i] = new AttributeValue.N(BigDecimal.valueOf(i));
    }
  }

  private SmallNumbers() {}

  /** The shared value for a plain decimal integer 0 to 1024 without leading zeros, or null. */
  static AttributeValue.N of(String text) {
    int length = text.length();
    if (length == 0 || length > 4 || (length > 1 && text.charAt(0) == '0')) {
      return null;
    }
    int value = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return value <= MAX ? CACHE[value] : null;
  }
}
