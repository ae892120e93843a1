package dev.tombstone.internal.dynamodb.expression;

/**
 * Which request member an expression came from; decides the prefix of its error messages, e.g.
 * {@code Invalid ConditionExpression: The expression can not be empty;}.
 */
public enum ExpressionKind {
  CONDITION("ConditionExpression"),
  FILTER("FilterExpression"),
  KEY_CONDITION("KeyConditionExpression"),
  PROJECTION("ProjectionExpression"),
  UPDATE("UpdateExpression");

  private final String member;
  private final String prefix;

  ExpressionKind(String member) {
    this.member = member;
    this.prefix = "Invalid " + member + ": ";
  }

  /** The request member's name, e.g. {@code ConditionExpression}. */
  public String member() {
    return member;
  }

  /** What DynamoDB puts before every message about this expression. */
  public String prefix() {
    return prefix;
  }
}
