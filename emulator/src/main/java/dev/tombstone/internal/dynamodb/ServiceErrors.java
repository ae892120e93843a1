package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.DynamoDbError;

/**
 * DynamoDB's error texts that more than one place raises, each written once: the domain, the
 * three dialects and the expression compiler build their errors here. Texts raised in a single
 * place stay next to their check. Internal.
 */
public final class ServiceErrors {
  /** The prefix of DynamoDB's {@code One or more parameter values were invalid:} family. */
  public static final String INVALID_PARAMETERS = "One or more parameter values were invalid: ";
  /** A number with more significant digits than DynamoDB keeps. */
  public static final String TOO_MANY_DIGITS =
      "Attempting to store more than 38 significant digits in a Number";

  private ServiceErrors() {}

  /** {@code One or more parameter values were invalid: <detail>}, as text. */
  public static String invalidParametersText(String detail) {
    return INVALID_PARAMETERS + detail;
  }

  /** {@code One or more parameter values were invalid: <detail>}. */
  public static DynamoDbError.Validation invalidParameters(String detail) {
    return new DynamoDbError.Validation(invalidParametersText(detail));
  }

  /** A {@code Key} (or a batch put's key attributes) that does not fit the table's schema. */
  public static DynamoDbError.Validation keyMismatch() {
    return new DynamoDbError.Validation("The provided key element does not match the schema");
  }

  /** PutItem and DeleteItem accept only NONE and ALL_OLD as {@code ReturnValues}. */
  public static DynamoDbError.Validation returnValuesOldOrNone() {
    return new DynamoDbError.Validation("ReturnValues can only be ALL_OLD or NONE");
  }

  /**
   * A legacy parameter mixed with an expression parameter.
   *
   * @param nonExpression e.g. {@code Expected}
   * @param expression e.g. {@code ConditionExpression}
   */
  public static DynamoDbError.Validation expressionAndNonExpression(
      String nonExpression, String expression) {
    return new DynamoDbError.Validation("Can not use both expression and non-expression"
        + " parameters in the same request: Non-expression parameters: {" + nonExpression
        + "} Expression parameters: {" + expression + "}");
  }

  /** {@code ExpressionAttributeNames} in a request without any expression. */
  public static DynamoDbError.Validation namesWithoutExpression() {
    return new DynamoDbError.Validation(
        "ExpressionAttributeNames can only be specified when using expressions");
  }

  /**
   * {@code ExpressionAttributeValues} without the expression that could use them.
   *
   * @param expression the missing member, e.g. {@code ConditionExpression}
   */
  public static DynamoDbError.Validation valuesWithoutExpression(String expression) {
    return new DynamoDbError.Validation(
        "ExpressionAttributeValues can only be specified when using expressions: " + expression
            + " is null");
  }

  /** An item operation's table does not exist. */
  public static DynamoDbError.ResourceNotFound resourceNotFound() {
    return new DynamoDbError.ResourceNotFound("Requested resource not found");
  }

  /** A table operation's table does not exist. */
  public static DynamoDbError.ResourceNotFound tableNotFound(String table) {
    return new DynamoDbError.ResourceNotFound(
        "Requested resource not found: Table: " + table + " not found");
  }

  /** CreateTable with one name for the hash and the range key. */
  public static DynamoDbError.Validation sameHashAndRangeName() {
    return new DynamoDbError.Validation(
        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
  }

  /** Scan's {@code ExclusiveStartKey} is invalid for {@code reason}. */
  public static DynamoDbError.Validation invalidStartKey(String reason) {
    return new DynamoDbError.Validation("The provided starting key is invalid: " + reason);
  }

  /** Duplicate names in {@code AttributesToGet}. */
  public static DynamoDbError.Validation duplicateAttributeName(String name) {
    return invalidParameters("Duplicate value in attribute name: " + name);
  }
}
