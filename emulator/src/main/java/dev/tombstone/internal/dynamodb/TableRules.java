package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * What CreateTable refuses in names: a table name of 3 to 255 characters of {@code
 * [a-zA-Z0-9_.-]}, key attribute names (and attributes projected into an index) of 1 to 255.
 *
 * <pre>{@code
 * TableRules.tableNameViolations("x");  // ["Member must have length greater than or equal to 3"]
 * TableRules.check(definition);         // ValidationException, as CreateTable answers it
 * }</pre>
 *
 * <p>Internal: the HTTP dialects check these in their own order among the rest of a request;
 * {@link dev.tombstone.dynamodb.DynamoDbState#createTable} checks them again, so the in-process
 * API refuses what a request is refused.
 */
public final class TableRules {
  /** The table name pattern, as DynamoDB prints it in a constraint violation. */
  public static final String TABLE_NAME_PATTERN = "[a-zA-Z0-9_.-]+";
  private static final int MIN_TABLE_NAME = 3;
  private static final int MAX_NAME = 255;

  private TableRules() {}

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

  /**
   * Checks a table about to be created: its name, then the names of its key attributes, its
   * indexes' key attributes and their projected attributes.
   *
   * @throws DynamoDbError.Validation with CreateTable's message
   */
  public static void check(TableDefinition definition) {
    List<String> violations = tableNameViolations(definition.name());
    if (!violations.isEmpty()) {
      List<String> rendered = new ArrayList<>();
      for (String violation : violations) {
        rendered.add("Value '" + definition.name() + "' at 'tableName' failed to satisfy"
            + " constraint: " + violation);
      }
      int n = rendered.size();
      throw new DynamoDbError.Validation(n + " validation error" + (n == 1 ? "" : "s")
          + " detected: " + String.join("; ", rendered));
    }
    checkAttributeNames(definition.keySchema(), definition.localSecondaryIndexes(),
        definition.globalSecondaryIndexes());
  }

  /**
   * Key attribute names (of the table and its indexes) and attribute names projected into an
   * index are 1 to 255 characters.
   *
   * @throws DynamoDbError.Validation with CreateTable's message
   */
  public static void checkAttributeNames(KeySchema schema,
      List<TableDefinition.IndexDefinition> localIndexes,
      List<TableDefinition.IndexDefinition> globalIndexes) {
    List<String> names = new ArrayList<>();
    addKeyNames(names, schema);
    for (List<TableDefinition.IndexDefinition> indexes : List.of(localIndexes, globalIndexes)) {
      for (TableDefinition.IndexDefinition index : indexes) {
        addKeyNames(names, index.keySchema());
        names.addAll(index.nonKeyAttributes());
      }
    }
    for (String name : names) {
      if (name.isEmpty() || name.length() > MAX_NAME) {
        throw new DynamoDbError.Validation("Names of key attributes and attributes projected"
            + " into an index must be between 1 and 255 characters, inclusive");
      }
    }
  }

  private static void addKeyNames(List<String> names, KeySchema schema) {
    names.add(schema.partitionKey().name());
    schema.sortKeyIfAny().ifPresent(sort -> names.add(sort.name()));
  }
}
