package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;

/**
 * The number a numeric literal of a statement denotes, refused as DynamoDB refuses it: by its
 * exponent as a syntax error, or as a number it cannot store, with the key it stands under.
 */
final class NumberLiteral {
  private NumberLiteral() {}

  /**
   * The number {@code text} denotes. An exponent, or the scale it leaves, that does not fit 32
   * bits is a syntax error with no detail; a number DynamoDB cannot store gets the ordinary
   * number message with the key it stands under ({@code root}, {@code root.m[1]}).
   */
  static AttributeValue value(String text, String key) {
    checkScale(text);
    try {
      return AttributeValue.N.parse(text);
    } catch (DynamoDbError.Validation e) {
      throw new DynamoDbError.Validation(e.getMessage() + " under " + key);
    }
  }

  private static void checkScale(String text) {
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (e < 0) {
      return;
    }
    String written = text.substring(e + 1);
    // Past 18 digits the exponent is far outside 32 bits, and Long.parseLong would fail.
    if (written.replaceFirst("^[+-]?0*", "").length() > 18) {
      throw new MalformedStatement("");
    }
    long exponent = Long.parseLong(written.startsWith("+") ? written.substring(1) : written);
    int point = text.indexOf('.');
    long fractionDigits = point < 0 ? 0 : e - point - 1;
    long scale = fractionDigits - exponent;
    if (exponent != (int) exponent || scale != (int) scale) {
      throw new MalformedStatement("");
    }
  }
}
