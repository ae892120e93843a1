package dev.tombstone.dynamodb;

import dev.tombstone.internal.NumberMessages;
import java.math.BigDecimal;

/** DynamoDB number rules: 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
final class Numbers {
  static final int MAX_DIGITS = 38;
  static final int MAX_EXPONENT = 125;
  static final int MIN_EXPONENT = -130;
  // Longer text is measured in one pass before BigDecimal reads it: BigDecimal parses a long
  // run of digits in time that grows with the square of its length (18 s for 400,000 digits).
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
    BigDecimal value;
    try {
      value = canonical(new BigDecimal(text.length() > LONG_TEXT ? significantPart(text) : text));
    } catch (NumberFormatException | ArithmeticException e) {
      // BigDecimal holds an exponent or scale of 32 bits only; DynamoDB reads 64.
      throw beyondBigDecimal(text);
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
   * Why DynamoDB refuses {@code text}, which BigDecimal could not read: a number whose exponent
   * fits 64 bits is out of range (or has too many digits); anything else is not numeric.
   */
  private static DynamoDbError.Validation beyondBigDecimal(String text) {
    int length = text.length();
    int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    int digitsBeforePoint = -1;
    int first = -1;
    int last = -1;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          first = first < 0 ? digits : first;
          last = digits;
        }
        digits++;
      } else if (c == '.' && digitsBeforePoint < 0) {
        digitsBeforePoint = digits;
      } else {
        break;
      }
    }
    if (digits == 0 || i == length || text.charAt(i) != 'e' && text.charAt(i) != 'E') {
      return notNumeric(text);
    }
    long exponent;
    try {
      exponent = Long.parseLong(text, i + 1, length, 10);
    } catch (NumberFormatException e) {
      return notNumeric(text);
    }
    try {
      if (first < 0) {
        checkRange(exponent);
      } else if (last - first + 1 > MAX_DIGITS) {
        return DynamoDbError.Validation.tooManyDigits();
      } else {
        int pointAt = digitsBeforePoint < 0 ? digits : digitsBeforePoint;
        // Past 2^40 either way the number is far out of range; clamping keeps the sum in a long.
        long clamped = Math.max(-(1L << 40), Math.min(exponent, 1L << 40));
        checkRange(pointAt - 1L - first + clamped);
      }
    } catch (DynamoDbError.Validation e) {
      return e;
    }
    // In range, yet BigDecimal refused it: cannot happen for text of a possible length.
    return notNumeric(text);
  }

  /**
   * {@code text} with its leading and trailing zeros folded into the exponent
   * ({@code 000120.0e3} becomes {@code 12E4}), so that what BigDecimal reads is short; malformed
   * text as it is, for BigDecimal to refuse.
   *
   * @throws DynamoDbError.Validation when more than 38 significant digits remain
   */
  private static String significantPart(String text) {
    int length = text.length();
    int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    int signEnd = i;
    int digits = 0;
    int digitsBeforePoint = -1;
    int first = -1;
    int last = -1;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          if (first < 0) {
            first = i;
          }
          last = i;
        }
        digits++;
      } else if (c == '.' && digitsBeforePoint < 0) {
        digitsBeforePoint = digits;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return text;
    }
    long exponent = 0;
    if (i < length) {
      if (text.charAt(i) != 'e' && text.charAt(i) != 'E' || ++i == length) {
        return text;
      }
      boolean negative = text.charAt(i) == '-';
      if (text.charAt(i) == '-' || text.charAt(i) == '+') {
        i++;
      }
      if (i == length) {
        return text;
      }
      for (; i < length; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return text;
        }
        // Past the range of an int BigDecimal refuses the text (and beyondBigDecimal judges it).
        exponent = Math.min(exponent * 10 + (c - '0'), 1L << 40);
      }
      exponent = negative ? -exponent : exponent;
      if (exponent != (int) exponent) {
        // BigDecimal refuses such an exponent before it reads the digits.
        return text;
      }
    }
    String sign = text.substring(0, signEnd);
    if (first < 0) {
      return sign + "0E" + exponent;
    }
    StringBuilder significant = new StringBuilder(sign);
    int digitIndex = 0;
    int lastIndex = 0;
    for (int j = signEnd; j <= last; j++) {
      char c = text.charAt(j);
      if (c == '.') {
        continue;
      }
      if (j >= first) {
        significant.append(c);
        if (significant.length() - sign.length() > MAX_DIGITS) {
          throw DynamoDbError.Validation.tooManyDigits();
        }
      }
      lastIndex = digitIndex++;
    }
    int pointAt = digitsBeforePoint < 0 ? digits : digitsBeforePoint;
    // The last significant digit stands for 10^(pointAt - 1 - lastIndex) times the exponent.
    return significant.append('E').append(pointAt - 1 - lastIndex + exponent).toString();
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
