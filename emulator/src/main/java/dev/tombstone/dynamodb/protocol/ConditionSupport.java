package dev.tombstone.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The request-level rules around condition, filter and projection expressions, in DynamoDB's
 * order, and their compilation.
 */
final class ConditionSupport {
  private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
  private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

  /**
   * The checks that come before the key's values: mixing expression and legacy parameters,
   * and placeholder maps without an expression.
   */
  void checkCombination(ConditionParameters p) {
    if (p.hasExpression() && p.hasExpected()) {
      throw new DynamoDbError.Validation(
          "Can not use both expression and non-expression parameters in the same request:"
              + " Non-expression parameters: {Expected} Expression parameters:"
              + " {ConditionExpression}");
    }
    if (p.conditionalOperator() != null && !p.hasExpected()) {
      throw new DynamoDbError.Validation(
          "ConditionalOperator cannot be used without Filter or Expected");
    }
    if (p.names() != null && !p.hasExpression()) {
      throw new DynamoDbError.Validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    if (p.values() != null && !p.hasExpression()) {
      throw new DynamoDbError.Validation(
          "ExpressionAttributeValues can only be specified when using expressions:"
              + " ConditionExpression is null");
    }
  }

  /**
   * Validates the rest and compiles the condition: legacy Expected entries, the placeholder
   * maps, the expression, then unused placeholders. Null when the request has no condition.
   */
  ItemCondition compile(ConditionParameters p) {
    if (p.hasExpected()) {
      return legacy(p);
    }
    checkPlaceholderMaps(p.names(), p.values());
    if (!p.hasExpression()) {
      return null;
    }
    throw new DynamoDbError.Validation(
        "ConditionExpression is not supported by this build of Tombstone yet");
  }

  /** A filter expression for Scan, or null. */
  ItemCondition filter(String expression, Map<String, String> names, Decoded values) {
    checkPlaceholderMaps(names, values);
    if (expression == null) {
      return null;
    }
    throw new DynamoDbError.Validation(
        "FilterExpression is not supported by this build of Tombstone yet");
  }

  /** A projection for GetItem or Scan, or null. */
  UnaryOperator<Item> projection(String expression, Map<String, String> names) {
    if (expression == null) {
      return null;
    }
    throw new DynamoDbError.Validation(
        "ProjectionExpression is not supported by this build of Tombstone yet");
  }

  private ItemCondition legacy(ConditionParameters p) {
    if (p.expected().isEmpty()) {
      return null;
    }
    throw new DynamoDbError.Validation("Expected is not supported by this build of Tombstone yet");
  }

  static void checkPlaceholderMaps(Map<String, String> names, Decoded values) {
    if (names != null) {
      if (names.isEmpty()) {
        throw new DynamoDbError.Validation("ExpressionAttributeNames must not be empty");
      }
      for (Map.Entry<String, String> e : names.entrySet()) {
        if (!NAME_KEY.matcher(e.getKey()).matches()) {
          throw new DynamoDbError.Validation(
              "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey()
                  + "\"");
        }
        if (e.getValue().isEmpty()) {
          throw new DynamoDbError.Validation(
              "ExpressionAttributeNames contains invalid value: Empty attribute name for key "
                  + e.getKey());
        }
      }
    }
    if (values != null) {
      if (values.values().isEmpty() && values.problem() == null) {
        throw new DynamoDbError.Validation("ExpressionAttributeValues must not be empty");
      }
      for (String key : values.values().keySet()) {
        if (!VALUE_KEY.matcher(key).matches()) {
          throw new DynamoDbError.Validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key
                  + "\"");
        }
      }
      if (values.problem() != null) {
        throw new DynamoDbError.Validation("ExpressionAttributeValues contains invalid value: "
            + values.problem() + " for key " + values.problemKey());
      }
    }
  }
}
