package dev.tombstone.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Top-level SET (a value) and REMOVE (null) actions built by {@link ItemUpdate.Builder}. */
final class TopLevelUpdate implements ItemUpdate {
  private final Map<String, AttributeValue> changes;

  TopLevelUpdate(Map<String, AttributeValue> changes) {
    this.changes = Collections.unmodifiableMap(changes);
  }

  @Override
  public Item apply(Item item) {
    Item.Builder builder = item.toBuilder();
    changes.forEach((name, value) -> {
      if (value == null) {
        builder.remove(name);
      } else {
        builder.put(name, value);
      }
    });
    return builder.build();
  }

  @Override
  public Set<String> attributeNames() {
    return changes.keySet();
  }

  @Override
  public Item updatedParts(Item item) {
    Map<String, AttributeValue> parts = new LinkedHashMap<>();
    for (String name : changes.keySet()) {
      AttributeValue value = item.get(name);
      if (value != null) {
        parts.put(name, value);
      }
    }
    return Item.of(parts);
  }

  @Override
  public String toString() {
    return "ItemUpdate" + changes;
  }
}
