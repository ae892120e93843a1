package dev.tombstone.dynamodb;

import java.math.BigDecimal;

/** DynamoDB number rules: 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
final class Numbers {
  static final int MAX_DIGITS = 38;
  static final int MAX_EXPONENT = 125;
  static final int MIN_EXPONENT = -130;

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
      value = new BigDecimal(text);
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
