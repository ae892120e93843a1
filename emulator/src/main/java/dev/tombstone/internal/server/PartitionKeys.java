package dev.tombstone.internal.server;

import dev.tombstone.internal.TableNames;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The partition key value a DynamoDB request names, as fault rules match it: in a {@code Key},
 * the table's partition key attribute (API 2012-08-10) or {@code HashKeyElement} (API
 * 2011-12-05); in an {@code Item}, the partition key attribute in both. Tables are named by
 * name or ARN.
 *
 * @param attributes the partition key attribute of a table, empty when there is no such table
 * @param hashKeyElement whether keys name their partition key {@code HashKeyElement}
 */
record PartitionKeys(Function<String, Optional<String>> attributes, boolean hashKeyElement) {

  /**
   * A partition key value: S and N as written, B as its base64 text.
   *
   * @param number whether it is an N
   */
  record Value(String text, boolean number) {}

  /** For a request with this {@code X-Amz-Target}. */
  static PartitionKeys forTarget(String target, Function<String, Optional<String>> attributes) {
    return new PartitionKeys(attributes,
        target != null && target.startsWith(DynamoDbFaults.PREFIX_2011));
  }

  /** The value in the {@code Key} member of {@code request}, else in its {@code Item}. */
  Value ofKeyOrItem(String table, Object request) {
    Object key = JsonTree.member(request, "Key");
    return key != null ? ofKey(table, key) : ofItem(table, JsonTree.member(request, "Item"));
  }

  /** The value in a key; null when it names none. */
  Value ofKey(String table, Object key) {
    return hashKeyElement ? text(JsonTree.member(key, "HashKeyElement")) : ofItem(table, key);
  }

  /** The value in an item; null when the table is unknown or the item lacks the attribute. */
  Value ofItem(String table, Object item) {
    Optional<String> attribute = attributes.apply(TableNames.fromNameOrArn(table));
    return attribute.isEmpty() ? null : text(JsonTree.member(item, attribute.get()));
  }

  private static Value text(Object value) {
    if (value instanceof Map<?, ?> typed && typed.size() == 1) {
      Map.Entry<?, ?> entry = typed.entrySet().iterator().next();
      if (entry.getValue() instanceof String text) {
        return new Value(text, "N".equals(entry.getKey()));
      }
    }
    return null;
  }
}
