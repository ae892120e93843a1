package dev.tombstone.dynamodb;

import java.util.List;

/**
 * The value of one side of a multi-attribute index key: the item's values of the side's
 * attributes, in key schema order. Equality is the values' equality (an index partition is the
 * items whose partition attributes are all equal); the order compares the values in turn, each by
 * its type's order. A shorter value is a prefix: it compares equal to every value it begins, which
 * lets a {@link Position} bound of a prefix sit before or after all of them.
 *
 * @param values one value per attribute of the side (or of a prefix of it)
 */
record CompositeValue(List<AttributeValue> values) implements Comparable<CompositeValue> {
  CompositeValue {
    values = List.copyOf(values);
  }

  /** The values of {@code attributes} in {@code item}; null when one is missing. */
  static CompositeValue of(Item item, List<KeyAttribute> attributes) {
    AttributeValue[] values = new AttributeValue[attributes.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = item.get(attributes.get(i).name());
      if (values[i] == null) {
        return null;
      }
    }
    return new CompositeValue(List.of(values));
  }

  @Override
  public int compareTo(CompositeValue other) {
    int common = Math.min(values.size(), other.values.size());
    for (int i = 0; i < common; i++) {
      int byValue = PrimaryKey.compareScalars(values.get(i), other.values.get(i));
      if (byValue != 0) {
        return byValue;
      }
    }
    return 0;
  }

  /**
   * Orders two partition or sort values of one index: scalars by their type's order, composite
   * values by {@link #compareTo}.
   */
  static int compareKeyValues(Object a, Object b) {
    if (a instanceof CompositeValue x && b instanceof CompositeValue y) {
      return x.compareTo(y);
    }
    return PrimaryKey.compareScalars((AttributeValue) a, (AttributeValue) b);
  }
}
