package dev.tombstone.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What DynamoDB refuses in the name of an attribute it would store: an empty name, or one over
 * 65,535 bytes of UTF-8.
 *
 * <pre>{@code
 * AttributeNameRules.problem("");   // Optional["Empty attribute name"]
 * AttributeNameRules.problem("a");  // Optional.empty()
 * }</pre>
 *
 * <p>Internal: text only, so that PutItem's item check, the Java API's updates and the wire's
 * update paths (legacy {@code AttributeUpdates}, {@code ExpressionAttributeNames} values, which
 * wrap the text in their own message) refuse the same names with the same words.
 */
public final class AttributeNameRules {
  /** The longest attribute name, in bytes of UTF-8. */
  public static final int MAX_NAME_BYTES = 65_535;

  private AttributeNameRules() {}

  /** DynamoDB's message for {@code name} as an attribute name, or empty when it is valid. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("Empty attribute name");
    }
    // A UTF-16 unit is at most three bytes of UTF-8: most names need no encoding to pass.
    if (name.length() > MAX_NAME_BYTES / 3
        && name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      return Optional.of("Attribute name is too large, must be less than 65536 bytes");
    }
    return Optional.empty();
  }
}
