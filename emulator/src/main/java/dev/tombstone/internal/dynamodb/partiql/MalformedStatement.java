package dev.tombstone.internal.dynamodb.partiql;

/**
 * Thrown inside the lexer and parser when a statement does not follow the grammar; the parser
 * turns it into DynamoDB's one message for all syntax errors, which names no position.
 */
final class MalformedStatement extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedStatement() {
    super(null, null, false, false);
  }
}
