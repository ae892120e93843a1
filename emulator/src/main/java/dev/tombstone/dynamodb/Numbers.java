package dev.tombstone.dynamodb;

import dev.tombstone.internal.NumberMessages;
import dev.tombstone.internal.NumberText;
import java.math.BigDecimal;

/** DynamoDB number rules: 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
final class Numbers {
  static final int MAX_DIGITS = 38;
  static final int MAX_EXPONENT = 125;
  static final int MIN_EXPONENT = -130;
  // Longer text is measured in one pass (NumberText) before BigDecimal reads it: BigDecimal parses
  // a long run of digits in time that grows with the square of its length (18 s for 400,000
  // digits). Shorter text goes straight to BigDecimal, and is scanned only when it refuses it.
  private static final int LONG_TEXT = 100;

  private Numbers() {}

  static BigDecimal canonical(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /**
   * {@code text} read as PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem and Query read
   * a number: the exponent in full (64 bits), and zero range-checked by the exponent it is
   * written with ({@code 0e126} overflows, {@code 0e125} is 0).
   */
  static BigDecimal parse(String text) {
    if (text.isEmpty()) {
      throw new DynamoDbError.Validation(NumberMessages.NOT_NUMERIC);
    }
    NumberText scanned = text.length() > LONG_TEXT ? NumberText.of(text) : null;
    BigDecimal value;
    try {
      value = canonical(new BigDecimal(scanned == null ? text : shortForm(scanned)));
    } catch (NumberFormatException | ArithmeticException e) {
      // BigDecimal holds an exponent or scale of 32 bits only; DynamoDB reads 64.
      throw beyondBigDecimal(scanned == null ? NumberText.of(text) : scanned);
    }
    if (value.signum() == 0) {
      checkRange(writtenExponent(text));
      return value;
    }
    if (value.precision() > MAX_DIGITS) {
      throw DynamoDbError.Validation.tooManyDigits();
    }
    checkRange((long) value.precision() - value.scale() - 1);
    return value;
  }

  private static DynamoDbError.Validation notNumeric(String text) {
    return new DynamoDbError.Validation(NumberMessages.NOT_NUMERIC + ": " + text);
  }

  /** Refuses a number whose exponent, once normalised, is outside DynamoDB's range. */
  private static void checkRange(long exponent) {
    if (exponent > MAX_EXPONENT) {
      throw new DynamoDbError.Validation(NumberMessages.OVERFLOW);
    }
    if (exponent < MIN_EXPONENT) {
      throw new DynamoDbError.Validation(NumberMessages.UNDERFLOW);
    }
  }

  /** The exponent after the {@code e} of text BigDecimal has read; 0 without one. */
  private static long writtenExponent(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        return Long.parseLong(text, i + 1, text.length(), 10);
      }
    }
    return 0;
  }

  /**
   * Why DynamoDB refuses the text, which BigDecimal could not read: a number whose exponent
   * fits 64 bits is out of range (or has too many digits); anything else is not numeric.
   */
  private static DynamoDbError.Validation beyondBigDecimal(NumberText number) {
    if (number.digits() == 0 || number.tail() != NumberText.Tail.EXPONENT) {
      return notNumeric(number.text());
    }
    try {
      if (number.isZero()) {
        checkRange(number.exponent());
      } else if (number.significantDigits() > MAX_DIGITS) {
        return DynamoDbError.Validation.tooManyDigits();
      } else {
        // Past 2^40 either way the number is far out of range; clamping keeps the sum in a long.
        long clamped = Math.max(-(1L << 40), Math.min(number.exponent(), 1L << 40));
        checkRange(number.pointAt() - 1L - number.first() + clamped);
      }
    } catch (DynamoDbError.Validation e) {
      return e;
    }
    // In range, yet BigDecimal refused it: cannot happen for text of a possible length.
    return notNumeric(number.text());
  }

  /**
   * The text with its leading and trailing zeros folded into the exponent ({@code 000120.0e3}
   * becomes {@code 12E4}), so that what BigDecimal reads is short; malformed text, or text with
   * an exponent past 32 bits, as it is, for BigDecimal to refuse.
   *
   * @throws DynamoDbError.Validation when more than 38 significant digits remain
   */
  private static String shortForm(NumberText number) {
    long exponent = number.exponent();
    if (number.digits() == 0 || number.tail() == NumberText.Tail.OTHER
        || exponent != (int) exponent) {
      return number.text();
    }
    String sign = number.text().substring(0, number.signLength());
    if (number.isZero()) {
      return sign + "0E" + exponent;
    }
    if (number.significantDigits() > MAX_DIGITS) {
      throw DynamoDbError.Validation.tooManyDigits();
    }
    // The last significant digit stands for 10^(pointAt - 1 - last) times the exponent.
    return sign + number.significand() + 'E' + (number.pointAt() - 1L - number.last() + exponent);
  }

  /** Storage size per DynamoDB's item-size rules. */
  static int size(BigDecimal value) {
    if (value.signum() == 0) {
      return 1;
    }
    int digits = value.precision();
    long exponent = (long) value.precision() - value.scale() - 1;
    int size = 1 + (digits + 1) / 2;
    if (digits % 2 == 0 && exponent % 2 == 0) {
      size++;
    }
    return value.signum() < 0 ? size + 1 : size;
  }
}
