package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;

/**
 * DynamoDB's error texts that more than one operation or dialect raises, each written once.
 * Those the domain raises too are written on {@link DynamoDbError}'s own factories; texts raised
 * in a single place stay next to their check.
 */
final class ServiceErrors {
  /** A number with more significant digits than DynamoDB keeps. */
  static final String TOO_MANY_DIGITS = DynamoDbError.Validation.tooManyDigits().getMessage();

  private ServiceErrors() {}

  /** {@code One or more parameter values were invalid: <detail>}, as text. */
  static String invalidParametersText(String detail) {
    return invalidParameters(detail).getMessage();
  }

  /** {@code One or more parameter values were invalid: <detail>}. */
  static DynamoDbError.Validation invalidParameters(String detail) {
    return DynamoDbError.Validation.invalidParameters(detail);
  }

  /** A {@code Key} that does not fit the table's schema. */
  static DynamoDbError.Validation keyMismatch() {
    return DynamoDbError.Validation.keyMismatch();
  }

  /** PutItem and DeleteItem accept only NONE and ALL_OLD as {@code ReturnValues}. */
  static DynamoDbError.Validation returnValuesOldOrNone() {
    return new DynamoDbError.Validation("ReturnValues can only be ALL_OLD or NONE");
  }

  /**
   * A legacy parameter mixed with an expression parameter.
   *
   * @param nonExpression e.g. {@code Expected}
   * @param expression e.g. {@code ConditionExpression}
   */
  static DynamoDbError.Validation expressionAndNonExpression(
      String nonExpression, String expression) {
    return new DynamoDbError.Validation("Can not use both expression and non-expression"
        + " parameters in the same request: Non-expression parameters: {" + nonExpression
        + "} Expression parameters: {" + expression + "}");
  }

  /** {@code ExpressionAttributeNames} in a request without any expression. */
  static DynamoDbError.Validation namesWithoutExpression() {
    return new DynamoDbError.Validation(
        "ExpressionAttributeNames can only be specified when using expressions");
  }

  /** {@code ExpressionAttributeValues} without an expression, as the current layer words it. */
  static DynamoDbError.Validation valuesWithoutExpression() {
    return new DynamoDbError.Validation(
        "ExpressionAttributeValues can only be specified when using expressions");
  }

  /**
   * {@code ExpressionAttributeValues} without the expression that could use them.
   *
   * @param expression the missing member, e.g. {@code ConditionExpression}
   */
  static DynamoDbError.Validation valuesWithoutExpression(String expression) {
    return new DynamoDbError.Validation(
        "ExpressionAttributeValues can only be specified when using expressions: " + expression
            + " is null");
  }

  /**
   * CreateTable with one name for the hash and the range key. AWS's text contains "Invalid
   * KeySchema" (the 2026 AWS-run conformance suite, validation-ordering createTable.test.ts);
   * DynamoDB Local's lacks the prefix.
   */
  static DynamoDbError.Validation sameHashAndRangeName() {
    return new DynamoDbError.Validation("Invalid KeySchema: Both the Hash Key and the Range Key"
        + " element in the KeySchema have the same name");
  }

  /** Scan's {@code ExclusiveStartKey} is invalid for {@code reason}. */
  static DynamoDbError.Validation invalidStartKey(String reason) {
    return DynamoDbError.Validation.invalidStartKey(reason);
  }

  /** Duplicate names in {@code AttributesToGet}. */
  static DynamoDbError.Validation duplicateAttributeName(String name) {
    return invalidParameters("Duplicate value in attribute name: " + name);
  }
}
