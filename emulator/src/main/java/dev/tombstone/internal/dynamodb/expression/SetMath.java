package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.internal.Utf8Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** ADD and DELETE on stored values: number sums, set unions and differences, list appends. */
final class SetMath {
  /** What {@link #subtract} returns for operands of different types. */
  static final AttributeValue MISMATCH = AttributeValue.Null.INSTANCE;

  private SetMath() {}

  /** {@code current + operand} for numbers and sets of one type; null when the types differ. */
  static AttributeValue add(AttributeValue current, AttributeValue operand) {
    if (current instanceof AttributeValue.N a && operand instanceof AttributeValue.N b) {
      return UpdateValue.number(a.value().add(b.value()), UpdateValue.IMPRECISE_SUM);
    }
    if (current instanceof AttributeValue.SS a && operand instanceof AttributeValue.SS b) {
      return new AttributeValue.SS(sortedUnion(a.values(), b.values(), Utf8Order.COMPARATOR));
    }
    if (current instanceof AttributeValue.NS a && operand instanceof AttributeValue.NS b) {
      Set<BigDecimal> union = new LinkedHashSet<>(a.values());
      union.addAll(b.values());
      return new AttributeValue.NS(union);
    }
    if (current instanceof AttributeValue.BS a && operand instanceof AttributeValue.BS b) {
      return new AttributeValue.BS(sortedUnion(a.values(), b.values(), Comparator.naturalOrder()));
    }
    return null;
  }

  /**
   * AWS returns the string or binary set an ADD made in bytewise order ({@code ADD tags :v} of
   * {@code ['']} onto {@code ['a']} reads back {@code ['', 'a']}), not current-then-added order.
   */
  private static <T> Set<T> sortedUnion(Set<T> current, Set<T> added, Comparator<T> order) {
    TreeSet<T> union = new TreeSet<>(order);
    union.addAll(current);
    union.addAll(added);
    return union;
  }

  /** Legacy {@code ADD} of a list to a list: the elements appended. */
  static AttributeValue append(AttributeValue.L current, AttributeValue.L more) {
    List<AttributeValue> joined = new ArrayList<>(current.values());
    joined.addAll(more.values());
    return new AttributeValue.L(joined);
  }

  /**
   * {@code current} without the elements of {@code operand}; null when nothing is left (the
   * attribute disappears), {@link #MISMATCH} when the types differ.
   */
  static AttributeValue subtract(AttributeValue current, AttributeValue operand) {
    if (current instanceof AttributeValue.SS a && operand instanceof AttributeValue.SS b) {
      Set<String> rest = new LinkedHashSet<>(a.values());
      rest.removeAll(b.values());
      return rest.isEmpty() ? null : new AttributeValue.SS(rest);
    }
    if (current instanceof AttributeValue.NS a && operand instanceof AttributeValue.NS b) {
      Set<BigDecimal> rest = new LinkedHashSet<>(a.values());
      rest.removeAll(b.values());
      return rest.isEmpty() ? null : new AttributeValue.NS(rest);
    }
    if (current instanceof AttributeValue.BS a && operand instanceof AttributeValue.BS b) {
      Set<Bytes> rest = new LinkedHashSet<>(a.values());
      rest.removeAll(b.values());
      return rest.isEmpty() ? null : new AttributeValue.BS(rest);
    }
    return MISMATCH;
  }
}
