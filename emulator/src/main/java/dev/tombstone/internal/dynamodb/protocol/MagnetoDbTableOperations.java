package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.TableNameRules;
import dev.tombstone.internal.Utf8Order;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** MagnetoDB's create_table, list_tables, describe_table and delete_table, in its shapes. */
final class MagnetoDbTableOperations {
  private MagnetoDbTableOperations() {}

  /**
   * The table a create_table body asks for, checked in full before the project is touched: the
   * table name, each attribute defined once with a 1 to 255 character name, a key schema of a
   * HASH key and maybe a different RANGE key, both defined with a scalar type, local secondary
   * indexes, and no attribute defined that no key uses.
   */
  static TableDefinition definition(Json.Obj body) {
    MagnetoDbBody.onlyKnown(body, Set.of("table_name", "attribute_definitions", "key_schema",
        "local_secondary_indexes"));
    MagnetoDbBody.required(body, "table_name");
    String name = MagnetoDbBody.string(body, "table_name");
    if (!TableNameRules.tableNameViolations(name).isEmpty()) {
      throw MagnetoDbError.validation("Wrong table name '" + name + "' found");
    }
    Map<String, AttributeType> types = attributeTypes(body);
    List<KeyAttribute> key = new ArrayList<>();
    for (Json.Obj element : objects(body, "key_schema")) {
      key.add(keyAttribute(element, key, types));
    }
    if (key.isEmpty()) {
      throw MagnetoDbError.validation("Required property 'key_schema' wasn't found or it's value"
          + " is null");
    }
    KeySchema schema = key.size() == 1 ? KeySchema.of(key.get(0))
        : KeySchema.of(key.get(0), key.get(1));
    List<TableDefinition.IndexDefinition> indexes =
        MagnetoDbLocalIndexes.parse(body, schema, types);
    Set<String> used = new HashSet<>();
    key.forEach(k -> used.add(k.name()));
    indexes.forEach(index -> used.add(index.keySchema().sortKey().name()));
    // DynamoDB's CreateTable refuses definitions no key uses; MagnetoDB did not check, but the
    // table may be in the namespace the DynamoDB APIs share.
    for (String attribute : types.keySet()) {
      if (!used.contains(attribute)) {
        throw MagnetoDbError.validation("Wrong attribute definitions: '" + attribute
            + "' isn't used by the key schema");
      }
    }
    return new TableDefinition(name, schema, types, TableDefinition.BillingMode.PAY_PER_REQUEST,
        0, 0, indexes, List.of(), false);
  }

  /** A created table's answer. */
  static byte[] created(TableDescription table, String base) throws IOException {
    return write("table_description", table, base);
  }

  private static Map<String, AttributeType> attributeTypes(Json.Obj body) {
    Map<String, AttributeType> types = new LinkedHashMap<>();
    for (Json.Obj definition : objects(body, "attribute_definitions")) {
      String attribute = requiredString(definition, "attribute_name");
      String type = requiredString(definition, "attribute_type");
      if (!TableNameRules.isAttributeName(attribute)) {
        throw MagnetoDbError.validation(TableNameRules.ATTRIBUTE_NAME_LENGTH);
      }
      if (!type.matches("S|N|B|SS|NS|BS")) {
        throw MagnetoDbError.validation("Wrong attribute type '" + type + "' found");
      }
      if (types.putIfAbsent(attribute, AttributeType.valueOf(type)) != null) {
        throw MagnetoDbError.validation(
            "Wrong attribute definitions: '" + attribute + "' found more than once");
      }
    }
    return types;
  }

  /** The next element of a key schema that holds {@code key} so far: HASH, then RANGE. */
  static KeyAttribute keyAttribute(Json.Obj element, List<KeyAttribute> key,
      Map<String, AttributeType> types) {
    String attribute = requiredString(element, "attribute_name");
    String keyType = requiredString(element, "key_type");
    if (key.size() == 2) {
      throw wrongKeySchema(keyType, attribute, "no more keys are");
    }
    String expected = key.isEmpty() ? "HASH" : "RANGE";
    if (!keyType.equals(expected)) {
      throw wrongKeySchema(keyType, attribute, expected + " is");
    }
    if (!key.isEmpty() && key.get(0).name().equals(attribute)) {
      throw wrongKeySchema(keyType, attribute, "a key other than the HASH key is");
    }
    AttributeType type = types.get(attribute);
    if (type == null || !type.isScalarKeyType()) {
      throw MagnetoDbError.validation("Couldn't find expected key attributes: '" + attribute
          + "' with a scalar type in attribute_definitions");
    }
    return new KeyAttribute(attribute, type);
  }

  private static MagnetoDbError wrongKeySchema(String keyType, String attribute,
      String expected) {
    return MagnetoDbError.validation("Wrong key schema: '" + keyType + "' key '" + attribute
        + "' found where " + expected + " expected");
  }

  static byte[] describeTable(DynamoDbState state, String table, String base) throws IOException {
    return write("table", state.describeTable(table), base);
  }

  static byte[] deleteTable(DynamoDbState state, String table, String base) throws IOException {
    return write("table_description", state.deleteTable(table), base);
  }

  /** Links to the project's tables, {@code limit} at most, after {@code start} if given. */
  static byte[] listTables(List<String> names, String base, Integer limit, String start)
      throws IOException {
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeArrayFieldStart("tables");
    String last = null;
    int count = 0;
    boolean more = false;
    for (String name : names) {
      if (start != null && Utf8Order.compare(name, start) <= 0) {
        continue;
      }
      if (limit != null && count == limit) {
        more = true;
        break;
      }
      json.writeStartObject();
      json.writeStringField("href", base + "/" + name);
      json.writeStringField("rel", "self");
      json.writeEndObject();
      last = name;
      count++;
    }
    json.writeEndArray();
    if (more) {
      json.writeStringField("last_evaluated_table_name", last);
    }
    json.writeEndObject();
    return out.finish();
  }

  private static byte[] write(String field, TableDescription description, String base)
      throws IOException {
    TableDefinition definition = description.definition();
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeObjectFieldStart(field);
    json.writeArrayFieldStart("attribute_definitions");
    for (Map.Entry<String, AttributeType> e : definition.attributeDefinitions().entrySet()) {
      json.writeStartObject();
      json.writeStringField("attribute_name", e.getKey());
      json.writeStringField("attribute_type", e.getValue().name());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("creation_date_time",
        BigDecimal.valueOf(description.createdAt().toEpochMilli()).movePointLeft(3));
    json.writeNumberField("item_count", description.itemCount());
    json.writeArrayFieldStart("key_schema");
    keyElement(json, definition.keySchema().partitionKey(), "HASH");
    if (definition.keySchema().sortKey() != null) {
      keyElement(json, definition.keySchema().sortKey(), "RANGE");
    }
    json.writeEndArray();
    if (!definition.localSecondaryIndexes().isEmpty()) {
      MagnetoDbLocalIndexes.write(json, definition.localSecondaryIndexes(), description);
    }
    json.writeArrayFieldStart("links");
    for (String rel : List.of("self", "bookmark")) {
      json.writeStartObject();
      json.writeStringField("href", base + "/" + definition.name());
      json.writeStringField("rel", rel);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("table_name", definition.name());
    json.writeNumberField("table_size_bytes", description.sizeInBytes());
    json.writeStringField("table_status", description.status().name());
    json.writeEndObject();
    json.writeEndObject();
    return out.finish();
  }

  static void keyElement(JsonWriter json, KeyAttribute attribute, String keyType)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("attribute_name", attribute.name());
    json.writeStringField("key_type", keyType);
    json.writeEndObject();
  }

  private static List<Json.Obj> objects(Json.Obj body, String member) {
    Json value = MagnetoDbBody.required(body, member);
    if (!(value instanceof Json.Arr array)) {
      throw MagnetoDbBody.wrongType(member, "Array", value);
    }
    List<Json.Obj> objects = new ArrayList<>();
    for (Json element : array.elements()) {
      if (!(element instanceof Json.Obj object)) {
        throw MagnetoDbBody.wrongType(member + "' item", "Object", element);
      }
      objects.add(object);
    }
    return objects;
  }

  private static String requiredString(Json.Obj object, String member) {
    MagnetoDbBody.required(object, member);
    return MagnetoDbBody.string(object, member);
  }
}
