package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A SET value ready for evaluation against the item as it was before the update. {@link #eval}
 * never returns null: a missing operand or one of the wrong type fails with DynamoDB's message.
 */
sealed interface UpdateValue {
  String MISSING = "The provided expression refers to an attribute that does not exist in the item";
  String BAD_TYPE = "An operand in the update expression has an incorrect data type";
  String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";

  /**
   * AWS's answer to a SET {@code +} or {@code -} whose result needs more than 38 digits: the
   * overflow text, though the magnitude is in range (ScyllaDB's
   * test_update_expression_plus_imprecise, run against AWS, quotes it).
   */
  String IMPRECISE_RESULT = OVERFLOW;

  /** DynamoDB Local's answer to an ADD whose sum needs more than 38 digits; AWS's is not known. */
  String IMPRECISE_SUM = "DynamoDB only supports precision up to 38 digits";

  AttributeValue eval(Item item);

  /** The type every evaluation yields, or null when it depends on the item. */
  AttributeType staticType();

  record Literal(AttributeValue value) implements UpdateValue {
    @Override
    public AttributeValue eval(Item item) {
      return value;
    }

    @Override
    public AttributeType staticType() {
      return value.type();
    }
  }

  record Read(Source path) implements UpdateValue {
    @Override
    public AttributeValue eval(Item item) {
      AttributeValue value = path.get(item);
      if (value == null) {
        throw new DynamoDbError.Validation(MISSING);
      }
      return value;
    }

    @Override
    public AttributeType staticType() {
      return null;
    }
  }

  record IfNotExists(Source path, UpdateValue fallback) implements UpdateValue {
    @Override
    public AttributeValue eval(Item item) {
      AttributeValue value = path.get(item);
      return value != null ? value : fallback.eval(item);
    }

    @Override
    public AttributeType staticType() {
      return null;
    }
  }

  record ListAppend(UpdateValue first, UpdateValue second) implements UpdateValue {
    @Override
    public AttributeValue eval(Item item) {
      AttributeValue a = first.eval(item);
      AttributeValue b = second.eval(item);
      if (!(a instanceof AttributeValue.L x) || !(b instanceof AttributeValue.L y)) {
        throw new DynamoDbError.Validation(BAD_TYPE);
      }
      List<AttributeValue> joined = new ArrayList<>(x.values().size() + y.values().size());
      joined.addAll(x.values());
      joined.addAll(y.values());
      return new AttributeValue.L(joined);
    }

    @Override
    public AttributeType staticType() {
      return AttributeType.L;
    }
  }

  record Arithmetic(UpdateValue left, boolean plus, UpdateValue right) implements UpdateValue {
    @Override
    public AttributeValue eval(Item item) {
      AttributeValue a = left.eval(item);
      AttributeValue b = right.eval(item);
      if (!(a instanceof AttributeValue.N x) || !(b instanceof AttributeValue.N y)) {
        throw new DynamoDbError.Validation(BAD_TYPE);
      }
      return number(plus ? x.value().add(y.value()) : x.value().subtract(y.value()),
          IMPRECISE_RESULT);
    }

    @Override
    public AttributeType staticType() {
      return AttributeType.N;
    }
  }

  /**
   * The result of arithmetic, checked against DynamoDB's range and precision; {@code imprecise}
   * is the message for a result of more than 38 significant digits.
   */
  static AttributeValue.N number(BigDecimal value, String imprecise) {
    AttributeValue.N n = new AttributeValue.N(value);
    BigDecimal canonical = n.value();
    if (canonical.signum() == 0) {
      return n;
    }
    long exponent = (long) canonical.precision() - canonical.scale() - 1;
    if (exponent > 125) {
      throw new DynamoDbError.Validation(OVERFLOW);
    }
    if (exponent < -130) {
      throw new DynamoDbError.Validation("Number underflow. Attempting to store a number with"
          + " magnitude smaller than supported range");
    }
    if (canonical.precision() > 38) {
      throw new DynamoDbError.Validation(imprecise);
    }
    return n;
  }
}
