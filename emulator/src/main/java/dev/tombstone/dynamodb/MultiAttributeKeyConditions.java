package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's rules for a key condition on a multi-attribute index key: every partition attribute
 * with {@code =}; the sort attributes left to right in key schema order, none skipped, each with
 * {@code =} but the last one named, which may use any key operator.
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
    for (int i = 0; i < partitionParts.length; i++) {
      if (partitionParts[i] == null) {
        throw KeyRange.missed(partitionKeys.get(i).name());
      }
      if (partitionParts[i].operator() != KeyCondition.Operator.EQ) {
        throw KeyRange.notSupported();
      }
    }
    int named = 0;
    while (named < sortParts.length && sortParts[named] != null) {
      named++;
    }
    for (int i = named + 1; i < sortParts.length; i++) {
      if (sortParts[i] != null) {
        throw KeyRange.missed(sortKeys.get(named).name());
      }
    }
    if (other) {
      throw named < sortKeys.size() ? KeyRange.missed(sortKeys.get(named).name())
          : KeyRange.notSupported();
    }
    for (int i = 0; i < named - 1; i++) {
      if (sortParts[i].operator() != KeyCondition.Operator.EQ) {
        throw KeyRange.notSupported();
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

  private static int indexOf(List<KeyAttribute> attributes, String name) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
