package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.NumberMessages;
import dev.tombstone.internal.NumberText;

/**
 * Which of DynamoDB's two value-checking layers an operation runs. AWS (four regions, 2026-10)
 * runs the current layer for PutItem, UpdateItem and DeleteItem (inside the request validation
 * envelope), GetItem, BatchGetItem and Query (bare), and the older one for BatchWriteItem, the
 * transactions, Scan and PartiQL parameters. The layers word a duplicate set member, an empty
 * number and a bad expression value differently, and read a number's exponent differently:
 * they agree on every number but those with an exponent near or past 32 bits.
 *
 * <p>Internal: the request decoders pick one per operation.
 */
public enum ValueLayer {
  /**
   * Quoted, partly sorted duplicates; {@code ": "} after an empty number; no value wrapper. The
   * exponent is read in full, so {@code 1e2147483648} overflows; only one past 64 bits cannot
   * be converted.
   */
  CURRENT {
    @Override
    public AttributeValue.N parse(String text) {
      return AttributeValue.N.parse(text);
    }
  },

  /**
   * Duplicates as sent; a bare empty-number text; expression values wrapped with their key. The
   * text is read as Java's BigDecimal reads it, so an exponent or scale past 32 bits cannot be
   * converted, and the range is checked on precision minus scale in 32-bit arithmetic, which
   * wraps ({@code 1e2147483647} underflows).
   */
  OLDER {
    @Override
    public AttributeValue.N parse(String text) {
      try {
        return AttributeValue.N.parse(text);
      } catch (DynamoDbError.Validation e) {
        throw bigDecimalProblem(text, e);
      }
    }
  };

  /**
   * Below this the two layers read a number alike: no text is long enough to move a scale to 32
   * bits.
   */
  private static final long AGREED_EXPONENTS = 1L << 30;
  private static final int MAX_EXPONENT = 125;
  private static final int MIN_EXPONENT = -130;

  /**
   * The number {@code text} stands for.
   *
   * @throws DynamoDbError.Validation with this reading's message for an invalid number
   */
  public abstract AttributeValue.N parse(String text);

  /**
   * The older layer's problem with text that the current reading refused as
   * {@code current}.
   */
  private static DynamoDbError.Validation bigDecimalProblem(String text,
      DynamoDbError.Validation current) {
    NumberText number = NumberText.of(text);
    if (number.tail() != NumberText.Tail.EXPONENT) {
      // Malformed text, or an exponent past 64 bits: both layers read it alike.
      return current;
    }
    long exponent = number.exponent();
    if (exponent > -AGREED_EXPONENTS && exponent < AGREED_EXPONENTS) {
      return current;
    }
    if (exponent != (int) exponent) {
      return notNumeric(text);
    }
    if (number.digits() == 0) {
      return current;
    }
    long scale = (number.digits() - number.pointAt()) - exponent;
    if (scale != (int) scale) {
      return notNumeric(text);
    }
    if (number.isZero() || current.isTooManyDigits()) {
      // Zero is judged by its written exponent, and digits before range, in both layers.
      return current;
    }
    // In int arithmetic, as that layer computes it: 1 - (-2147483647) wraps to a large negative.
    int precisionMinusScale = (number.digits() - number.first()) - (int) scale;
    if (precisionMinusScale > MAX_EXPONENT + 1) {
      return new DynamoDbError.Validation(NumberMessages.OVERFLOW);
    }
    return precisionMinusScale < MIN_EXPONENT + 1
        ? new DynamoDbError.Validation(NumberMessages.UNDERFLOW) : current;
  }

  private static DynamoDbError.Validation notNumeric(String text) {
    return new DynamoDbError.Validation(NumberMessages.NOT_NUMERIC + ": " + text);
  }
}
