package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.internal.dynamodb.VectorIndex;
import dev.tombstone.internal.dynamodb.VectorValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which items of a table a vector index holds and what it holds of them. An item is in the
 * index when its vector attribute is a list of {@code Dimensions} numbers and, if the search
 * schema has a partition key (HASH), it has that attribute; a search schema attribute of
 * another type than its definition keeps the item out. The index is read from the table at
 * each use, so an item deleted by any path (DeleteItem, batches, transactions, PartiQL, TTL) is
 * gone from it at once.
 */
final class VectorIndexItems {
  private VectorIndexItems() {}

  /** The item's vector as the index holds it, or null when the item is not in the index. */
  static float[] vector(VectorIndex index, Item item) {
    AttributeValue value = item.get(index.vectorAttribute());
    if (value == null) {
      return null;
    }
    float[] vector = VectorValues.read(value, index.dimensions());
    if (vector == null) {
      return null;
    }
    for (VectorIndex.SearchKey key : index.searchSchema()) {
      AttributeValue attribute = item.get(key.attribute());
      if (attribute == null ? key.hash() : !hasType(attribute, key.type())) {
        return null;
      }
    }
    return vector;
  }

  /**
   * What the index holds of {@code item}: the table's key, the vector and the search schema
   * attributes, with the other attributes its projection names (all of them for ALL).
   */
  static Item projected(VectorIndex index, KeySchema tableKey, Item item) {
    if (index.projectionType().equals("ALL")) {
      return item;
    }
    Map<String, AttributeValue> kept = new LinkedHashMap<>();
    for (KeyAttribute key : tableKey.attributes()) {
      copy(item, key.name(), kept);
    }
    copy(item, index.vectorAttribute(), kept);
    index.searchSchema().forEach(key -> copy(item, key.attribute(), kept));
    index.nonKeyAttributes().forEach(name -> copy(item, name, kept));
    return Item.of(kept);
  }

  private static void copy(Item item, String name, Map<String, AttributeValue> into) {
    AttributeValue value = item.get(name);
    if (value != null) {
      into.put(name, value);
    }
  }

  private static boolean hasType(AttributeValue value, AttributeType type) {
    return switch (type) {
      case S -> value instanceof AttributeValue.S;
      case N -> value instanceof AttributeValue.N;
      case B -> value instanceof AttributeValue.B;
      default -> false;
    };
  }
}
