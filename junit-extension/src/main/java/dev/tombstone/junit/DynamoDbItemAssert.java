package dev.tombstone.junit;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the attributes of one item, reached through {@link DynamoDbTableAssert#item}:
 * what a soft delete ({@code SET deletedAt = :now}) and its undoing ({@code REMOVE deletedAt})
 * leave behind.
 *
 * <pre>{@code
 * assertThat(tombstone.dynamoDb()).table("users").item("UserId", "u1")
 *     .hasAttribute("deletedAt")
 *     .hasAttribute("name", "Ada");
 * }</pre>
 *
 * <p>Every assertion also fails when the table holds no item with the key.
 */
public final class DynamoDbItemAssert extends AbstractAssert<DynamoDbItemAssert, DynamoDbState> {
  private final String table;
  private final Map<String, AttributeValue> key;

  DynamoDbItemAssert(DynamoDbState actual, String table, Map<String, AttributeValue> key) {
    super(actual, DynamoDbItemAssert.class);
    this.table = table;
    this.key = Map.copyOf(key);
  }

  /** Verifies that the item exists. */
  public DynamoDbItemAssert exists() {
    item();
    return this;
  }

  /** Verifies that the item has attribute {@code name}, whatever its value. */
  public DynamoDbItemAssert hasAttribute(String name) {
    Item item = item();
    if (!item.has(name)) {
      failWithMessage("%nExpecting the item of table %s with key%n  %s%nto have attribute %s"
          + " but it did not:%n  %s", table, key, name, item);
    }
    return this;
  }

  /** Verifies that attribute {@code name} holds the string {@code value}. */
  public DynamoDbItemAssert hasAttribute(String name, String value) {
    return hasAttribute(name, AttributeValue.s(value));
  }

  /** Verifies that attribute {@code name} equals {@code value}. */
  public DynamoDbItemAssert hasAttribute(String name, AttributeValue value) {
    Item item = item();
    if (!value.equals(item.get(name))) {
      failWithMessage("%nExpecting attribute %s of the item of table %s with key%n  %s%nto be%n"
          + "  %s%nbut was%n  %s", name, table, key, value, item.get(name));
    }
    return this;
  }

  /** Verifies that the item exists and no longer has (or never had) attribute {@code name}. */
  public DynamoDbItemAssert doesNotHaveAttribute(String name) {
    Item item = item();
    if (item.has(name)) {
      failWithMessage("%nExpecting the item of table %s with key%n  %s%nnot to have attribute"
          + " %s but it had%n  %s", table, key, name, item.get(name));
    }
    return this;
  }

  private Item item() {
    isNotNull();
    Optional<Item> item = Optional.empty();
    try {
      item = actual.getItem(table, key);
    } catch (DynamoDbError.Validation e) {
      failWithMessage("%s", TableKeys.mismatch(table, actual.keySchema(table), key, e));
    }
    if (item.isEmpty()) {
      failWithMessage("%nExpecting table %s to contain an item with key%n  %s%nbut it did not;"
          + " its items were:%n  %s", table, key, actual.items(table));
    }
    return item.orElseThrow();
  }
}
