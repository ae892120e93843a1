package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.BatchGetItem;
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
 * MagnetoDB's batch_get_item ({@code POST /v1/data/{project_id}/batch_get_item}): {@code
 * request_items} per table of the project, each with {@code keys} and optionally {@code
 * attributes_to_get} and {@code consistent_read}; answered with {@code responses} (per table the
 * items found; tables without any are left out, as MagnetoDB did) and {@code unprocessed_keys}.
 */
final class MagnetoDbBatchGetItemOperation {
  private static final Set<String> TABLE_MEMBERS =
      Set.of("keys", "attributes_to_get", "consistent_read");

  private MagnetoDbBatchGetItemOperation() {}

  /** One table's entry, checked. */
  private record TableRequest(List<String> attributesToGet, Boolean consistentRead,
      BatchGetItem.TableKeys domain) {}

  /**
   * Handles one request.
   *
   * @param state the project's tables, or null when the project has none
   */
  static byte[] handle(DynamoDbState state, Json.Obj body) throws IOException {
    // batch_get_item.py read request_items, refused the rest of the body, and only then read
    // each table's entry.
    Json.Obj requestItems = MagnetoDbBody.object(body, "request_items", true);
    MagnetoDbBody.onlyKnown(body, Set.of("request_items"));
    Map<String, TableRequest> tables = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : requestItems.members().entrySet()) {
      tables.put(e.getKey(), table(e.getKey(), e.getValue()));
    }
    Map<String, BatchGetItem.TableKeys> request = new LinkedHashMap<>();
    for (Map.Entry<String, TableRequest> e : tables.entrySet()) {
      if (state == null || !state.hasTable(e.getKey())) {
        throw MagnetoDbError.tableNotExists(e.getKey());
      }
      request.put(e.getKey(), e.getValue().domain());
    }
    if (request.isEmpty()) {
      return encode(new BatchGetItem.Result(Map.of(), Map.of(), List.of()), tables);
    }
    return encode(state.batchGetItem(BatchGetItem.Request.of(request)), tables);
  }

  private static TableRequest table(String name, Json value) {
    if (!TableNameRules.tableNameViolations(name).isEmpty()) {
      throw MagnetoDbError.validation("Wrong table name '" + name + "' found");
    }
    if (!(value instanceof Json.Obj entry)) {
      throw MagnetoDbBody.wrongType(name, "Object", value);
    }
    // The original read consistent_read, attributes_to_get and keys, refused the rest, and
    // only then read the keys themselves.
    Boolean consistent = MagnetoDbBody.bool(entry, "consistent_read");
    List<String> attributes = MagnetoDbBody.strings(entry, "attributes_to_get");
    Json rawKeys = MagnetoDbBody.required(entry, "keys");
    if (!(rawKeys instanceof Json.Arr array)) {
      throw MagnetoDbBody.wrongType("keys", "Array", rawKeys);
    }
    MagnetoDbBody.onlyKnown(name, entry, TABLE_MEMBERS);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (Json element : array.elements()) {
      if (!(element instanceof Json.Obj key)) {
        throw MagnetoDbBody.wrongType("keys' item", "Object", element);
      }
      Map<String, AttributeValue> typed = new LinkedHashMap<>();
      key.members().forEach((attribute, typedValue) ->
          typed.put(attribute, MagnetoDbBody.typed(typedValue)));
      keys.add(typed);
    }
    BatchGetItem.TableKeys domain = BatchGetItem.TableKeys.of(keys)
        .withProjection(MagnetoDbItemOperations.projection(entry));
    return new TableRequest(attributes, consistent,
        Boolean.TRUE.equals(consistent) ? domain.stronglyConsistent() : domain);
  }

  private static byte[] encode(BatchGetItem.Result result, Map<String, TableRequest> tables)
      throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeObjectFieldStart("responses");
    for (Map.Entry<String, List<Item>> e : result.responses().entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      out.items(e.getKey(), e.getValue());
    }
    out.json().writeEndObject();
    out.json().writeObjectFieldStart("unprocessed_keys");
    for (Map.Entry<String, List<Map<String, AttributeValue>>> e
        : result.unprocessedKeys().entrySet()) {
      TableRequest t = tables.get(e.getKey());
      out.json().writeObjectFieldStart(e.getKey());
      out.json().writeArrayFieldStart("keys");
      for (Map<String, AttributeValue> key : e.getValue()) {
        out.attributes(key);
      }
      out.json().writeEndArray();
      if (t.attributesToGet() != null) {
        out.strings("attributes_to_get", t.attributesToGet());
      }
      if (Boolean.TRUE.equals(t.consistentRead())) {
        out.json().writeBooleanField("consistent_read", true);
      }
      out.json().writeEndObject();
    }
    out.json().writeEndObject();
    out.json().writeEndObject();
    return out.finish();
  }
}
