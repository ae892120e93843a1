package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;

/**
 * PutItem, UpdateItem and DeleteItem report their request and value checks inside DynamoDB's
 * request-validation envelope (AWS, four regions, 2026-10, paritysuite/dynamodb-conformance
 * tier3 error-messages): placeholder maps without an expression, empty maps, bad values wherever
 * they sit, ReturnValues, Expected entries, an empty ConditionExpression and an undefined value
 * in it. A mix of expression and legacy parameters, the expressions' other problems, the key's
 * fit to the schema and the key values stay bare, as before (AWS's tests leave those open).
 */
final class CurrentLayer {
  private static final String ENVELOPE = "1 validation error detected: ";
  private static final String CONDITION = "Invalid ConditionExpression: ";

  private CurrentLayer() {}

  /**
   * {@code e} inside the envelope: callers wrap the checks in a try block and throw this from
   * its catch (a block rather than a lambda, so a request pays no capture).
   */
  static DynamoDbError.Validation envelope(DynamoDbError.Validation e) {
    return new DynamoDbError.Validation(ENVELOPE + e.getMessage());
  }

  /**
   * What the compilation of expressions and Expected entries reports for {@code e}: inside the
   * envelope, except the expressions' own problems and unused placeholders, which stay bare.
   */
  static DynamoDbError.Validation compilation(DynamoDbError.Validation e) {
    return enveloped(e.getMessage()) ? envelope(e) : e;
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
