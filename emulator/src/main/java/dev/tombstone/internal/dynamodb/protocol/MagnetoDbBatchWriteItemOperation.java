package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.BatchWriteItem;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.TableNameRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MagnetoDB's batch_write_item ({@code POST /v1/data/{project_id}/batch_write_item}): {@code
 * request_items} per table of the project, each a list of {@code {"put_request":{"item":…}}} and
 * {@code {"delete_request":{"key":…}}}, run as DynamoDB's BatchWriteItem; answered with {@code
 * unprocessed_items}, always empty since every write is applied in memory.
 */
final class MagnetoDbBatchWriteItemOperation {
  static final String PUT = "put_request";
  static final String DELETE = "delete_request";

  private MagnetoDbBatchWriteItemOperation() {}

  /**
   * Handles one request.
   *
   * @param state the project's tables, or null when the project has none
   */
  static byte[] handle(DynamoDbState state, Json.Obj body) throws IOException {
    // batch_write_item.py read request_items, refused the rest of the body, and only then
    // parsed each table's list.
    Json.Obj requestItems = MagnetoDbBody.object(body, "request_items", true);
    MagnetoDbBody.onlyKnown(body, Set.of("request_items"));
    Map<String, List<BatchWriteItem.WriteRequest>> writes = new LinkedHashMap<>();
    int total = 0;
    for (Map.Entry<String, Json> e : requestItems.members().entrySet()) {
      List<BatchWriteItem.WriteRequest> tableWrites = table(e.getKey(), e.getValue());
      total += tableWrites.size();
      writes.put(e.getKey(), tableWrites);
    }
    // MagnetoDB set no limit of its own; DynamoDB's BatchWriteItem takes 25 writes in all.
    if (total > BatchWriteItemOperation.MAX_WRITES) {
      throw MagnetoDbError.validation("Too many items requested for the BatchWriteItem call");
    }
    Map<String, List<BatchWriteItem.WriteRequest>> nonEmpty = new LinkedHashMap<>();
    for (Map.Entry<String, List<BatchWriteItem.WriteRequest>> e : writes.entrySet()) {
      if (state == null || !state.hasTable(e.getKey())) {
        throw MagnetoDbError.tableNotExists(e.getKey());
      }
      if (!e.getValue().isEmpty()) {
        nonEmpty.put(e.getKey(), e.getValue());
      }
    }
    if (!nonEmpty.isEmpty()) {
      // Key schema, item size and the same key twice in one table are the store's checks,
      // all made before anything is written.
      state.batchWriteItem(new BatchWriteItem.Request(nonEmpty));
    }
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeObjectFieldStart("unprocessed_items");
    out.json().writeEndObject();
    out.json().writeEndObject();
    return out.finish();
  }

  /** One table's list of writes, checked as MagnetoDB's parser did. */
  private static List<BatchWriteItem.WriteRequest> table(String name, Json value) {
    if (!TableNameRules.tableNameViolations(name).isEmpty()) {
      throw MagnetoDbError.validation("Wrong table name '" + name + "' found");
    }
    if (!(value instanceof Json.Arr list)) {
      throw MagnetoDbBody.wrongType(name, "List", value);
    }
    for (Json element : list.elements()) {
      if (!(element instanceof Json.Obj)) {
        throw MagnetoDbBody.wrongType(name, "List of Objects", value);
      }
    }
    List<BatchWriteItem.WriteRequest> writes = new ArrayList<>();
    for (Json element : list.elements()) {
      writes.add(write((Json.Obj) element));
    }
    return writes;
  }

  /**
   * One write: its members are read in turn (an unknown one is MagnetoDB's "Unsupported request
   * type"); a write with no request or with both is DynamoDB's refusal, as MagnetoDB's code would
   * have run none or two writes for it.
   */
  private static BatchWriteItem.WriteRequest write(Json.Obj request) {
    List<BatchWriteItem.WriteRequest> found = new ArrayList<>(1);
    for (Map.Entry<String, Json> e : request.members().entrySet()) {
      String type = e.getKey();
      if (type.equals(PUT)) {
        Json.Obj put = MagnetoDbBody.object(request, PUT, true);
        Json.Obj item = MagnetoDbBody.object(put, "item", true);
        MagnetoDbBody.onlyKnown(PUT, put, Set.of("item"));
        found.add(new BatchWriteItem.WriteRequest.Put(Item.of(attributes(item))));
      } else if (type.equals(DELETE)) {
        Json.Obj delete = MagnetoDbBody.object(request, DELETE, true);
        Json.Obj key = MagnetoDbBody.object(delete, "key", true);
        MagnetoDbBody.onlyKnown(DELETE, delete, Set.of("key"));
        found.add(new BatchWriteItem.WriteRequest.Delete(attributes(key)));
      } else {
        throw MagnetoDbError.validation(
            "Unsupported request type found: " + MagnetoDbBody.render(new Json.Str(type)));
      }
    }
    if (found.size() != 1) {
      throw MagnetoDbError.validation(AttributeValueDecoder.SEVERAL);
    }
    return found.get(0);
  }

  private static Map<String, AttributeValue> attributes(Json.Obj map) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : map.members().entrySet()) {
      attributes.put(e.getKey(), MagnetoDbBody.typed(e.getValue()));
    }
    return attributes;
  }
}
