package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Query's key condition: the partition key equal to a value, and at most one condition on
 * the sort key; on a multi-attribute index key, every partition attribute equal to a value and
 * conditions on leading sort attributes. The parts name attributes; which of them are the key is
 * checked against the table or index when the query runs, as DynamoDB does.
 *
 * <pre>{@code
 * KeyCondition.partitionKey("UserId", AttributeValue.s("u1"))
 *     .and("OrderDate", KeyCondition.Operator.BEGINS_WITH, AttributeValue.s("2024-"));
 * }</pre>
 *
 * @param parts one to eight conditions (two but on a multi-attribute index key), in request
 *     order
 */
public record KeyCondition(List<Part> parts) {
  /** The most parts a condition may have: four partition and four sort attributes. */
  static final int MAX_PARTS = 2 * KeySchema.MAX_ATTRIBUTES_PER_SIDE;

  public KeyCondition {
    parts = List.copyOf(parts);
    if (parts.isEmpty() || parts.size() > MAX_PARTS) {
      throw new IllegalArgumentException("a key condition has 1 to 8 parts, not " + parts.size());
    }
  }

  /** The operators a key condition may use. */
  public enum Operator {
    EQ(1), LT(1), LE(1), GT(1), GE(1), BETWEEN(2), BEGINS_WITH(1);

    private final int operands;

    Operator(int operands) {
      this.operands = operands;
    }

    /** How many values the operator takes. */
    public int operands() {
      return operands;
    }
  }

  /**
   * One condition on one attribute.
   *
   * @param values one value, or two for BETWEEN (lower, upper)
   */
  public record Part(String attribute, Operator operator, List<AttributeValue> values) {
    public Part {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
      if (values.size() != operator.operands()) {
        throw new IllegalArgumentException(operator + " takes " + operator.operands()
            + " value(s), got " + values.size());
      }
    }
  }

  /** {@code name = value}: the partition key condition every Query needs. */
  public static KeyCondition partitionKey(String name, AttributeValue value) {
    return new KeyCondition(List.of(new Part(name, Operator.EQ, List.of(value))));
  }

  /** This condition and one on the sort key (or another key attribute) {@code name}. */
  public KeyCondition and(String name, Operator operator, AttributeValue... values) {
    List<Part> more = new ArrayList<>(parts);
    more.add(new Part(name, operator, List.of(values)));
    return new KeyCondition(more);
  }
}
