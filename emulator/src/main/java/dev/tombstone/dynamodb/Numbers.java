package dev.tombstone.dynamodb;

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

  static BigDecimal parse(String text) {
    if (text.isEmpty()) {
      throw new DynamoDbError.Validation("The parameter cannot be converted to a numeric value");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.length() > LONG_TEXT ? significantPart(text) : text);
    } catch (NumberFormatException e) {
      throw new DynamoDbError.Validation(
          "The parameter cannot be converted to a numeric value: " + text);
    }
    value = canonical(value);
    if (value.signum() == 0) {
      return value;
    }
    if (value.precision() > MAX_DIGITS) {
      throw DynamoDbError.Validation.tooManyDigits();
    }
    long exponent = (long) value.precision() - value.scale() - 1;
    if (exponent > MAX_EXPONENT) {
      throw new DynamoDbError.Validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (exponent < MIN_EXPONENT) {
      throw new DynamoDbError.Validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    return value;
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
        // Past the range of an int BigDecimal refuses the text; stop growing there.
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
