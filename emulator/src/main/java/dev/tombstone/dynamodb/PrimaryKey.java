package dev.tombstone.dynamodb;

import dev.tombstone.internal.Utf8Order;
import java.util.Objects;

/**
 * The value of an item's primary key. Equality is DynamoDB key equality (numbers compare
 * numerically); the order is the order Scan pages through a table.
 *
 * @param partition the partition key value (S, N or B)
 * @param sort the sort key value, or {@code null} for a hash-only table
 */
public record PrimaryKey(AttributeValue partition, AttributeValue sort)
    implements Comparable<PrimaryKey> {

  public PrimaryKey {
    Objects.requireNonNull(partition, "partition");
  }

  @Override
  public int compareTo(PrimaryKey other) {
    int byPartition = compareScalars(partition, other.partition);
    if (byPartition != 0 || sort == null || other.sort == null) {
      return byPartition;
    }
    return compareScalars(sort, other.sort);
  }

  static int compareScalars(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return Utf8Order.compare(x.value(), y.value());
    }
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return x.value().compareTo(y.value());
    }
    return a.type().compareTo(b.type());
  }
}
