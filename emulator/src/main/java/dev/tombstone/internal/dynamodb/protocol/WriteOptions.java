package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.dynamodb.ServiceErrors;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import java.util.Map;

/**
 * The members PutItem and DeleteItem share: return options and condition parameters, with
 * their constraint and semantic checks in DynamoDB's order.
 */
record WriteOptions(
    String returnValues,
    String returnConsumedCapacity,
    String returnItemCollectionMetrics,
    String returnValuesOnConditionCheckFailure,
    ConditionParameters condition) {

  static WriteOptions read(Json.Obj request, AttributeValueDecoder decoder) {
    ConditionParameters condition = ConditionParameters.read(request, decoder);
    return new WriteOptions(
        Members.string(request, "ReturnValues"),
        Members.string(request, "ReturnConsumedCapacity"),
        Members.string(request, "ReturnItemCollectionMetrics"),
        Members.string(request, "ReturnValuesOnConditionCheckFailure"),
        condition);
  }

  /** The constraints DynamoDB lists before the key or item member. */
  void checkLeadingConstraints(Constraints constraints, String tableName) {
    constraints.oneOf("returnConsumedCapacity", returnConsumedCapacity,
        ItemOperations.RETURN_CONSUMED_CAPACITY);
    constraints.tableNameOrArn("tableName", tableName);
    constraints.oneOf("returnValues", returnValues, ItemOperations.RETURN_VALUES);
    constraints.oneOf("returnItemCollectionMetrics", returnItemCollectionMetrics,
        ItemOperations.RETURN_ITEM_COLLECTION_METRICS);
  }

  /** The constraints DynamoDB lists after the key or item member. */
  void checkTrailingConstraints(Constraints constraints) {
    constraints.oneOf("conditionalOperator", condition.conditionalOperator(),
        ItemOperations.CONDITIONAL_OPERATOR);
    if (condition.expected() != null) {
      for (Map.Entry<String, ExpectedEntry> e :
          condition.expected().entrySet()) {
        constraints.oneOf("expected." + e.getKey() + ".member.comparisonOperator",
            e.getValue().comparisonOperator(), ItemOperations.COMPARISON_OPERATOR);
      }
    }
    constraints.oneOf("returnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure,
        ItemOperations.RETURN_ON_FAILURE);
  }

  void checkReturnValues() {
    if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw ServiceErrors.returnValuesOldOrNone();
    }
  }

  boolean returnsOldItem() {
    return "ALL_OLD".equals(returnValues);
  }

  boolean returnsItemOnFailure() {
    return "ALL_OLD".equals(returnValuesOnConditionCheckFailure);
  }
}
