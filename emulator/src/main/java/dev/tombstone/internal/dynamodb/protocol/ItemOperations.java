package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.internal.dynamodb.ServiceErrors;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** PutItem, GetItem and DeleteItem: wire shapes and validation order. */
final class ItemOperations {
  static final String[] RETURN_VALUES = {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE",
      "UPDATED_NEW"};
  static final String[] RETURN_CONSUMED_CAPACITY = {"INDEXES", "TOTAL", "NONE"};
  static final String[] RETURN_ITEM_COLLECTION_METRICS = {"SIZE", "NONE"};
  static final String[] CONDITIONAL_OPERATOR = {"OR", "AND"};
  static final String[] COMPARISON_OPERATOR = {"IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS",
      "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS"};
  static final String[] RETURN_ON_FAILURE = {"ALL_OLD", "NONE"};

  private final DynamoDbState state;
  private final ConditionSupport conditions;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT);

  ItemOperations(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  byte[] deleteItem(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Decoded key = decoder.map(request, "Key");
    WriteOptions options = WriteOptions.read(request, decoder);

    Constraints constraints = new Constraints();
    options.checkLeadingConstraints(constraints, tableName);
    constraints.notNull("key", key);
    options.checkTrailingConstraints(constraints);
    constraints.check();

    conditions.checkCombination(options.condition());
    Map<String, AttributeValue> keyValues = key.valid();
    options.checkReturnValues();
    ItemCondition condition = conditions.compile(options.condition());

    DeleteItem.Result result =
        state.deleteItem(
            new DeleteItem.Request(
                tableName, keyValues, condition, options.returnsOldItem(),
                options.returnsItemOnFailure()));
    return writeResult(result.oldItem(), result.consumedCapacity(), options);
  }

  byte[] putItem(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Decoded item = decoder.map(request, "Item");
    WriteOptions options = WriteOptions.read(request, decoder);

    Constraints constraints = new Constraints();
    options.checkLeadingConstraints(constraints, tableName);
    constraints.notNull("item", item);
    options.checkTrailingConstraints(constraints);
    constraints.check();

    conditions.checkCombination(options.condition());
    Item newItem = Item.of(item.valid());
    options.checkReturnValues();
    ItemCondition condition = conditions.compile(options.condition());

    PutItem.Result result =
        state.putItem(
            new PutItem.Request(
                tableName, newItem, condition, options.returnsOldItem(),
                options.returnsItemOnFailure()));
    return writeResult(result.oldItem(), result.consumedCapacity(), options);
  }

  byte[] getItem(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Decoded key = decoder.map(request, "Key");
    List<String> attributesToGet = Members.stringList(request, "AttributesToGet");
    Boolean consistentRead = Members.bool(request, "ConsistentRead");
    String returnConsumedCapacity = Members.string(request, "ReturnConsumedCapacity");
    String projectionExpression = Members.string(request, "ProjectionExpression");
    Map<String, String> names = Members.stringMap(request, "ExpressionAttributeNames");

    Constraints constraints = new Constraints();
    constraints.oneOf("returnConsumedCapacity", returnConsumedCapacity, RETURN_CONSUMED_CAPACITY);
    constraints.tableNameOrArn("tableName", tableName);
    constraints.notNull("key", key);
    if (attributesToGet != null) {
      if (attributesToGet.isEmpty()) {
        constraints.add("attributesToGet", "[]", "Member must have length greater than or equal to 1");
      } else if (attributesToGet.size() > 255) {
        constraints.add("attributesToGet", attributesToGet.toString(),
            "Member must have length less than or equal to 255");
      }
    }
    constraints.check();

    if (projectionExpression != null && attributesToGet != null) {
      throw ServiceErrors.expressionAndNonExpression("AttributesToGet", "ProjectionExpression");
    }
    if (names != null && projectionExpression == null) {
      throw ServiceErrors.namesWithoutExpression();
    }
    Map<String, AttributeValue> keyValues = key.valid();
    UnaryOperator<Item> projection =
        attributesToGet != null
            ? attributesToGet(attributesToGet)
            : conditions.read(null, projectionExpression, names, null).projection();

    GetItem.Result result =
        state.getItem(
            new GetItem.Request(
                tableName, keyValues, projection, Boolean.TRUE.equals(consistentRead)));
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (result.item().isPresent()) {
      out.item("Item", result.item().get());
    }
    out.consumedCapacity("ConsumedCapacity", result.consumedCapacity(), returnConsumedCapacity);
    out.json().writeEndObject();
    return out.finish();
  }

  /** The legacy AttributesToGet: top-level attribute names, no duplicates. */
  static UnaryOperator<Item> attributesToGet(List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw ServiceErrors.duplicateAttributeName(name);
      }
    }
    return item -> {
      Map<String, AttributeValue> kept = new LinkedHashMap<>();
      for (String name : names) {
        AttributeValue value = item.get(name);
        if (value != null) {
          kept.put(name, value);
        }
      }
      return Item.of(kept);
    };
  }

  private static byte[] writeResult(
      Optional<Item> oldItem, dev.tombstone.dynamodb.ConsumedCapacity capacity,
      WriteOptions options) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (oldItem.isPresent()) {
      out.item("Attributes", oldItem.get());
    }
    out.consumedCapacity("ConsumedCapacity", capacity, options.returnConsumedCapacity());
    out.json().writeEndObject();
    return out.finish();
  }
}
