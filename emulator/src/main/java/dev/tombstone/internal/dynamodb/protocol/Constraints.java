package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.TableNameRules;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects violations of the API model's constraints (not null, pattern, length, range, enum) and
 * reports them together, as DynamoDB does: {@code 2 validation errors detected: ...; ...}.
 */
final class Constraints {
  static final int MAX_REPORTED = 10;
  static final String TABLE_NAME_PATTERN = TableNameRules.TABLE_NAME_PATTERN;
  static final String[] RETURN_VALUES = {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE",
      "UPDATED_NEW"};
  static final String[] RETURN_CONSUMED_CAPACITY = {"INDEXES", "TOTAL", "NONE"};
  static final String[] RETURN_ITEM_COLLECTION_METRICS = {"SIZE", "NONE"};
  static final String[] CONDITIONAL_OPERATOR = {"OR", "AND"};
  static final String[] COMPARISON_OPERATOR = {"IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS",
      "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS"};
  static final String[] RETURN_ON_FAILURE = {"ALL_OLD", "NONE"};

  private final List<String> violations = new ArrayList<>();

  /** Adds one violation; {@code rendered} is the value as DynamoDB prints it, or null. */
  Constraints add(String path, String rendered, String constraint) {
    violations.add("Value " + (rendered == null ? "null" : "'" + rendered + "'") + " at '" + path
        + "' failed to satisfy constraint: " + constraint);
    return this;
  }

  /**
   * A violation reported without a value ("Value at '<path>' …"), as DynamoDB reports a list
   * member with too many elements.
   */
  Constraints addWithoutValue(String path, String constraint) {
    violations.add("Value at '" + path + "' failed to satisfy constraint: " + constraint);
    return this;
  }

  Constraints notNull(String path, Object value) {
    return value == null ? add(path, null, "Member must not be null") : this;
  }

  Constraints tableName(String path, String name, boolean required) {
    if (name == null) {
      return required ? notNull(path, null) : this;
    }
    for (String violation : TableNameRules.tableNameViolations(name)) {
      add(path, name, violation);
    }
    return this;
  }

  /**
   * A global secondary index's name: the table name rules with the lengths before the pattern,
   * as AWS lists them for CreateTable's and UpdateTable's new global indexes (ack-api-quirks
   * catalogue, DDB-TABLE-457, 2026).
   */
  Constraints globalIndexName(String path, String name) {
    return nameLengthsBeforePattern(path, name);
  }

  /**
   * Whether a map key of a batch names its table by ARN, which the current API accepts there as
   * in {@code TableName} (keys of up to 1024 characters).
   */
  static boolean isTableArn(String name) {
    return name.startsWith("arn:") && name.length() <= 1024;
  }

  /** Whether {@code name} matches {@link #TABLE_NAME_PATTERN}. */
  static boolean isTableName(String name) {
    return TableNameRules.isTableName(name);
  }

  /**
   * A table name or ARN, where the model accepts both (1 to 1024 characters): an empty value
   * fails only that length, an ARN only its maximum, and a name the table name rules, as AWS
   * reports them there: length before pattern ({@code x!} breaks both).
   */
  Constraints tableNameOrArn(String path, String name) {
    if (name != null && name.isEmpty()) {
      return add(path, name, minLength(1));
    }
    return tableNameOrArnNonEmpty(path, name);
  }

  /**
   * {@link #tableNameOrArn} as DescribeTable checks it: an empty value breaks the table name
   * rules (minimum length 3, then the pattern) rather than the ARN's minimum length, as AWS
   * answered in 2026 (ack-api-quirks catalogue, DDB-TABLE-457).
   */
  Constraints tableNameOrArnAsDescribeTable(String path, String name) {
    return tableNameOrArnNonEmpty(path, name);
  }

  private Constraints tableNameOrArnNonEmpty(String path, String name) {
    if (name != null && name.startsWith("arn:")) {
      if (name.length() > 1024) {
        add(path, name, maxLength(1024));
      }
      return this;
    }
    return nameLengthsBeforePattern(path, name);
  }

  /** A name by the table name rules, reported lengths first, then the pattern. */
  private Constraints nameLengthsBeforePattern(String path, String name) {
    if (name == null) {
      return notNull(path, null);
    }
    List<String> found = new ArrayList<>(TableNameRules.tableNameViolations(name));
    String pattern = "Member must satisfy regular expression pattern: " + TABLE_NAME_PATTERN;
    if (found.remove(pattern)) {
      found.add(pattern);
    }
    for (String violation : found) {
      add(path, name, violation);
    }
    return this;
  }

  Constraints oneOf(String path, String value, String... allowed) {
    if (value == null) {
      return this;
    }
    for (String candidate : allowed) {
      if (candidate.equals(value)) {
        return this;
      }
    }
    return add(path, value, "Member must satisfy enum value set: [" + String.join(", ", allowed)
        + "]");
  }

  /**
   * The {@code ComparisonOperator} of each entry of a legacy condition map such as {@code
   * keyConditions}: in its enum, and present where the entries are {@code Condition}s ({@code
   * required}); an {@code Expected} entry may leave it out.
   */
  Constraints comparisonOperators(
      String member, Map<String, ExpectedEntry> entries, boolean required) {
    if (entries == null) {
      return this;
    }
    for (Map.Entry<String, ExpectedEntry> e : entries.entrySet()) {
      String path = member + "." + e.getKey() + ".member.comparisonOperator";
      String operator = e.getValue().comparisonOperator();
      if (required) {
        notNull(path, operator);
      }
      oneOf(path, operator, COMPARISON_OPERATOR);
    }
    return this;
  }

  Constraints atLeast(String path, Integer value, int min) {
    if (value != null && value < min) {
      add(path, value.toString(), minValue(min));
    }
    return this;
  }

  Constraints atLeast(String path, Long value, long min) {
    if (value != null && value < min) {
      add(path, value.toString(), minValue(min));
    }
    return this;
  }

  Constraints atMost(String path, Integer value, int max) {
    if (value != null && value > max) {
      add(path, value.toString(), "Member must have value less than or equal to " + max);
    }
    return this;
  }

  Constraints lengthBetween(String path, String value, int min, int max) {
    if (value == null) {
      return this;
    }
    if (value.length() < min) {
      add(path, value, minLength(min));
    }
    if (value.length() > max) {
      add(path, value, maxLength(max));
    }
    return this;
  }

  /**
   * A list member's length; {@code elements} are its elements as {@link ConstraintValues}
   * renders them.
   */
  Constraints size(String path, List<String> elements, int min, int max) {
    return size(path, ConstraintValues.list(elements), elements.size(), min, max);
  }

  /**
   * A list member's length where DynamoDB's rendering of its elements is not reproduced: an
   * empty list is {@code []}, a list over {@code max} is reported without a value, as
   * DynamoDB reports BatchGetItem's 101 keys.
   */
  Constraints size(String path, int size, int min, int max) {
    if (size < min) {
      add(path, "[]", minLength(min));
    } else if (size > max) {
      addWithoutValue(path, maxLength(max));
    }
    return this;
  }

  /**
   * A list member's length; {@code rendered} stands for the list where the emulator does not
   * reproduce DynamoDB's rendering of its elements (tests match those with a pattern).
   */
  Constraints size(String path, String rendered, int size, int min, int max) {
    if (size < min) {
      add(path, rendered, minLength(min));
    } else if (size > max) {
      add(path, rendered, maxLength(max));
    }
    return this;
  }

  static String minLength(int min) {
    return "Member must have length greater than or equal to " + min;
  }

  static String maxLength(int max) {
    return "Member must have length less than or equal to " + max;
  }

  static String minValue(long min) {
    return "Member must have value greater than or equal to " + min;
  }

  /** Throws the collected violations as one ValidationException, if there are any. */
  void check() {
    if (violations.isEmpty()) {
      return;
    }
    List<String> reported = violations.subList(0, Math.min(MAX_REPORTED, violations.size()));
    int n = reported.size();
    throw new DynamoDbError.Validation(n + " validation error" + (n == 1 ? "" : "s")
        + " detected: " + String.join("; ", reported));
  }
}
