package dev.tombstone.junit;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeySchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the items of one table, reached through {@link DynamoDbStateAssert#table}.
 *
 * <pre>{@code
 * assertThat(tombstone.dynamoDb()).table("users")
 *     .doesNotContainKey("UserId", "u1")
 *     .containsKey("UserId", "u2");
 * assertThat(tombstone.dynamoDb()).table("users").item("UserId", "u2")
 *     .doesNotHaveAttribute("deletedAt");
 * }</pre>
 */
public final class DynamoDbTableAssert extends AbstractAssert<DynamoDbTableAssert, DynamoDbState> {
  private final String table;

  DynamoDbTableAssert(DynamoDbState actual, String table) {
    super(actual, DynamoDbTableAssert.class);
    this.table = table;
  }

  /**
   * Verifies that an item with this partition key exists, for a table without a sort key; on a
   * Number key, {@code value} is read as a number ({@code "42"}).
   */
  public DynamoDbTableAssert containsKey(String attribute, String value) {
    return containsKey(partitionKey("containsKey", attribute, value));
  }

  /** Verifies that an item with this key exists (partition key, and sort key if any). */
  public DynamoDbTableAssert containsKey(Map<String, AttributeValue> key) {
    isNotNull();
    if (stored(key).isEmpty()) {
      failWithMessage("%nExpecting table %s to contain an item with key%n  %s%nbut it did not;"
          + " its items were:%n  %s", table, key, actual.items(table));
    }
    return this;
  }

  /**
   * Verifies that no item with this partition key exists, for a table without a sort key; on a
   * Number key, {@code value} is read as a number.
   */
  public DynamoDbTableAssert doesNotContainKey(String attribute, String value) {
    return doesNotContainKey(partitionKey("doesNotContainKey", attribute, value));
  }

  /** Verifies that no item with this key exists. */
  public DynamoDbTableAssert doesNotContainKey(Map<String, AttributeValue> key) {
    isNotNull();
    Optional<Item> found = stored(key);
    if (found.isPresent()) {
      failWithMessage("%nExpecting table %s not to contain an item with key%n  %s%nbut it"
          + " contained%n  %s", table, key, found.get());
    }
    return this;
  }

  /** Verifies that the item with the key of {@code expected} equals {@code expected}. */
  public DynamoDbTableAssert hasItem(Map<String, AttributeValue> key, Item expected) {
    isNotNull();
    Optional<Item> found = stored(key);
    if (found.isEmpty()) {
      failWithMessage("%nExpecting table %s to contain%n  %s%nbut there was no item with key%n"
          + "  %s", table, expected, key);
    } else if (!found.get().equals(expected)) {
      failWithMessage("%nExpecting the item of table %s with key%n  %s%nto be%n  %s%nbut was%n"
          + "  %s", table, key, expected, found.get());
    }
    return this;
  }

  /**
   * Assertions on the attributes of the item with this partition key, e.g. after a soft delete:
   * {@code .item("UserId", "u1").hasAttribute("deletedAt")}; for a table without a sort key, and
   * on a Number key {@code value} is read as a number.
   */
  public DynamoDbItemAssert item(String attribute, String value) {
    return item(partitionKey("item", attribute, value));
  }

  /** Assertions on the attributes of the item with this key. */
  public DynamoDbItemAssert item(Map<String, AttributeValue> key) {
    isNotNull();
    return new DynamoDbItemAssert(actual, table, key);
  }

  /** Verifies that the table holds exactly {@code count} items. */
  public DynamoDbTableAssert hasSize(int count) {
    isNotNull();
    List<Item> items = actual.items(table);
    if (items.size() != count) {
      failWithMessage("%nExpecting table %s to hold %s but it held %s:%n  %s",
          table, Counted.of(count, "item"), items.size(), items);
    }
    return this;
  }

  /** Verifies that the table holds no items. */
  public DynamoDbTableAssert isEmpty() {
    isNotNull();
    List<Item> items = actual.items(table);
    if (!items.isEmpty()) {
      failWithMessage("%nExpecting table %s to be empty but it held %s:%n  %s",
          table, Counted.of(items.size(), "item"), items);
    }
    return this;
  }

  private Optional<Item> stored(Map<String, AttributeValue> key) {
    isNotNull();
    try {
      return actual.getItem(table, key);
    } catch (DynamoDbError.Validation e) {
      failWithMessage("%s", TableKeys.mismatch(table, actual.keySchema(table), key, e));
      throw new IllegalStateException("unreachable");
    }
  }

  /** The key the String overloads name, read against the table's key schema. */
  private Map<String, AttributeValue> partitionKey(String method, String attribute,
      String value) {
    isNotNull();
    KeySchema schema = actual.keySchema(table);
    Optional<String> problem = TableKeys.problemWithPartitionKey(schema, attribute, value);
    if (problem.isPresent()) {
      failWithMessage("%nTable %s is keyed by %s, so %s(\"%s\", \"%s\") cannot name an item:"
          + " %s.%nName the whole key with %s(Map<String, AttributeValue>), e.g.%n  %s(%s)",
          table, TableKeys.describe(schema), method, attribute, value, problem.get(), method,
          method, TableKeys.example(schema));
    }
    return TableKeys.partitionKey(schema, value);
  }
}
