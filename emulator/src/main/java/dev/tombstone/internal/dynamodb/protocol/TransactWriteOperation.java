package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.ConsumedCapacity;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.TransactWriteItems;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TransactWriteItems with Put, Delete and ConditionCheck elements. */
final class TransactWriteOperation {
  static final int MAX_ITEMS = 100;
  private static final List<String> KINDS = List.of("ConditionCheck", "Put", "Delete", "Update");

  private final DynamoDbState state;
  private final ConditionSupport conditions;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT);

  TransactWriteOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** One element as read off the wire. */
  private record Element(String kind, Json.Obj body, String tableName, Decoded keyOrItem,
      String returnOnFailure, ConditionParameters condition) {}

  byte[] transactWriteItems(Json.Obj request) throws IOException {
    List<Json> items = Members.list(request, "TransactItems");
    String returnConsumedCapacity = Members.string(request, "ReturnConsumedCapacity");
    String token = Members.string(request, "ClientRequestToken");

    List<Element> elements = new ArrayList<>();
    if (items != null) {
      for (Json raw : items) {
        Json.Obj element = Members.structure(raw);
        if (element == null) {
          continue;
        }
        String kind = null;
        int kinds = 0;
        for (String candidate : KINDS) {
          if (element.has(candidate)) {
            kind = candidate;
            kinds++;
          }
        }
        if (kinds != 1) {
          elements.add(new Element(null, null, null, null, null, null));
          continue;
        }
        Json.Obj body = Members.structure(element, kind);
        elements.add(new Element(kind, body, Members.string(body, "TableName"),
            decoder.map(body, kind.equals("Put") ? "Item" : "Key"),
            Members.string(body, "ReturnValuesOnConditionCheckFailure"),
            ConditionParameters.read(body, decoder)));
      }
    }

    Constraints constraints = new Constraints();
    constraints.oneOf("returnConsumedCapacity", returnConsumedCapacity,
        ItemOperations.RETURN_CONSUMED_CAPACITY);
    constraints.notNull("transactItems", items);
    if (items != null && (items.isEmpty() || items.size() > MAX_ITEMS)) {
      constraints.add("transactItems", "[" + items.size() + " items]", items.isEmpty()
          ? "Member must have length greater than or equal to 1"
          : "Member must have length less than or equal to " + MAX_ITEMS);
    }
    constraints.lengthBetween("clientRequestToken", token, 1, 36);
    for (int i = 0; i < elements.size(); i++) {
      Element e = elements.get(i);
      if (e.kind() == null) {
        continue;
      }
      String path = "transactItems." + (i + 1) + ".member." + lowerFirst(e.kind()) + ".";
      constraints.tableNameOrArn(path + "tableName", e.tableName());
      constraints.notNull(path + (e.kind().equals("Put") ? "item" : "key"), e.keyOrItem());
      constraints.oneOf(path + "returnValuesOnConditionCheckFailure", e.returnOnFailure(),
          ItemOperations.RETURN_ON_FAILURE);
      if (e.kind().equals("ConditionCheck")) {
        constraints.notNull(path + "conditionExpression", e.condition().expression());
      }
    }
    constraints.check();

    List<TransactWriteItems.Action> actions = new ArrayList<>();
    for (Element e : elements) {
      if (e.kind() == null) {
        throw new DynamoDbError.Validation(
            "TransactItems can only contain one of Check, Put, Update or Delete");
      }
      if (e.kind().equals("Update")) {
        throw new DynamoDbError.Validation(
            "Update elements of TransactWriteItems are not served by Tombstone");
      }
      conditions.checkCombination(e.condition());
      Map<String, AttributeValue> values = e.keyOrItem().valid();
      ItemCondition condition = conditions.compile(e.condition());
      boolean returnItem = "ALL_OLD".equals(e.returnOnFailure());
      actions.add(switch (e.kind()) {
        case "Put" -> new TransactWriteItems.Action.Put(e.tableName(), Item.of(values),
            condition, returnItem);
        case "Delete" -> new TransactWriteItems.Action.Delete(e.tableName(), values, condition,
            returnItem);
        default -> new TransactWriteItems.Action.ConditionCheck(e.tableName(), values,
            condition, returnItem);
      });
    }

    TransactWriteItems.Result result =
        state.transactWriteItems(new TransactWriteItems.Request(actions));
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (returnConsumedCapacity != null && !returnConsumedCapacity.equals("NONE")) {
      out.json().writeArrayFieldStart("ConsumedCapacity");
      for (ConsumedCapacity capacity : result.consumedCapacity()) {
        out.capacity(capacity, returnConsumedCapacity);
      }
      out.json().writeEndArray();
    }
    out.json().writeEndObject();
    return out.finish();
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
