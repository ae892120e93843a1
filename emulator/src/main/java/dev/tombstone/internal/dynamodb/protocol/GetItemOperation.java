package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** GetItem of API 2012-08-10: decode, validate in DynamoDB's order, read, encode. */
final class GetItemOperation {
  private final DynamoDbState state;
  private final ConditionSupport conditions;
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  GetItemOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** The request as read off the wire: JSON type errors have failed, values are unchecked. */
  private record Wire(String tableName, Decoded key, List<String> attributesToGet,
      Boolean consistentRead, String returnConsumedCapacity, String projectionExpression,
      Map<String, String> names) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = decode(request);
    GetItem.Result result = state.getItem(validate(wire));
    return encode(result, wire);
  }

  private static Wire decode(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    Decoded key = DECODER.map(request, "Key");
    return new Wire(tableName, key,
        Members.stringList(request, "AttributesToGet"),
        Members.bool(request, "ConsistentRead"),
        Members.string(request, "ReturnConsumedCapacity"),
        Members.string(request, "ProjectionExpression"),
        Members.stringMap(request, "ExpressionAttributeNames"));
  }

  /**
   * DynamoDB's order: the model's constraints, the mix of projection parameters, names without
   * an expression, the key's values, then the projection itself.
   */
  private GetItem.Request validate(Wire wire) {
    Constraints constraints = new Constraints();
    constraints.oneOf("returnConsumedCapacity", wire.returnConsumedCapacity(),
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.tableNameOrArn("tableName", wire.tableName());
    constraints.notNull("key", wire.key());
    if (wire.attributesToGet() != null) {
      constraints.size("attributesToGet", wire.attributesToGet(), 1, 255);
    }
    constraints.check();

    if (wire.projectionExpression() != null && wire.attributesToGet() != null) {
      throw ServiceErrors.expressionAndNonExpression("AttributesToGet", "ProjectionExpression");
    }
    if (wire.names() != null && wire.projectionExpression() == null) {
      throw ServiceErrors.namesWithoutExpression();
    }
    Map<String, AttributeValue> key = wire.key().valid();
    ConditionSupport.ReadExpressions expressions = wire.attributesToGet() != null ? null
        : conditions.read(null, wire.projectionExpression(), wire.names(), null);
    UnaryOperator<Item> projection = expressions == null
        ? AttributesToGet.projection(wire.attributesToGet())
        : expressions.projector();
    if (expressions != null) {
      ConditionSupport.checkKeyPaths(expressions.projection(),
          () -> state.tableDefinition(wire.tableName()));
    }
    GetItem.Request request = GetItem.Request.of(wire.tableName(), key).withProjection(projection);
    return Boolean.TRUE.equals(wire.consistentRead()) ? request.stronglyConsistent() : request;
  }

  private static byte[] encode(GetItem.Result result, Wire wire) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (result.item().isPresent()) {
      out.item("Item", result.item().get());
    }
    out.consumedCapacity("ConsumedCapacity", result.consumedCapacity(),
        wire.returnConsumedCapacity());
    out.json().writeEndObject();
    return out.finish();
  }
}
