package dev.tombstone.internal.dynamodb.partiql;

/**
 * Thrown inside the lexer and parser when a statement does not follow the grammar; the parser
 * turns it into DynamoDB's message for syntax errors, {@code Statement wasn't well formed, can't
 * be processed: } followed by {@link #detail}, or by the statement itself when that is null.
 */
final class MalformedStatement extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What DynamoDB says after the colon; null to repeat the statement. */
  final String detail;

  MalformedStatement() {
    this(null);
  }

  MalformedStatement(String detail) {
    super(detail, null, false, false);
    this.detail = detail;
  }

  /** The whole message for {@code statement}. */
  String message(String statement) {
    return StatementParser.MALFORMED + (detail == null ? statement : detail);
  }
}
