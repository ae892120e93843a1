package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;
import java.math.BigInteger;

/**
 * The index of a {@code [n]} path step. DynamoDB reads a sign before the digits, so {@code [-0]}
 * is {@code [0]}, and refuses an index below 0 or above 2^31 - 1 with its own text, naming the
 * index as written and where its digits stand (floci's DynamoDbPartiQLEdgeCaseIntegrationTest,
 * captured from DynamoDB 2026-09-17).
 */
final class ListIndex {
  static final String OUT_OF_RANGE = "List index is not within the allowable range; index: [";

  private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private ListIndex() {}

  /** Reads {@code [-]digits} at the cursor; anything else is a syntax error. */
  static Expr.Index read(TokenCursor in) {
    boolean negative = in.acceptSymbol("-");
    Token digits = in.expect(Token.Kind.NUMBER);
    String text = digits.text();
    if (!text.chars().allMatch(Character::isDigit)) {
      throw new MalformedStatement();
    }
    BigInteger value = new BigInteger(text);
    if (negative) {
      value = value.negate();
    }
    if (value.signum() < 0 || value.compareTo(MAX) > 0) {
      throw new DynamoDbError.Validation(OUT_OF_RANGE + (negative ? "-" : "") + text + "] at "
          + in.where(digits));
    }
    return new Expr.Index(value.intValueExact());
  }
}
