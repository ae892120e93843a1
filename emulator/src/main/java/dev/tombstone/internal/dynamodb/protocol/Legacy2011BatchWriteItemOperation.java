package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.BatchWriteItem;
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
 * BatchWriteItem of API 2011-12-05: per table a list of {@code PutRequest} items and {@code
 * DeleteRequest} positional keys, run as the current API's BatchWriteItem (each write atomic,
 * every check before the first write) and answered per table with {@code
 * ConsumedCapacityUnits}, and an empty {@code UnprocessedItems}.
 */
final class Legacy2011BatchWriteItemOperation {
  private static final String REQUEST_ITEMS_MAP = "java.util.Map<java.lang.String,"
      + " java.util.List<com.amazonaws.dynamodb.v20111205.WriteRequest>>";
  private static final String LIMITS = "[Member must have length less than or equal to 25,"
      + " Member must have length greater than or equal to 1]";

  private final DynamoDbState state;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.LEGACY_2011);

  Legacy2011BatchWriteItemOperation(DynamoDbState state) {
    this.state = state;
  }

  /** A write request as read: exactly one of put or delete is expected. */
  private record RawWrite(Json.Obj put, Json.Obj delete, Decoded item,
      Legacy2011Keys.Positional key) {}

  byte[] handle(Json.Obj request) throws IOException {
    Json.Obj requestItems = Members.map(request, "RequestItems", REQUEST_ITEMS_MAP);
    Map<String, List<RawWrite>> raw = decode(requestItems);
    BatchWriteItem.Request batch = validate(requestItems, raw);
    return encode(state.batchWriteItem(batch));
  }

  private Map<String, List<RawWrite>> decode(Json.Obj requestItems) {
    Map<String, List<RawWrite>> raw = new LinkedHashMap<>();
    if (requestItems == null) {
      return raw;
    }
    for (Map.Entry<String, Json> e : requestItems.members().entrySet()) {
      List<Json> writes = Members.nestedList(e.getValue());
      List<RawWrite> parsed = new ArrayList<>();
      if (writes != null) {
        for (Json write : writes) {
          Json.Obj w = Members.structure(write);
          if (w == null) {
            continue;
          }
          Json.Obj put = Members.structure(w.get("PutRequest"));
          Json.Obj delete = Members.structure(w.get("DeleteRequest"));
          parsed.add(new RawWrite(put, delete,
              put == null ? null : decoder.map(put, "Item"),
              delete == null ? null : Legacy2011Keys.read(delete, "Key", decoder)));
        }
      }
      raw.put(e.getKey(), parsed);
    }
    return raw;
  }

  /**
   * The current API's order: the model's constraints (table names, 1 to 25 writes per table, a
   * put's item, a delete's key), then per write one of put or delete and its values, then the
   * total count; then each table's key schema, to name the deletes' keys. Item sizes, keys
   * against the schema and duplicates are the store's.
   */
  private BatchWriteItem.Request validate(Json.Obj requestItems,
      Map<String, List<RawWrite>> raw) {
    Constraints constraints = new Constraints().notNull("requestItems", requestItems);
    if (requestItems != null && raw.isEmpty()) {
      constraints.addWithoutValue("RequestItems", Constraints.minLength(1));
    }
    for (Map.Entry<String, List<RawWrite>> e : raw.entrySet()) {
      String table = e.getKey();
      // The current API echoes the request map in these two; the 2011 shapes are not echoed.
      if (table.length() > 255 || table.length() < 3 || !Constraints.isTableName(table)) {
        constraints.addWithoutValue("requestItems", "Map keys must satisfy constraint: [Member"
            + " must have length less than or equal to 255, Member must have length greater"
            + " than or equal to 3, Member must satisfy regular expression pattern: "
            + Constraints.TABLE_NAME_PATTERN + "]");
      }
      int size = e.getValue().size();
      if (size < 1 || size > BatchWriteItemOperation.MAX_WRITES) {
        constraints.addWithoutValue("requestItems",
            "Map value must satisfy constraint: " + LIMITS);
      }
      int i = 1;
      for (RawWrite write : e.getValue()) {
        String path = "requestItems." + table + ".member." + i + ".member.";
        if (write.put() != null) {
          constraints.notNull(path + "putRequest.item", write.item());
        }
        if (write.delete() != null) {
          constraints.notNull(path + "deleteRequest.key", write.key());
        }
        i++;
      }
    }
    constraints.check();

    int total = 0;
    for (List<RawWrite> writes : raw.values()) {
      for (RawWrite write : writes) {
        if ((write.put() == null) == (write.delete() == null)) {
          throw new DynamoDbError.Validation(AttributeValueDecoder.SEVERAL);
        }
        if (write.put() != null) {
          write.item().valid();
        } else {
          write.key().valid();
        }
      }
      total += writes.size();
    }
    if (total > BatchWriteItemOperation.MAX_WRITES) {
      throw new DynamoDbError.Validation("Too many items requested for the BatchWriteItem call");
    }

    Map<String, List<BatchWriteItem.WriteRequest>> writes = new LinkedHashMap<>();
    for (Map.Entry<String, List<RawWrite>> e : raw.entrySet()) {
      KeySchema schema = state.keySchema(e.getKey());
      List<BatchWriteItem.WriteRequest> tableWrites = new ArrayList<>();
      for (RawWrite write : e.getValue()) {
        tableWrites.add(write.put() != null
            ? new BatchWriteItem.WriteRequest.Put(Item.of(write.item().values()))
            : new BatchWriteItem.WriteRequest.Delete(write.key().named(schema)));
      }
      writes.put(e.getKey(), tableWrites);
    }
    return new BatchWriteItem.Request(writes);
  }

  /** Per table the units its writes consumed, a delete of a missing item included. */
  private static byte[] encode(BatchWriteItem.Result result) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeObjectFieldStart("Responses");
    Iterator<ConsumedCapacity> capacity = result.consumedCapacity().iterator();
    while (capacity.hasNext()) {
      ConsumedCapacity table = capacity.next();
      out.json().writeObjectFieldStart(table.tableName());
      Legacy2011Requests.capacityUnits(out, table.total());
      out.json().writeEndObject();
    }
    out.json().writeEndObject();
    out.json().writeObjectFieldStart("UnprocessedItems");
    out.json().writeEndObject();
    out.json().writeEndObject();
    return out.finish();
  }
}
