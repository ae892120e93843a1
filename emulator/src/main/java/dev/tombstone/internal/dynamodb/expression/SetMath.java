package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
      Set<String> union = new LinkedHashSet<>(a.values());
      union.addAll(b.values());
      return new AttributeValue.SS(union);
    }
    if (current instanceof AttributeValue.NS a && operand instanceof AttributeValue.NS b) {
      Set<BigDecimal> union = new LinkedHashSet<>(a.values());
      union.addAll(b.values());
      return new AttributeValue.NS(union);
    }
    if (current instanceof AttributeValue.BS a && operand instanceof AttributeValue.BS b) {
      Set<Bytes> union = new LinkedHashSet<>(a.values());
      union.addAll(b.values());
      return new AttributeValue.BS(union);
    }
    return null;
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
