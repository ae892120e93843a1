package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.TransactWriteItems;
import dev.tombstone.internal.AttributeNameRules;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TransactWriteItems of API 2012-08-10 with Put, Update, Delete and ConditionCheck elements:
 * decode, validate in DynamoDB's order, run atomically, encode.
 */
final class TransactWriteItemsOperation {
  static final int MAX_ITEMS = 100;
  private static final List<String> KINDS = List.of("ConditionCheck", "Put", "Delete", "Update");

  private final DynamoDbState state;
  private final ConditionSupport conditions;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT,
          ValueLayer.OLDER);

  TransactWriteItemsOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /**
   * One element as read off the wire; {@code kind} is null unless exactly one was given.
   * {@code itemNames} are a Put item's attribute names as sent, empty for the other kinds.
   */
  private record Element(String kind, String tableName, Decoded keyOrItem,
      List<String> itemNames, String returnOnFailure, ConditionParameters condition,
      String updateExpression) {}

  /** The request as read off the wire. */
  private record Wire(List<Json> items, String returnConsumedCapacity, String returnMetrics,
      String token, List<Element> elements) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = decode(request);
    TransactWriteItems.Request transaction = validate(wire);
    TransactWriteItems.Result result = state.transactWriteItems(transaction);
    ItemCollections.PerTable collections = null;
    if (ItemCollections.SIZE.equals(wire.returnMetrics())) {
      collections = new ItemCollections.PerTable(state);
      for (TransactWriteItems.Action action : transaction.actions()) {
        // A ConditionCheck reads its item and writes none.
        if (action instanceof TransactWriteItems.Action.Put put) {
          collections.add(put.tableName(), put.item()::get);
        } else if (action instanceof TransactWriteItems.Action.Delete delete) {
          collections.add(delete.tableName(), delete.key()::get);
        } else if (action instanceof TransactWriteItems.Action.Update update) {
          collections.add(update.tableName(), update.key()::get);
        }
      }
    }
    return encode(result, wire.returnConsumedCapacity(), collections);
  }

  private Wire decode(Json.Obj request) {
    List<Json> items = Members.list(request, "TransactItems");
    String returnConsumedCapacity = Members.string(request, "ReturnConsumedCapacity");
    String returnMetrics = Members.string(request, "ReturnItemCollectionMetrics");
    String token = Members.string(request, "ClientRequestToken");
    List<Element> elements = new ArrayList<>();
    if (items != null) {
      for (Json raw : items) {
        Json.Obj element = Members.element(raw, "TransactWriteItem");
        if (element != null) {
          elements.add(element(element));
        }
      }
    }
    return new Wire(items, returnConsumedCapacity, returnMetrics, token, elements);
  }

  private Element element(Json.Obj element) {
    String kind = null;
    int kinds = 0;
    for (String candidate : KINDS) {
      if (element.has(candidate)) {
        kind = candidate;
        kinds++;
      }
    }
    if (kinds != 1) {
      return new Element(null, null, null, List.of(), null, null, null);
    }
    Json.Obj body = Members.structure(element, kind);
    boolean put = kind.equals("Put");
    Decoded keyOrItem = decoder.map(body, put ? "Item" : "Key");
    List<String> itemNames = put && keyOrItem != null
        ? List.copyOf(Members.map(body, "Item", Members.MAP_OF_VALUES).members().keySet())
        : List.of();
    return new Element(kind, Members.string(body, "TableName"), keyOrItem, itemNames,
        Members.string(body, "ReturnValuesOnConditionCheckFailure"),
        ConditionParameters.expressionsOnly(body, decoder),
        Members.string(body, "UpdateExpression"));
  }

  /**
   * DynamoDB's order: the model's constraints of the request and of every element, then one
   * element after another, in request order, its kind, its condition parameters, its
   * expressions, a Put item's attribute names and its key or item values. Tables, keys,
   * duplicates and conditions are the store's.
   */
  private TransactWriteItems.Request validate(Wire wire) {
    Constraints constraints = new Constraints();
    constraints.oneOf("returnConsumedCapacity", wire.returnConsumedCapacity(),
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.oneOf("returnItemCollectionMetrics", wire.returnMetrics(),
        Constraints.RETURN_ITEM_COLLECTION_METRICS);
    constraints.notNull("transactItems", wire.items());
    if (wire.items() != null) {
      // DynamoDB renders the list here: an empty one as '[]' (paritysuite/dynamodb-conformance
      // 2026 and dynalite test/transactWriteItem.js); how it renders elements is not reproduced.
      int size = wire.items().size();
      constraints.size("transactItems", size == 0 ? "[]" : "[" + size + " items]", size, 1,
          MAX_ITEMS);
    }
    constraints.lengthBetween("clientRequestToken", wire.token(), 1, 36);
    for (int i = 0; i < wire.elements().size(); i++) {
      Element e = wire.elements().get(i);
      if (e.kind() == null) {
        continue;
      }
      String path = "transactItems." + (i + 1) + ".member." + lowerFirst(e.kind()) + ".";
      constraints.tableNameOrArn(path + "tableName", e.tableName());
      constraints.notNull(path + (e.kind().equals("Put") ? "item" : "key"), e.keyOrItem());
      constraints.oneOf(path + "returnValuesOnConditionCheckFailure", e.returnOnFailure(),
          Constraints.RETURN_ON_FAILURE);
      if (e.kind().equals("ConditionCheck")) {
        constraints.notNull(path + "conditionExpression", e.condition().expression());
      }
      if (e.kind().equals("Update")) {
        constraints.notNull(path + "updateExpression", e.updateExpression());
      }
    }
    constraints.check();

    List<TransactWriteItems.Action> actions = new ArrayList<>();
    for (Element e : wire.elements()) {
      if (e.kind() == null) {
        throw new DynamoDbError.Validation(
            "TransactItems can only contain one of Check, Put, Update or Delete");
      }
      boolean update = e.kind().equals("Update");
      if (!update) {
        // An Update always has its UpdateExpression, which may use the placeholders.
        conditions.checkCombination(e.condition());
      }
      // AWS checks an element's expressions before its key or item values, and a Put item's
      // names before its values (deepRequests.test.ts of the AWS-run conformance suite: a
      // syntax error or an oversized condition beats a key nested 100 levels; an empty name
      // beats a value nested 100 levels, whichever comes first in the item).
      ConditionSupport.WriteExpressions compiled = update
          ? conditions.update(e.updateExpression(), e.condition(), ValueLayer.OLDER) : null;
      ItemCondition condition = update ? null : conditions.compile(e.condition());
      for (String name : e.itemNames()) {
        AttributeNameRules.problem(name).ifPresent(problem -> {
          throw new DynamoDbError.Validation(problem);
        });
      }
      Map<String, AttributeValue> values = e.keyOrItem().valid();
      ReturnValues returnItem = WriteOptions.onConditionFailure(e.returnOnFailure());
      actions.add(switch (e.kind()) {
        case "Update" -> new TransactWriteItems.Action.Update(e.tableName(), values,
            compiled.update(), compiled.condition(), returnItem);
        case "Put" -> new TransactWriteItems.Action.Put(e.tableName(), Item.of(values),
            condition, returnItem);
        case "Delete" -> new TransactWriteItems.Action.Delete(e.tableName(), values, condition,
            returnItem);
        default -> new TransactWriteItems.Action.ConditionCheck(e.tableName(), values,
            condition, returnItem);
      });
    }
    TransactWriteItems.Request request = new TransactWriteItems.Request(actions);
    // A repeated token is compared with the elements as sent (their JSON trees compare by
    // value); ReturnConsumedCapacity is not part of it.
    return wire.token() == null ? request
        : request.withClientRequestToken(wire.token(), wire.items());
  }

  private static byte[] encode(TransactWriteItems.Result result, String returnConsumedCapacity,
      ItemCollections.PerTable collections) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.capacities(result.consumedCapacity(), returnConsumedCapacity);
    if (collections != null) {
      collections.write(out);
    }
    out.json().writeEndObject();
    return out.finish();
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
