package dev.tombstone.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What DynamoDB's CreateTable refuses in names: a table name of 3 to 255 characters of {@code
 * [a-zA-Z0-9_.-]}, key attribute names (and attributes projected into an index) of 1 to 255.
 *
 * <pre>{@code
 * TableNameRules.tableNameViolations("x");
 * // ["Member must have length greater than or equal to 3"]
 * TableNameRules.tableNameError("x");
 * // "1 validation error detected: Value 'x' at ..."
 * }</pre>
 *
 * <p>Internal: text only, so that the HTTP dialects (which check these in their own order among
 * the rest of a request) and the in-process {@code DynamoDbState.createTable} share it.
 */
public final class TableNameRules {
  /** The table name pattern, as DynamoDB prints it in a constraint violation. */
  public static final String TABLE_NAME_PATTERN = "[a-zA-Z0-9_.-]+";
  /** CreateTable's answer to a key or projected attribute name outside 1 to 255 characters. */
  public static final String ATTRIBUTE_NAME_LENGTH = "Names of key attributes and attributes"
      + " projected into an index must be between 1 and 255 characters, inclusive";
  private static final int MIN_TABLE_NAME = 3;
  private static final int MAX_NAME = 255;

  private TableNameRules() {}

  /** Whether {@code name} matches {@link #TABLE_NAME_PATTERN}; a loop, as it runs per request. */
  public static boolean isTableName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** The API model's constraints {@code name} fails as a table name, in DynamoDB's order. */
  public static List<String> tableNameViolations(String name) {
    if (name.length() >= MIN_TABLE_NAME && name.length() <= MAX_NAME && isTableName(name)) {
      return List.of(); // every request names its table: no list for a good name
    }
    List<String> violations = new ArrayList<>(2);
    if (!isTableName(name)) {
      violations.add("Member must satisfy regular expression pattern: " + TABLE_NAME_PATTERN);
    }
    if (name.length() < MIN_TABLE_NAME) {
      violations.add("Member must have length greater than or equal to " + MIN_TABLE_NAME);
    }
    if (name.length() > MAX_NAME) {
      violations.add("Member must have length less than or equal to " + MAX_NAME);
    }
    return violations;
  }

  /** CreateTable's message for {@code name} as its {@code TableName}, if it refuses it. */
  public static Optional<String> tableNameError(String name) {
    List<String> violations = tableNameViolations(name);
    if (violations.isEmpty()) {
      return Optional.empty();
    }
    List<String> rendered = new ArrayList<>();
    for (String violation : violations) {
      rendered.add("Value '" + name + "' at 'tableName' failed to satisfy constraint: "
          + violation);
    }
    int n = rendered.size();
    return Optional.of(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
        + String.join("; ", rendered));
  }

  /** Whether {@code name} may name a key attribute or an attribute projected into an index. */
  public static boolean isAttributeName(String name) {
    return !name.isEmpty() && name.length() <= MAX_NAME;
  }
}
