package dev.tombstone.dynamodb;

import dev.tombstone.internal.ArrayEntries;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable DynamoDB item: attribute names mapped to values, in insertion order.
 *
 * <pre>{@code
 * Item user = Item.builder().put("UserId", AttributeValue.s("user003")).build();
 * }</pre>
 *
 * <p>Stored as parallel arrays (names, their hashes, values) rather than a hash map: items are
 * small, a table holds many of them, and a changed copy of an item (an update) costs three
 * array copies.
 */
public final class Item {
  private static final String[] NO_NAMES = {};
  private static final int[] NO_HASHES = {};
  private static final AttributeValue[] NO_VALUES = {};

  /** The item with no attributes: what conditions see when no item exists. */
  public static final Item EMPTY = new Item(NO_NAMES, NO_HASHES, NO_VALUES, 0);

  // Exactly as long as the item has attributes; never changed after construction.
  private final String[] names;
  // The names' hashes: a lookup scans these ints and touches only the String it finds.
  private final int[] hashes;
  private final AttributeValue[] values;
  private final int size;

  private Item(String[] names, int[] hashes, AttributeValue[] values, int size) {
    this.names = names;
    this.hashes = hashes;
    this.values = values;
    this.size = size;
  }

  /** An item holding a copy of {@code attributes}. */
  public static Item of(Map<String, AttributeValue> attributes) {
    Builder builder = new Builder(new String[attributes.size()], new int[attributes.size()],
        new AttributeValue[attributes.size()], 0, 0);
    attributes.forEach(builder::put);
    return builder.build();
  }

  /** A builder that keeps attributes in the order they are put. */
  public static Builder builder() {
    return new Builder(new String[4], new int[4], new AttributeValue[4], 0, 0);
  }

  /** A builder starting from this item's attributes, for a changed copy of the item. */
  public Builder toBuilder() {
    return new Builder(names, hashes, values, names.length, size);
  }

  /**
   * This item, sharing what it repeats of {@code previous}: the names and their hashes when both
   * have the same names in the same order, and each string, number or binary value equal to the
   * previous item's. A table written with items of one shape (a status, a payload, a version)
   * then keeps one copy of those rather than one per item. The result equals this item.
   */
  Item sharingWith(Item previous) {
    if (previous == null || previous.names.length != names.length || names.length == 0) {
      return this;
    }
    for (int i = 0; i < names.length; i++) {
      if (hashes[i] != previous.hashes[i] || !names[i].equals(previous.names[i])) {
        return this;
      }
    }
    AttributeValue[] shared = values;
    for (int i = 0; i < values.length; i++) {
      AttributeValue value = values[i];
      AttributeValue earlier = previous.values[i];
      boolean scalar = value instanceof AttributeValue.S || value instanceof AttributeValue.N
          || value instanceof AttributeValue.B;
      if (value != earlier && scalar && value.equals(earlier)) {
        if (shared == values) {
          shared = values.clone();
        }
        shared[i] = earlier;
      }
    }
    return new Item(previous.names, previous.hashes, shared, size);
  }

  /** The value of {@code name}, or {@code null} when the item has no such attribute. */
  public AttributeValue get(String name) {
    int i = indexOf(names, hashes, names.length, name);
    return i < 0 ? null : values[i];
  }

  /** Whether the item has an attribute called {@code name}. */
  public boolean has(String name) {
    return indexOf(names, hashes, names.length, name) >= 0;
  }

  /** An unmodifiable view of the attributes, in insertion order. */
  public Map<String, AttributeValue> attributes() {
    // Not cached: a view kept per stored item would cost memory on every item of a table.
    return new View();
  }

  /** The number of attributes; with {@link #nameAt}, a walk that allocates nothing. */
  int attributeCount() {
    return names.length;
  }

  /** The name of the {@code i}-th attribute, in insertion order. */
  String nameAt(int i) {
    return names[i];
  }

  /** Whether the item has no attributes. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /** The size in bytes by DynamoDB's rules (names plus values), as used for capacity and limits. */
  public int sizeInBytes() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Item other) || other.names.length != names.length) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      if (!values[i].equals(other.get(names[i]))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    // As Map.hashCode, so an item hashes like its attributes() view.
    int hash = 0;
    for (int i = 0; i < names.length; i++) {
      hash += names[i].hashCode() ^ values[i].hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    return attributes().toString();
  }

  private static int indexOf(String[] names, int[] hashes, int count, String name) {
    int hash = name.hashCode();
    for (int i = 0; i < count; i++) {
      if (hashes[i] == hash) {
        String candidate = names[i];
        if (candidate == name || candidate.equals(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The attributes as a read-only map; lookups go to the arrays. */
  private final class View extends AbstractMap<String, AttributeValue> {
    @Override
    public AttributeValue get(Object key) {
      return key instanceof String name ? Item.this.get(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && has(name);
    }

    @Override
    public int size() {
      return names.length;
    }

    @Override
    public Set<Entry<String, AttributeValue>> entrySet() {
      return new ArrayEntries<>(names, values);
    }
  }

  /** Builds an {@link Item}. */
  public static final class Builder {
    private String[] names;
    private int[] hashes;
    private AttributeValue[] values;
    private int count;
    // Kept up to date on every change, so build() need not measure every attribute again.
    private int size;
    // The arrays may belong to an item (toBuilder, or after build()): copy them before a change.
    private boolean shared;

    private Builder(String[] names, int[] hashes, AttributeValue[] values, int count, int size) {
      this.names = names;
      this.hashes = hashes;
      this.values = values;
      this.count = count;
      this.size = size;
      this.shared = count > 0;
    }

    public Builder put(String name, AttributeValue value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      int i = indexOf(names, hashes, count, name);
      if (i >= 0) {
        writable(count);
        size += ItemSize.of(value) - ItemSize.of(values[i]);
        values[i] = value;
      } else {
        writable(count + 1);
        names[count] = name;
        hashes[count] = name.hashCode();
        values[count] = value;
        count++;
        size += ItemSize.utf8Length(name) + ItemSize.of(value);
      }
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, AttributeValue.s(value));
    }

    /** Removes attribute {@code name}, if present. */
    public Builder remove(String name) {
      int i = indexOf(names, hashes, count, name);
      if (i >= 0) {
        writable(count);
        size -= ItemSize.utf8Length(name) + ItemSize.of(values[i]);
        System.arraycopy(names, i + 1, names, i, count - i - 1);
        System.arraycopy(hashes, i + 1, hashes, i, count - i - 1);
        System.arraycopy(values, i + 1, values, i, count - i - 1);
        count--;
        names[count] = null;
        values[count] = null;
      }
      return this;
    }

    /** The value put under {@code name} so far, or null. */
    public AttributeValue get(String name) {
      int i = indexOf(names, hashes, count, name);
      return i < 0 ? null : values[i];
    }

    public Item build() {
      if (count == 0) {
        return EMPTY;
      }
      if (names.length != count) {
        names = Arrays.copyOf(names, count);
        hashes = Arrays.copyOf(hashes, count);
        values = Arrays.copyOf(values, count);
      }
      shared = true;
      return new Item(names, hashes, values, size);
    }

    /** Makes the arrays this builder's own, with room for {@code needed} attributes. */
    private void writable(int needed) {
      if (shared || needed > names.length) {
        int capacity = Math.max(needed, shared ? names.length : names.length * 2);
        names = Arrays.copyOf(names, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        values = Arrays.copyOf(values, capacity);
        shared = false;
      }
    }
  }
}
