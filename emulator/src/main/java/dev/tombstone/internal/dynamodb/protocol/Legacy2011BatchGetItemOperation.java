package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.BatchGetItem;
import dev.tombstone.dynamodb.ConsumedCapacity;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeySchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchGetItem of API 2011-12-05: positional keys per table, answered per table with {@code
 * Items} and {@code ConsumedCapacityUnits}; {@code UnprocessedKeys} in the request's shape.
 */
final class Legacy2011BatchGetItemOperation {
  private static final String REQUEST_ITEMS_MAP =
      "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20111205.KeysAndAttributes>";

  private final DynamoDbState state;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.LEGACY_2011);

  Legacy2011BatchGetItemOperation(DynamoDbState state) {
    this.state = state;
  }

  /** One table's entry as read off the wire; {@code keys} is null when absent. */
  private record TableWire(List<Legacy2011Keys.Positional> keys, List<String> attributesToGet,
      Boolean consistentRead) {}

  /** The domain request and each table's key schema, to write unprocessed keys back. */
  private record Planned(BatchGetItem.Request request, Map<String, KeySchema> schemas) {}

  byte[] handle(Json.Obj request) throws IOException {
    Json.Obj requestItems = Members.map(request, "RequestItems", REQUEST_ITEMS_MAP);
    Map<String, TableWire> tables = decode(requestItems);
    Planned planned = validate(requestItems, tables);
    return encode(state.batchGetItem(planned.request()), tables, planned.schemas());
  }

  private Map<String, TableWire> decode(Json.Obj requestItems) {
    Map<String, TableWire> tables = new LinkedHashMap<>();
    if (requestItems == null) {
      return tables;
    }
    for (Map.Entry<String, Json> e : requestItems.members().entrySet()) {
      Json.Obj entry = Members.structure(e.getValue());
      if (entry == null) {
        continue;
      }
      List<Json> rawKeys = Members.list(entry, "Keys");
      List<Legacy2011Keys.Positional> keys = null;
      if (rawKeys != null) {
        keys = new ArrayList<>(rawKeys.size());
        for (Json key : rawKeys) {
          Json.Obj structure = Members.structure(key);
          if (structure != null) {
            keys.add(Legacy2011Keys.of(structure, decoder));
          }
        }
      }
      tables.put(e.getKey(), new TableWire(keys, Members.stringList(entry, "AttributesToGet"),
          Members.bool(entry, "ConsistentRead")));
    }
    return tables;
  }

  /**
   * The model's constraints (table names, 1 to 100 keys per table), the 100-key total, then per
   * table the keys' values, the table's key schema and the projection. Duplicates are the
   * store's.
   */
  private Planned validate(Json.Obj requestItems, Map<String, TableWire> tables) {
    Constraints constraints = new Constraints().notNull("requestItems", requestItems);
    if (requestItems != null && tables.isEmpty()) {
      constraints.add("requestItems", "{}", Constraints.minLength(1));
    }
    int total = 0;
    for (Map.Entry<String, TableWire> e : tables.entrySet()) {
      String table = e.getKey();
      if (table.length() > 255 || table.length() < 3
          || !Constraints.isTableName(table)) {
        constraints.add("requestItems", null, "Map keys must satisfy constraint: [Member must"
            + " have length less than or equal to 255, Member must have length greater than or"
            + " equal to 3, Member must satisfy regular expression pattern: "
            + Constraints.TABLE_NAME_PATTERN + "]");
      }
      List<Legacy2011Keys.Positional> keys = e.getValue().keys();
      String path = "requestItems." + table + ".member.keys";
      if (keys == null) {
        constraints.notNull(path, null);
      } else {
        constraints.size(path, keys.size(), 1, 100);
        total += keys.size();
      }
      List<String> attributes = e.getValue().attributesToGet();
      if (attributes != null && attributes.isEmpty()) {
        constraints.add("requestItems." + table + ".member.attributesToGet", "[]",
            Constraints.minLength(1));
      }
    }
    constraints.check();
    if (total > 100) {
      throw new DynamoDbError.Validation("Too many items requested for the BatchGetItem call");
    }

    Map<String, BatchGetItem.TableKeys> request = new LinkedHashMap<>();
    Map<String, KeySchema> schemas = new LinkedHashMap<>();
    for (TableWire t : tables.values()) {
      t.keys().forEach(Legacy2011Keys.Positional::valid);
    }
    for (Map.Entry<String, TableWire> e : tables.entrySet()) {
      TableWire t = e.getValue();
      KeySchema schema = state.keySchema(e.getKey());
      List<Map<String, AttributeValue>> keys = new ArrayList<>(t.keys().size());
      for (Legacy2011Keys.Positional key : t.keys()) {
        keys.add(key.named(schema));
      }
      BatchGetItem.TableKeys tableKeys = BatchGetItem.TableKeys.of(keys);
      if (t.attributesToGet() != null) {
        tableKeys = tableKeys.withProjection(AttributesToGet.projection(t.attributesToGet()));
      }
      request.put(e.getKey(), Boolean.TRUE.equals(t.consistentRead())
          ? tableKeys.stronglyConsistent() : tableKeys);
      schemas.put(e.getKey(), schema);
    }
    return new Planned(BatchGetItem.Request.of(request), schemas);
  }

  private static byte[] encode(BatchGetItem.Result result, Map<String, TableWire> tables,
      Map<String, KeySchema> schemas) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeObjectFieldStart("Responses");
    Iterator<ConsumedCapacity> capacity = result.consumedCapacity().iterator();
    for (Map.Entry<String, List<Item>> e : result.responses().entrySet()) {
      out.json().writeObjectFieldStart(e.getKey());
      out.items("Items", e.getValue());
      // The store reports one capacity per table, in the order of the responses.
      Legacy2011Requests.capacityUnits(out, capacity.next().total());
      out.json().writeEndObject();
    }
    out.json().writeEndObject();
    out.json().writeObjectFieldStart("UnprocessedKeys");
    for (Map.Entry<String, List<Map<String, AttributeValue>>> e
        : result.unprocessedKeys().entrySet()) {
      TableWire t = tables.get(e.getKey());
      KeySchema schema = schemas.get(e.getKey());
      out.json().writeObjectFieldStart(e.getKey());
      out.json().writeArrayFieldStart("Keys");
      for (Map<String, AttributeValue> key : e.getValue()) {
        Legacy2011Keys.writeValue(out, schema, Item.of(key));
      }
      out.json().writeEndArray();
      if (t.attributesToGet() != null) {
        out.strings("AttributesToGet", t.attributesToGet());
      }
      if (t.consistentRead() != null) {
        out.json().writeBooleanField("ConsistentRead", t.consistentRead());
      }
      out.json().writeEndObject();
    }
    out.json().writeEndObject();
    out.json().writeEndObject();
    return out.finish();
  }
}
