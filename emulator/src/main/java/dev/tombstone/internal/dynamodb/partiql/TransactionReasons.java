package dev.tombstone.internal.dynamodb.partiql;

import java.util.Optional;

/**
 * Which refusals of a statement ExecuteTransaction reports as that statement's
 * {@code ValidationError} cancellation reason rather than as the request's error: those that say
 * the statement does not name one item of its table by the key (floci's
 * DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB 2026-09-17).
 */
public final class TransactionReasons {
  /** The reason for a key that is incomplete, of the wrong type, or given two values. */
  public static final String KEY_MISMATCH = "The provided key element does not match the schema";
  static final String MISSING_KEY = "One or more parameter values were invalid: Missing the key %s"
      + " in the item";

  private static final String KEY_PRESENT_START =
      WritePlanner.KEY_PRESENT.substring(0, WritePlanner.KEY_PRESENT.indexOf("%s"));
  private static final String MULTIPLE_START =
      WhereClause.MULTIPLE.substring(0, WhereClause.MULTIPLE.indexOf("%s"));

  private TransactionReasons() {}

  /**
   * The reason's text when {@code message}, the refusal of {@code statement}, is reported as a
   * cancellation reason; empty when it stays the request's error.
   */
  public static Optional<String> of(Statement statement, String message) {
    if (statement instanceof Statement.Exists) {
      return Optional.empty();
    }
    if (message.startsWith(Planner.KEY_TYPE_MISMATCH)
        && !(statement instanceof Statement.Insert)) {
      return Optional.of(KEY_MISMATCH);
    }
    if (statement instanceof Statement.Insert && message.startsWith(KEY_PRESENT_START)) {
      return Optional.of(String.format(MISSING_KEY,
          message.substring(KEY_PRESENT_START.length())));
    }
    boolean keyed = statement instanceof Statement.Update || statement instanceof Statement.Delete;
    if (keyed && (message.equals(Planner.KEY_EQUALITY) || message.startsWith(MULTIPLE_START))) {
      return Optional.of(KEY_MISMATCH);
    }
    return Optional.empty();
  }
}
