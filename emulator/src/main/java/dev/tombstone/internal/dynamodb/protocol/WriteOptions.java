package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.ConsumedCapacity;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ReturnValues;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The members PutItem and DeleteItem share: return options and condition parameters, with
 * their constraint and semantic checks in DynamoDB's order, and their common answer.
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

  /** {@code ReturnValues} of PutItem and DeleteItem in any dialect: absent, NONE or ALL_OLD. */
  static ReturnValues oldOrNone(String returnValues) {
    if (returnValues == null || returnValues.equals("NONE")) {
      return ReturnValues.NONE;
    }
    if (returnValues.equals("ALL_OLD")) {
      return ReturnValues.ALL_OLD;
    }
    throw ServiceErrors.returnValuesOldOrNone();
  }

  /** {@code ReturnValuesOnConditionCheckFailure}, already checked against its enum. */
  static ReturnValues onConditionFailure(String returnValuesOnConditionCheckFailure) {
    return "ALL_OLD".equals(returnValuesOnConditionCheckFailure)
        ? ReturnValues.ALL_OLD : ReturnValues.NONE;
  }

  /** The constraints DynamoDB lists before the key or item member. */
  void checkLeadingConstraints(Constraints constraints, String tableName) {
    constraints.oneOf("returnConsumedCapacity", returnConsumedCapacity,
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.tableNameOrArn("tableName", tableName);
    constraints.oneOf("returnValues", returnValues, Constraints.RETURN_VALUES);
    constraints.oneOf("returnItemCollectionMetrics", returnItemCollectionMetrics,
        Constraints.RETURN_ITEM_COLLECTION_METRICS);
  }

  /** The constraints DynamoDB lists after the key or item member. */
  void checkTrailingConstraints(Constraints constraints) {
    checkConditionalOperator(constraints);
    checkConditionConstraints(constraints);
  }

  /** {@code ConditionalOperator}'s enum; UpdateItem lists it before its key. */
  void checkConditionalOperator(Constraints constraints) {
    constraints.oneOf("conditionalOperator", condition.conditionalOperator(),
        Constraints.CONDITIONAL_OPERATOR);
  }

  /** {@link #checkTrailingConstraints} without the {@code ConditionalOperator}. */
  void checkConditionConstraints(Constraints constraints) {
    constraints.comparisonOperators("expected", condition.expected(), false);
    constraints.oneOf("returnValuesOnConditionCheckFailure", returnValuesOnConditionCheckFailure,
        Constraints.RETURN_ON_FAILURE);
  }

  /** Whether the answer reports the item collection written ({@code SIZE}). */
  boolean returnsItemCollection() {
    return ItemCollections.SIZE.equals(returnItemCollectionMetrics);
  }

  /**
   * The 2012 answer: the old item under {@code Attributes} if returned, the capacity, and the
   * metrics of {@code itemCollection} (null for none).
   */
  byte[] writeResult(Optional<Item> oldItem, ConsumedCapacity capacity,
      Map<String, AttributeValue> itemCollection) throws IOException {
    if (oldItem.isEmpty() && itemCollection == null
        && (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE"))) {
      // Nothing to report, the most common answer of all: no writer and buffer for two bytes.
      return new byte[] {'{', '}'};
    }
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (oldItem.isPresent()) {
      out.item("Attributes", oldItem.get());
    }
    out.consumedCapacity("ConsumedCapacity", capacity, returnConsumedCapacity);
    if (itemCollection != null) {
      out.json().writeFieldName("ItemCollectionMetrics");
      ItemCollections.write(out, itemCollection);
    }
    out.json().writeEndObject();
    return out.finish();
  }
}
