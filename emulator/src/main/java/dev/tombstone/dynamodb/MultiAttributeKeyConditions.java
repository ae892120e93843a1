package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's rules for a key condition on a multi-attribute index key: every partition attribute
 * with {@code =}; the sort attributes left to right in key schema order, none skipped, each with
 * {@code =} but the last one named, which may use any key operator.
 *
 * <p>A sort attribute skipped or given a range operator too early is refused with DynamoDB's text,
 * which names it and the later attribute that needs it. With several partition attributes, one
 * missing or without {@code =} is refused with the start of DynamoDB's text as a user quoted it;
 * a single partition attribute keeps the table key's messages.
 */
final class MultiAttributeKeyConditions {
  private MultiAttributeKeyConditions() {}

  static KeyRange resolve(KeySchema schema, KeyCondition condition) {
    List<KeyAttribute> partitionKeys = schema.partitionKeys();
    List<KeyAttribute> sortKeys = schema.sortKeys();
    KeyCondition.Part[] partitionParts = new KeyCondition.Part[partitionKeys.size()];
    KeyCondition.Part[] sortParts = new KeyCondition.Part[sortKeys.size()];
    boolean other = false;
    for (KeyCondition.Part part : condition.parts()) {
      int p = indexOf(partitionKeys, part.attribute());
      int s = indexOf(sortKeys, part.attribute());
      if (p >= 0 && partitionParts[p] == null) {
        partitionParts[p] = part;
      } else if (s >= 0 && sortParts[s] == null) {
        sortParts[s] = part;
      } else {
        other = true;
      }
    }
    boolean severalPartitionKeys = partitionKeys.size() > 1;
    for (int i = 0; i < partitionParts.length; i++) {
      String name = partitionKeys.get(i).name();
      if (partitionParts[i] == null) {
        throw severalPartitionKeys ? hashNeedsEquality(name) : KeyRange.missed(name);
      }
      if (partitionParts[i].operator() != KeyCondition.Operator.EQ) {
        throw severalPartitionKeys ? hashNeedsEquality(name) : KeyRange.notSupported();
      }
    }
    int named = 0;
    while (named < sortParts.length && sortParts[named] != null) {
      named++;
    }
    for (int i = named + 1; i < sortParts.length; i++) {
      if (sortParts[i] != null) {
        throw rangeNeedsEquality(sortKeys.get(named), sortKeys.get(i));
      }
    }
    if (other) {
      throw named < sortKeys.size() ? KeyRange.missed(sortKeys.get(named).name())
          : KeyRange.notSupported();
    }
    for (int i = 0; i < named - 1; i++) {
      if (sortParts[i].operator() != KeyCondition.Operator.EQ) {
        throw rangeNeedsEquality(sortKeys.get(i), sortKeys.get(i + 1));
      }
    }
    for (int i = 0; i < partitionParts.length; i++) {
      KeyRange.checkType(partitionParts[i], partitionKeys.get(i));
    }
    for (int i = 0; i < named; i++) {
      KeyRange.checkType(sortParts[i], sortKeys.get(i));
    }
    List<AttributeValue> partition = new ArrayList<>();
    for (int i = 0; i < partitionParts.length; i++) {
      KeyRange.checkNotEmpty(partitionParts[i], partitionKeys.get(i));
      partition.add(partitionParts[i].values().get(0));
    }
    List<AttributeValue> prefix = new ArrayList<>();
    for (int i = 0; i < named; i++) {
      KeyRange.checkNotEmpty(sortParts[i], sortKeys.get(i));
      if (i < named - 1) {
        prefix.add(sortParts[i].values().get(0));
      }
    }
    Object partitionValue = partition.size() == 1 ? partition.get(0)
        : new CompositeValue(partition);
    return KeyRange.multiAttribute(schema, partitionValue, prefix,
        named == 0 ? null : sortParts[named - 1]);
  }

  /** A partition attribute of several missing or without {@code =}. */
  private static DynamoDbError.Validation hashNeedsEquality(String name) {
    return new DynamoDbError.Validation(
        "HASH key attributes " + name + " must have equality conditions");
  }

  /** {@code earlier} skipped or not {@code =} while {@code later} has a condition. */
  private static DynamoDbError.Validation rangeNeedsEquality(KeyAttribute earlier,
      KeyAttribute later) {
    return new DynamoDbError.Validation("RANGE key attributes " + earlier.name()
        + " must have equality conditions specified in the query because a condition is present"
        + " on key attribute " + later.name());
  }

  private static int indexOf(List<KeyAttribute> attributes, String name) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
