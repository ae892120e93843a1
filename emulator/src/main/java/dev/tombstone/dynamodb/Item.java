package dev.tombstone.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable DynamoDB item: attribute names mapped to values, in insertion order.
 *
 * <pre>{@code
 * Item user = Item.builder().put("UserId", AttributeValue.s("user003")).build();
 * }</pre>
 */
public final class Item {
  /** The item with no attributes: what conditions see when no item exists. */
  public static final Item EMPTY = new Item(Map.of(), 0);

  private final Map<String, AttributeValue> attributes;
  private final int size;

  private Item(Map<String, AttributeValue> attributes, int size) {
    this.attributes = attributes;
    this.size = size;
  }

  /** An item holding a copy of {@code attributes}. */
  public static Item of(Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> copy = new LinkedHashMap<>(attributes.size() * 2);
    attributes.forEach(
        (name, value) ->
            copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name)));
    return new Item(Collections.unmodifiableMap(copy), ItemSize.of(copy));
  }

  /** A builder that keeps attributes in the order they are put. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>(), 0);
  }

  /** A builder starting from this item's attributes, for a changed copy of the item. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(attributes), size);
  }

  /** The value of {@code name}, or {@code null} when the item has no such attribute. */
  public AttributeValue get(String name) {
    return attributes.get(name);
  }

  /** Whether the item has an attribute called {@code name}. */
  public boolean has(String name) {
    return attributes.containsKey(name);
  }

  /** An unmodifiable view of the attributes. */
  public Map<String, AttributeValue> attributes() {
    return attributes;
  }

  /** Whether the item has no attributes. */
  public boolean isEmpty() {
    return attributes.isEmpty();
  }

  /** The size in bytes by DynamoDB's rules (names plus values), as used for capacity and limits. */
  public int sizeInBytes() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Item other && attributes.equals(other.attributes);
  }

  @Override
  public int hashCode() {
    return attributes.hashCode();
  }

  @Override
  public String toString() {
    return attributes.toString();
  }

  /** Builds an {@link Item}. */
  public static final class Builder {
    private Map<String, AttributeValue> attributes;
    // Kept up to date on every change, so build() need not measure every attribute again.
    private int size;
    // After build() the map belongs to the item; the next change copies it first.
    private boolean built;

    private Builder(Map<String, AttributeValue> attributes, int size) {
      this.attributes = attributes;
      this.size = size;
    }

    public Builder put(String name, AttributeValue value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      AttributeValue old = writable().put(name, value);
      size += ItemSize.of(value)
          - (old == null ? -ItemSize.utf8Length(name) : ItemSize.of(old));
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, AttributeValue.s(value));
    }

    /** Removes attribute {@code name}, if present. */
    public Builder remove(String name) {
      AttributeValue old = writable().remove(name);
      if (old != null) {
        size -= ItemSize.utf8Length(name) + ItemSize.of(old);
      }
      return this;
    }

    /** The value put under {@code name} so far, or null. */
    public AttributeValue get(String name) {
      return attributes.get(name);
    }

    public Item build() {
      built = true;
      return new Item(Collections.unmodifiableMap(attributes), size);
    }

    private Map<String, AttributeValue> writable() {
      if (built) {
        attributes = new LinkedHashMap<>(attributes);
        built = false;
      }
      return attributes;
    }
  }
}
