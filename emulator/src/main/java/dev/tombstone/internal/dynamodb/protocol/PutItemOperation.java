package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.io.IOException;
import java.util.Map;

/** PutItem of API 2012-08-10: decode, validate in DynamoDB's order, put, encode. */
final class PutItemOperation {
  private final DynamoDbState state;
  private final ConditionSupport conditions;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  PutItemOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** The request as read off the wire: JSON type errors have failed, values are unchecked. */
  record Wire(String tableName, Decoded item, WriteOptions options) {}

  byte[] handle(Json.Obj request) throws IOException {
    return handle(decode(request));
  }

  /** A plain document, read without the tree: the same request from here on. */
  byte[] handle(PlainWrite.Document document) throws IOException {
    return handle(wire(document));
  }

  private byte[] handle(Wire wire) throws IOException {
    PutItem.Request request = validate(wire);
    PutItem.Result result = state.putItem(request);
    // Only a request asking for SIZE looks the table up.
    Map<String, AttributeValue> collection = wire.options().returnsItemCollection()
        ? ItemCollections.key(state, wire.tableName(), request.item()::get) : null;
    return wire.options().writeResult(result.oldItem(), result.consumedCapacity(), collection);
  }

  /** What {@link #decode} makes of the tree of the same document. */
  static Wire wire(PlainWrite.Document document) {
    return new Wire(document.tableName(), new Decoded(document.values(), null, null),
        PlainWrite.options(document));
  }

  Wire decode(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    Decoded item = decoder.map(request, "Item");
    return new Wire(tableName, item, WriteOptions.read(request, decoder));
  }

  /**
   * DynamoDB's order: the model's constraints, the mix of condition parameters, the item's
   * values, ReturnValues, then the condition itself. The table, the item's key and size and the
   * condition's outcome are the store's.
   */
  private PutItem.Request validate(Wire wire) {
    WriteOptions options = wire.options();
    Constraints constraints = new Constraints();
    options.checkLeadingConstraints(constraints, wire.tableName());
    constraints.notNull("item", wire.item());
    options.checkTrailingConstraints(constraints);
    constraints.check();

    conditions.checkMix(options.condition());
    Item item;
    ReturnValues returnValues;
    try {
      conditions.checkPlaceholdersWithoutExpression(options.condition(), ValueLayer.CURRENT);
      item = Item.of(wire.item().valid());
      returnValues = WriteOptions.oldOrNone(options.returnValues());
    } catch (DynamoDbError.Validation e) {
      throw CurrentLayer.envelope(e);
    }
    OversizedItems.refuse(item);
    ItemCondition condition;
    try {
      condition = conditions.compile(options.condition(), ValueLayer.CURRENT);
    } catch (DynamoDbError.Validation e) {
      throw CurrentLayer.compilation(e);
    }
    return new PutItem.Request(wire.tableName(), item, condition, returnValues,
        WriteOptions.onConditionFailure(options.returnValuesOnConditionCheckFailure()));
  }
}
