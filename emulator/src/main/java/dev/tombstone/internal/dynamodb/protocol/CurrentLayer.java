package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.function.Supplier;

/**
 * PutItem, UpdateItem and DeleteItem report their request and value checks inside DynamoDB's
 * request-validation envelope (AWS, four regions, 2026-10, paritysuite/dynamodb-conformance
 * tier3 error-messages): placeholder maps without an expression, empty maps, bad values wherever
 * they sit, ReturnValues, Expected entries, an empty ConditionExpression and an undefined value
 * in it. A mix of expression and legacy parameters, the expressions' other problems, the key's
 * fit to the schema and the key values stay bare, as before (AWS's tests leave those open).
 */
final class CurrentLayer {
  static final String ENVELOPE = "1 validation error detected: ";
  private static final String CONDITION = "Invalid ConditionExpression: ";

  private CurrentLayer() {}

  /** Runs {@code checks}, reporting any validation error inside the envelope. */
  static <T> T enveloped(Supplier<T> checks) {
    try {
      return checks.get();
    } catch (DynamoDbError.Validation e) {
      throw new DynamoDbError.Validation(ENVELOPE + e.getMessage());
    }
  }

  /**
   * Runs the compilation of expressions and Expected entries, enveloping all but the
   * expressions' own problems and unused placeholders, which stay bare.
   */
  static <T> T expressions(Supplier<T> compile) {
    try {
      return compile.get();
    } catch (DynamoDbError.Validation e) {
      throw enveloped(e.getMessage()) ? new DynamoDbError.Validation(ENVELOPE + e.getMessage()) : e;
    }
  }

  private static boolean enveloped(String message) {
    if (message.startsWith(CONDITION)) {
      String problem = message.substring(CONDITION.length());
      return problem.equals("The expression can not be empty;")
          || problem.startsWith("An expression attribute value used in expression is not defined");
    }
    return !message.startsWith("Invalid ") && !message.startsWith("Value provided in ");
  }
}
