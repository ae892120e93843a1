package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.BatchGetItem;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * BatchGetItem of API 2012-08-10, up to 100 keys across tables: decode, validate in DynamoDB's
 * order, read, encode (keys past the 16 MB answer come back in UnprocessedKeys).
 */
final class BatchGetItemOperation {
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  private final DynamoDbState state;
  private final ConditionSupport conditions;

  BatchGetItemOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** One table's entry as read off the wire. */
  private record TableWire(List<Decoded> keys, List<String> attributesToGet,
      String projectionExpression, Map<String, String> names, Boolean consistentRead) {}

  private record Wire(Json.Obj requestItems, String returnConsumedCapacity,
      Map<String, TableWire> tables) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = decode(request);
    BatchGetItem.Result result = state.batchGetItem(validate(wire));
    return encode(result, wire);
  }

  private static Wire decode(Json.Obj request) {
    Json.Obj requestItems = Members.map(request, "RequestItems",
        "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.KeysAndAttributes>");
    Map<String, TableWire> tables = new LinkedHashMap<>();
    if (requestItems != null) {
      for (Map.Entry<String, Json> e : requestItems.members().entrySet()) {
        Json.Obj entry = Members.element(e.getValue(), "KeysAndAttributes");
        if (entry == null) {
          continue;
        }
        List<Json> rawKeys = Members.list(entry, "Keys");
        List<Decoded> keys = null;
        if (rawKeys != null) {
          keys = new ArrayList<>();
          for (Json key : rawKeys) {
            Json.Obj map = Members.nestedMap(key, Members.MAP_OF_VALUES);
            if (map != null) {
              keys.add(DECODER.entries(map));
            }
          }
        }
        tables.put(e.getKey(), new TableWire(keys, Members.stringList(entry, "AttributesToGet"),
            Members.string(entry, "ProjectionExpression"),
            Members.stringMap(entry, "ExpressionAttributeNames"),
            Members.bool(entry, "ConsistentRead")));
      }
    }
    return new Wire(requestItems, Members.string(request, "ReturnConsumedCapacity"), tables);
  }

  /**
   * DynamoDB's order: the model's constraints (table names, 1 to 100 keys per table), then per
   * table the projection parameters and the keys' values. The 100-key total, tables, key
   * schemas and duplicates are the store's.
   */
  private BatchGetItem.Request validate(Wire wire) {
    Constraints constraints = new Constraints();
    constraints.notNull("requestItems", wire.requestItems());
    if (wire.requestItems() != null && wire.tables().isEmpty()) {
      constraints.addWithoutValue("RequestItems", Constraints.minLength(1));
    }
    for (Map.Entry<String, TableWire> e : wire.tables().entrySet()) {
      String table = e.getKey();
      if (!Constraints.isTableArn(table) && (table.length() > 255 || table.length() < 3
          || !Constraints.isTableName(table))) {
        constraints.add("requestItems", ConstraintValues.json(wire.requestItems()), "Map keys must"
            + " satisfy constraint: [Member must have length less than or equal to 255, Member"
            + " must have length greater than or equal to 3, Member must satisfy regular"
            + " expression pattern: " + Constraints.TABLE_NAME_PATTERN + "]");
      }
      List<Decoded> keys = e.getValue().keys();
      if (keys == null) {
        constraints.notNull("requestItems." + table + ".member.keys", null);
      } else if (keys.isEmpty() || keys.size() > 100) {
        // AWS names the member path with its own casing and no value, for both lengths.
        constraints.addWithoutValue("RequestItems." + table + ".member.Keys",
            keys.isEmpty() ? Constraints.minLength(1) : Constraints.maxLength(100));
      }
      // Named as AWS names an empty Keys list; no capture shows this member's own text.
      List<String> attributesToGet = e.getValue().attributesToGet();
      if (attributesToGet != null && attributesToGet.isEmpty()) {
        constraints.addWithoutValue("RequestItems." + table + ".member.AttributesToGet",
            Constraints.minLength(1));
      }
    }
    // AWS lists the RequestItems map's problems before the enum (conformance suite tier3
    // validation-ordering batchOperations, 2026-10-09).
    constraints.oneOf("returnConsumedCapacity", wire.returnConsumedCapacity(),
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.check();

    // DynamoDB takes the whole request as using expressions or not: one table's
    // ProjectionExpression and another's AttributesToGet clash as they would on one table.
    boolean anyExpression = false;
    boolean anyLegacy = false;
    for (TableWire t : wire.tables().values()) {
      anyExpression |= t.projectionExpression() != null;
      anyLegacy |= t.attributesToGet() != null;
    }
    if (anyExpression && anyLegacy) {
      throw ServiceErrors.expressionAndNonExpression("AttributesToGet", "ProjectionExpression");
    }
    Map<String, BatchGetItem.TableKeys> tables = new LinkedHashMap<>();
    for (Map.Entry<String, TableWire> e : wire.tables().entrySet()) {
      TableWire t = e.getValue();
      if (t.names() != null && t.projectionExpression() == null) {
        throw ServiceErrors.namesWithoutExpression();
      }
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (Decoded key : t.keys()) {
        keys.add(key.valid());
      }
      ConditionSupport.ReadExpressions expressions = t.attributesToGet() != null ? null
          : conditions.read(null, t.projectionExpression(), t.names(), null);
      UnaryOperator<Item> projection = expressions == null
          ? AttributesToGet.projection(t.attributesToGet())
          : expressions.projector();
      if (expressions != null) {
        ConditionSupport.checkKeyPaths(expressions.projection(),
            () -> state.tableDefinition(e.getKey()));
      }
      BatchGetItem.TableKeys tableKeys =
          BatchGetItem.TableKeys.of(keys).withProjection(projection);
      tables.put(e.getKey(), Boolean.TRUE.equals(t.consistentRead())
          ? tableKeys.stronglyConsistent() : tableKeys);
    }
    if (tables.values().stream().mapToInt(t -> t.keys().size()).sum() > 100) {
      throw new DynamoDbError.Validation("Too many items requested for the BatchGetItem call");
    }
    return BatchGetItem.Request.of(tables);
  }

  private static byte[] encode(BatchGetItem.Result result, Wire wire) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeObjectFieldStart("Responses");
    for (Map.Entry<String, List<Item>> e : result.responses().entrySet()) {
      out.items(e.getKey(), e.getValue());
    }
    out.json().writeEndObject();
    out.json().writeObjectFieldStart("UnprocessedKeys");
    for (Map.Entry<String, List<Map<String, AttributeValue>>> e
        : result.unprocessedKeys().entrySet()) {
      TableWire t = wire.tables().get(e.getKey());
      out.json().writeObjectFieldStart(e.getKey());
      out.json().writeArrayFieldStart("Keys");
      for (Map<String, AttributeValue> key : e.getValue()) {
        out.attributes(key);
      }
      out.json().writeEndArray();
      if (t.projectionExpression() != null) {
        out.json().writeStringField("ProjectionExpression", t.projectionExpression());
      }
      if (t.names() != null) {
        out.json().writeObjectFieldStart("ExpressionAttributeNames");
        for (Map.Entry<String, String> n : t.names().entrySet()) {
          out.json().writeStringField(n.getKey(), n.getValue());
        }
        out.json().writeEndObject();
      }
      if (t.attributesToGet() != null) {
        out.strings("AttributesToGet", t.attributesToGet());
      }
      if (t.consistentRead() != null) {
        out.json().writeBooleanField("ConsistentRead", t.consistentRead());
      }
      out.json().writeEndObject();
    }
    out.json().writeEndObject();
    out.capacities(result.consumedCapacity(), wire.returnConsumedCapacity());
    out.json().writeEndObject();
    return out.finish();
  }
}
