package dev.tombstone.internal;

import java.util.Map;
import java.util.Optional;

/**
 * DynamoDB's rules for the tags of a table: at most 50, keys of 1 to 128 characters not starting
 * with {@code aws:}, values of up to 256, letters, digits, white space and {@code + - = . _ : /
 * @}. Internal: shared by the DynamoDB domain (TagResource) and its protocol (CreateTable's
 * {@code Tags}, checked before the table exists).
 */
public final class TableTagRules {
  /** Tags one table may carry. */
  public static final int MAX_TAGS = 50;
  /** DynamoDB's text when a request would leave more than {@link #MAX_TAGS} tags. */
  public static final String TOO_MANY =
      "Number of Tags exceed the current limit for the provided ResourceArn";
  private static final int MAX_KEY = 128;
  private static final int MAX_VALUE = 256;
  private static final String INVALID = "One or more parameter values were invalid: ";

  private TableTagRules() {}

  /**
   * Why DynamoDB refuses one of these tags, checked in their order; empty when it refuses none.
   * How many there are is the caller's check: TagResource counts the table's tags too.
   */
  public static Optional<String> tagsError(Map<String, String> tags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      Optional<String> error = keyError(tag.getKey());
      if (error.isEmpty()) {
        error = valueError(tag.getValue());
      }
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  /** Why DynamoDB refuses {@code key} as a tag key; empty when it does not. */
  public static Optional<String> keyError(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY) {
      return Optional.of(INVALID + "Tag key must be between 1 and " + MAX_KEY + " characters");
    }
    if (key.startsWith("aws:")) {
      return Optional.of(INVALID + "Tag keys starting with 'aws:' are reserved for AWS use");
    }
    return charactersError(key, "key");
  }

  private static Optional<String> valueError(String value) {
    if (value.length() > MAX_VALUE) {
      return Optional.of(
          INVALID + "Tag value exceeds the maximum length of " + MAX_VALUE + " characters");
    }
    return charactersError(value, "value");
  }

  private static Optional<String> charactersError(String text, String what) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c)
          && "+-=._:/@".indexOf(c) < 0) {
        return Optional.of(
            INVALID + "Tag " + what + " contains characters that are not allowed: " + text);
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }
}
