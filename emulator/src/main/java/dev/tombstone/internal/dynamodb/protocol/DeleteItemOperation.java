package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.io.IOException;
import java.util.Map;

/** DeleteItem of API 2012-08-10: decode, validate in DynamoDB's order, delete, encode. */
final class DeleteItemOperation {
  private final DynamoDbState state;
  private final ConditionSupport conditions;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  DeleteItemOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** The request as read off the wire: JSON type errors have failed, values are unchecked. */
  record Wire(String tableName, Decoded key, WriteOptions options) {}

  byte[] handle(Json.Obj request) throws IOException {
    return handle(decode(request));
  }

  /** A plain document, read without the tree: the same request from here on. */
  byte[] handle(PlainWrite.Document document) throws IOException {
    return handle(wire(document));
  }

  private byte[] handle(Wire wire) throws IOException {
    DeleteItem.Request request = validate(wire);
    DeleteItem.Result result = state.deleteItem(request);
    // Only a request asking for SIZE looks the table up.
    Map<String, AttributeValue> collection = wire.options().returnsItemCollection()
        ? ItemCollections.key(state, wire.tableName(), request.key()::get) : null;
    return wire.options().writeResult(result.oldItem(), result.consumedCapacity(), collection);
  }

  Wire decode(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    Decoded key = decoder.map(request, "Key");
    return new Wire(tableName, key, WriteOptions.read(request, decoder));
  }

  /** What {@link #decode} makes of the tree of the same document. */
  static Wire wire(PlainWrite.Document document) {
    return new Wire(document.tableName(), new Decoded(document.values(), null, null),
        PlainWrite.options(document));
  }

  /**
   * DynamoDB's order: the model's constraints, the mix of condition parameters, the key's
   * values, ReturnValues, then the condition itself. The table, the key schema and the
   * condition's outcome are the store's.
   */
  private DeleteItem.Request validate(Wire wire) {
    WriteOptions options = wire.options();
    Constraints constraints = new Constraints();
    options.checkLeadingConstraints(constraints, wire.tableName());
    constraints.notNull("key", wire.key());
    options.checkTrailingConstraints(constraints);
    constraints.check();

    conditions.checkMix(options.condition());
    Map<String, AttributeValue> key;
    ReturnValues returnValues;
    try {
      conditions.checkPlaceholdersWithoutExpression(options.condition(), ValueLayer.CURRENT);
      key = wire.key().valid();
      returnValues = WriteOptions.oldOrNone(options.returnValues());
    } catch (DynamoDbError.Validation e) {
      throw CurrentLayer.envelope(e);
    }
    ItemCondition condition;
    try {
      condition = conditions.compile(options.condition(), ValueLayer.CURRENT);
    } catch (DynamoDbError.Validation e) {
      throw CurrentLayer.compilation(e);
    }
    return new DeleteItem.Request(wire.tableName(), key, condition, returnValues,
        WriteOptions.onConditionFailure(options.returnValuesOnConditionCheckFailure()));
  }
}
