package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;

/**
 * A key condition resolved against the key schema it queries: the partition to read and the
 * range of sort key values to keep, refused with DynamoDB's messages when it does not fit.
 *
 * <p>With a multi-attribute index key the partition is a {@link CompositeValue} of every partition
 * attribute's value, and the sort condition is a prefix of the sort attributes: equalities on the
 * leading ones ({@link #prefix}), then one condition of any operator on the last one named.
 */
final class KeyRange {
  private final Object partition;
  private final List<AttributeValue> prefix;
  private final KeyCondition.Part sort;
  private final boolean compositeSort;
  private final Comparator<Position> order;

  private KeyRange(Object partition, List<AttributeValue> prefix, KeyCondition.Part sort,
      boolean compositeSort) {
    this.partition = partition;
    this.prefix = prefix;
    this.sort = sort;
    this.compositeSort = compositeSort;
    this.order = compositeSort ? Position.COMPOSITE_ORDER : Position.ORDER;
  }

  static KeyRange of(KeySchema schema, KeyCondition condition) {
    if (schema.multiAttribute()) {
      return MultiAttributeKeyConditions.resolve(schema, condition);
    }
    // The partition attribute fully, then the sort attribute, as AWS orders them (dynalite
    // test/query.js, AWS-validated: 'should return ValidationException if querying with
    // unsupported conditions', '... for mismatching param type').
    String partitionName = schema.partitionKey().name();
    if (schema.sortKey() == null && condition.parts().size() > 1) {
      throw notSupported();
    }
    KeyCondition.Part partitionPart = null;
    KeyCondition.Part other = null;
    for (KeyCondition.Part part : condition.parts()) {
      if (part.attribute().equals(partitionName) && partitionPart == null) {
        partitionPart = part;
      } else {
        other = part;
      }
    }
    if (partitionPart == null) {
      throw missed(partitionName);
    }
    checkValueTypes(partitionPart, schema.partitionKey());
    if (partitionPart.operator() != KeyCondition.Operator.EQ) {
      throw notSupported();
    }
    if (other != null) {
      if (other.attribute().equals(partitionName)) {
        throw notSupported();
      }
      if (!other.attribute().equals(schema.sortKey().name())) {
        throw missed(schema.sortKey().name());
      }
      checkType(other, schema.sortKey());
    }
    checkNotEmpty(partitionPart, schema.partitionKey());
    if (other != null) {
      checkNotEmpty(other, schema.sortKey());
    }
    return new KeyRange(partitionPart.values().get(0), List.of(), other, false);
  }

  /**
   * A range over a multi-attribute key: {@code partition} is a {@link CompositeValue} when the key
   * has several partition attributes, {@code prefix} the values of the leading sort attributes
   * set equal, {@code last} the condition on the next sort attribute or null.
   */
  static KeyRange multiAttribute(KeySchema schema, Object partition,
      List<AttributeValue> prefix, KeyCondition.Part last) {
    return new KeyRange(partition, List.copyOf(prefix), last, schema.sortKeys().size() > 1);
  }

  static void checkType(KeyCondition.Part part, KeyAttribute key) {
    checkValueTypes(part, key);
    if (part.operator() == KeyCondition.Operator.BEGINS_WITH && key.type() == AttributeType.N) {
      throw DynamoDbError.Validation.invalidParameters(
          "Condition parameter type does not match schema type");
    }
  }

  private static void checkValueTypes(KeyCondition.Part part, KeyAttribute key) {
    for (AttributeValue value : part.values()) {
      if (value.type() != key.type()) {
        throw DynamoDbError.Validation.invalidParameters(
            "Condition parameter type does not match schema type");
      }
    }
  }

  /**
   * An equality names a key value, which cannot be empty. Other operators are left alone: no
   * AWS answer for them with an empty operand was found.
   */
  static void checkNotEmpty(KeyCondition.Part part, KeyAttribute key) {
    if (part.operator() == KeyCondition.Operator.EQ) {
      KeySchema.checkNotEmpty(part.values().get(0), key,
          "One or more parameter values are not valid. ");
    }
  }

  static DynamoDbError.Validation missed(String name) {
    return new DynamoDbError.Validation("Query condition missed key schema element: " + name);
  }

  static DynamoDbError.Validation notSupported() {
    return new DynamoDbError.Validation("Query key condition not supported");
  }

  /** The partition to read: an AttributeValue, or a CompositeValue for several attributes. */
  Object partition() {
    return partition;
  }

  /** A sort value of this range's positions: the value itself, or it after the prefix. */
  private Object sortValue(AttributeValue value) {
    if (!compositeSort) {
      return value;
    }
    List<AttributeValue> values = new ArrayList<>(prefix);
    values.add(value);
    return new CompositeValue(values);
  }

  /** The part of a partition whose sort key values the condition's range can hold. */
  NavigableMap<Position, Item> view(NavigableMap<Position, Item> items) {
    // With a prefix only the positions that begin with it qualify; without one, all do.
    Position lower = prefix.isEmpty() ? null : Position.before(new CompositeValue(prefix));
    Position upper = prefix.isEmpty() ? null : Position.after(new CompositeValue(prefix));
    if (sort != null) {
      Object first = sortValue(sort.values().get(0));
      switch (sort.operator()) {
        case EQ:
          lower = Position.before(first);
          upper = Position.after(first);
          break;
        case LT:
          upper = Position.before(first);
          break;
        case LE:
          upper = Position.after(first);
          break;
        case GT:
          lower = Position.after(first);
          break;
        case GE:
        case BEGINS_WITH:
          lower = Position.before(first);
          break;
        default:
          lower = Position.before(first);
          upper = Position.after(sortValue(sort.values().get(1)));
      }
    }
    // Bounds never equal a stored position (they have no table key), so inclusiveness is moot.
    if (lower != null && upper != null) {
      return order.compare(lower, upper) > 0 ? items.subMap(lower, true, lower, true)
          : items.subMap(lower, true, upper, true);
    }
    if (lower != null) {
      return items.tailMap(lower, true);
    }
    return upper == null ? items : items.headMap(upper, true);
  }

  /** Whether a sort key value in {@link #view} meets the condition (begins_with needs this). */
  boolean accepts(Object sortValue) {
    if (sort == null || sort.operator() != KeyCondition.Operator.BEGINS_WITH) {
      return true;
    }
    Object value = compositeSort
        ? ((CompositeValue) sortValue).values().get(prefix.size()) : sortValue;
    AttributeValue prefixValue = sort.values().get(0);
    if (value instanceof AttributeValue.S s && prefixValue instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (value instanceof AttributeValue.B b && prefixValue instanceof AttributeValue.B p) {
      return b.value().startsWith(p.value());
    }
    return false;
  }

  /** Whether the condition names a sort key attribute as well as the partition. */
  boolean hasSortCondition() {
    return sort != null || !prefix.isEmpty();
  }

  boolean holds(Object partitionValue, Object sortValue) {
    if (!partition.equals(partitionValue)) {
      return false;
    }
    if (sort == null && prefix.isEmpty()) {
      return true;
    }
    NavigableMap<Position, Item> probe = new java.util.concurrent.ConcurrentSkipListMap<>(order);
    probe.put(new Position(sortValue, null, 0), Item.EMPTY);
    return !view(probe).isEmpty() && accepts(sortValue);
  }
}
