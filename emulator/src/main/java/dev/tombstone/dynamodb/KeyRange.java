package dev.tombstone.dynamodb;

import java.util.NavigableMap;

/**
 * A key condition resolved against the key schema it queries: the partition to read and the
 * range of sort key values to keep, refused with DynamoDB's messages when it does not fit.
 */
final class KeyRange {
  private final AttributeValue partition;
  private final KeyCondition.Part sort;

  private KeyRange(AttributeValue partition, KeyCondition.Part sort) {
    this.partition = partition;
    this.sort = sort;
  }

  static KeyRange of(KeySchema schema, KeyCondition condition) {
    String partitionName = schema.partitionKey().name();
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
    if (partitionPart.operator() != KeyCondition.Operator.EQ) {
      throw notSupported();
    }
    if (other != null) {
      if (schema.sortKey() == null || other.attribute().equals(partitionName)) {
        throw notSupported();
      }
      if (!other.attribute().equals(schema.sortKey().name())) {
        throw missed(schema.sortKey().name());
      }
    }
    checkType(partitionPart, schema.partitionKey());
    if (other != null) {
      checkType(other, schema.sortKey());
    }
    checkNotEmpty(partitionPart, schema.partitionKey());
    if (other != null) {
      checkNotEmpty(other, schema.sortKey());
    }
    return new KeyRange(partitionPart.values().get(0), other);
  }

  private static void checkType(KeyCondition.Part part, KeyAttribute key) {
    for (AttributeValue value : part.values()) {
      if (value.type() != key.type()) {
        throw DynamoDbError.Validation.invalidParameters(
            "Condition parameter type does not match schema type");
      }
    }
    if (part.operator() == KeyCondition.Operator.BEGINS_WITH && key.type() == AttributeType.N) {
      throw DynamoDbError.Validation.invalidParameters(
          "Condition parameter type does not match schema type");
    }
  }

  /**
   * An equality names a key value, which cannot be empty. Other operators are left alone: no
   * AWS answer for them with an empty operand was found.
   */
  private static void checkNotEmpty(KeyCondition.Part part, KeyAttribute key) {
    if (part.operator() == KeyCondition.Operator.EQ) {
      KeySchema.checkNotEmpty(part.values().get(0), key,
          "One or more parameter values are not valid. ");
    }
  }

  private static DynamoDbError.Validation missed(String name) {
    return new DynamoDbError.Validation("Query condition missed key schema element: " + name);
  }

  private static DynamoDbError.Validation notSupported() {
    return new DynamoDbError.Validation("Query key condition not supported");
  }

  AttributeValue partition() {
    return partition;
  }

  /** The part of a partition whose sort key values the condition's range can hold. */
  NavigableMap<Position, Item> view(NavigableMap<Position, Item> items) {
    if (sort == null) {
      return items;
    }
    AttributeValue first = sort.values().get(0);
    switch (sort.operator()) {
      case EQ:
        return items.subMap(Position.before(first), true, Position.after(first), true);
      case LT:
        return items.headMap(Position.before(first), false);
      case LE:
        return items.headMap(Position.after(first), false);
      case GT:
        return items.tailMap(Position.after(first), false);
      case GE:
      case BEGINS_WITH:
        return items.tailMap(Position.before(first), false);
      default:
        AttributeValue upper = sort.values().get(1);
        return items.subMap(Position.before(first), true, Position.after(upper), true);
    }
  }

  /** Whether a sort key value in {@link #view} meets the condition (begins_with needs this). */
  boolean accepts(AttributeValue sortValue) {
    if (sort == null || sort.operator() != KeyCondition.Operator.BEGINS_WITH) {
      return true;
    }
    AttributeValue prefix = sort.values().get(0);
    if (sortValue instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (sortValue instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
      return b.value().startsWith(p.value());
    }
    return false;
  }

  /** Whether a start key lies in the condition's range. */
  boolean holds(AttributeValue partitionValue, AttributeValue sortValue) {
    if (!partition.equals(partitionValue)) {
      return false;
    }
    if (sort == null) {
      return true;
    }
    NavigableMap<Position, Item> probe =
        new java.util.concurrent.ConcurrentSkipListMap<>(Position.ORDER);
    probe.put(new Position(sortValue, null, 0), Item.EMPTY);
    return !view(probe).isEmpty() && accepts(sortValue);
  }
}
