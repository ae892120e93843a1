package dev.tombstone.internal;

import java.util.Map;
import java.util.Optional;

/**
 * DynamoDB's rules for the tags of a table, with the texts AWS answered in 2026 (the ack-api-quirks
 * catalogue, DDB-TABLE-105/106/107/110/372/457): at most 50; keys of 1 to 128 characters, not
 * starting with {@code aws:} in any case; values of 0 to 256; both made of letters, numbers and
 * separators of any script ({@code \p{L}}, {@code \p{N}}, {@code \p{Z}}) and {@code + - = . _ : /
 * @}. Lengths count characters (code points), not bytes. A missing key or value is invalid and
 * named {@code null}. Internal: shared by the DynamoDB domain (TagResource, UntagResource) and its
 * protocol (CreateTable's {@code Tags}, checked before the table exists).
 */
public final class TableTagRules {
  /** Tags one table may carry. */
  public static final int MAX_TAGS = 50;
  /** DynamoDB's text when a request would leave more than {@link #MAX_TAGS} tags. */
  public static final String TOO_MANY =
      "Number of Tags exceed the current limit for the provided ResourceArn";
  private static final int MAX_KEY = 128;
  private static final int MAX_VALUE = 256;
  private static final String RESERVED = "aws:";

  private TableTagRules() {}

  /**
   * Why DynamoDB refuses one of these tags; empty when it refuses none. The lengths of every tag
   * are checked before the prefix and characters of any. How many there are is the caller's
   * check: TagResource counts the table's tags too.
   */
  public static Optional<String> tagsError(Map<String, String> tags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      Optional<String> error = lengthError(tag.getKey(), tag.getValue());
      if (error.isPresent()) {
        return error;
      }
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      Optional<String> error = contentError(tag.getKey(), tag.getValue());
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  /**
   * Why DynamoDB refuses this tag for its key's or value's presence or length (key first); empty
   * when it does not. Either may be null, as a request can leave it out.
   */
  public static Optional<String> lengthError(String key, String value) {
    Optional<String> error = keyLengthError(key);
    if (error.isPresent()) {
      return error;
    }
    if (value == null || length(value) > MAX_VALUE) {
      return Optional.of(invalidValue(value));
    }
    return Optional.empty();
  }

  /**
   * Why DynamoDB refuses this tag for its key's prefix or characters, or its value's characters
   * (key first); empty when it does not. Both are present and of valid lengths.
   */
  public static Optional<String> contentError(String key, String value) {
    Optional<String> error = keyContentError(key);
    if (error.isPresent()) {
      return error;
    }
    return TagCharacters.allowed(value) ? Optional.empty() : Optional.of(invalidValue(value));
  }

  /** Why DynamoDB refuses {@code key} (null when left out) for its presence or length. */
  public static Optional<String> keyLengthError(String key) {
    if (key == null || key.isEmpty() || length(key) > MAX_KEY) {
      return Optional.of(invalidKey(key));
    }
    return Optional.empty();
  }

  /** Why DynamoDB refuses {@code key} as a tag key, to add or to remove; empty when it does not. */
  public static Optional<String> keyError(String key) {
    Optional<String> error = keyLengthError(key);
    return error.isPresent() ? error : keyContentError(key);
  }

  private static Optional<String> keyContentError(String key) {
    if (key.regionMatches(true, 0, RESERVED, 0, RESERVED.length())) {
      return Optional.of("Tag Key cannot be prefixed with aws:, Key: " + key);
    }
    return TagCharacters.allowed(key) ? Optional.empty() : Optional.of(invalidKey(key));
  }

  private static String invalidKey(String key) {
    return "The Tag Key provided is invalid, Key: " + key;
  }

  private static String invalidValue(String value) {
    return "The Tag Value provided is invalid, Value: " + value;
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
