package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition.IndexDefinition;
import dev.tombstone.dynamodb.TableDescription;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code local_secondary_indexes} of MagnetoDB's create_table, in the documentation's shape
 * ({@code index_name}, {@code key_schema}, {@code projection} with {@code projection_type} and
 * {@code non_key_attributes}), checked with MagnetoDB's messages and DynamoDB's limits, and
 * their description in describe_table.
 */
final class MagnetoDbLocalIndexes {
  private static final Set<String> INDEX_MEMBERS = Set.of("index_name", "key_schema",
      "projection");
  private static final Set<String> PROJECTION_MEMBERS =
      Set.of("projection_type", "non_key_attributes");
  private static final Pattern INDEX_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private MagnetoDbLocalIndexes() {}

  /** The indexes a create_table body asks for on a table keyed by {@code table}; may be empty. */
  static List<IndexDefinition> parse(Json.Obj body, KeySchema table,
      Map<String, AttributeType> types) {
    Json value = body.get("local_secondary_indexes");
    // create_table.py tested the member for truth: absent, null or [] is no index.
    if (value == null || value instanceof Json.Arr a && a.elements().isEmpty()) {
      return List.of();
    }
    if (!(value instanceof Json.Arr array)) {
      throw MagnetoDbBody.wrongType("local_secondary_indexes", "List", value);
    }
    for (Json element : array.elements()) {
      if (!(element instanceof Json.Obj)) {
        throw MagnetoDbBody.wrongType("local_secondary_indexes", "List of Objects", value);
      }
    }
    List<IndexDefinition> indexes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Json element : array.elements()) {
      IndexDefinition index = index((Json.Obj) element, types);
      names.add(index.name());
      indexes.add(index);
    }
    if (names.size() < indexes.size()) {
      throw MagnetoDbError.validation("Two or more indexes with the same name");
    }
    if (table.sortKey() == null) {
      throw MagnetoDbError.validation(
          "Table without range key in primary key schema can not have indices");
    }
    Set<String> rangeKeys = new HashSet<>();
    rangeKeys.add(table.sortKey().name());
    for (IndexDefinition index : indexes) {
      if (!rangeKeys.add(index.keySchema().sortKey().name())) {
        throw MagnetoDbError.validation("Table and its indices must have unique key schema");
      }
    }
    for (IndexDefinition index : indexes) {
      if (!index.keySchema().partitionKey().name().equals(table.partitionKey().name())) {
        throw MagnetoDbError.validation("Hash key of index '" + index.name()
            + "' must be the same as primary key's hash key.");
      }
    }
    // MagnetoDB set no limits of its own; these are DynamoDB's CreateTable's.
    if (indexes.size() > SecondaryIndexes.MAX_LOCAL) {
      throw MagnetoDbError.validation(ServiceErrors.invalidParameters(
          "Number of LocalSecondaryIndexes exceeds per-table limit of "
              + SecondaryIndexes.MAX_LOCAL).getMessage());
    }
    try {
      SecondaryIndexes.checkProjectedTotal(indexes, List.of());
    } catch (DynamoDbError e) {
      throw MagnetoDbError.validation(e.getMessage());
    }
    return indexes;
  }

  /** One index, read as MagnetoDB's parser read it: key schema, name, projection, the rest. */
  private static IndexDefinition index(Json.Obj index, Map<String, AttributeType> types) {
    Json keyValue = MagnetoDbBody.required(index, "key_schema");
    if (!(keyValue instanceof Json.Arr keyArray)) {
      throw MagnetoDbBody.wrongType("key_schema", "List", keyValue);
    }
    List<KeyAttribute> key = new ArrayList<>();
    for (Json element : keyArray.elements()) {
      if (!(element instanceof Json.Obj keyElement)) {
        throw MagnetoDbBody.wrongType("key_schema' item", "Object", element);
      }
      key.add(MagnetoDbTableOperations.keyAttribute(keyElement, key, types));
    }
    if (key.size() < 2) {
      throw MagnetoDbError.validation(key.isEmpty() ? "HASH key is missing"
          : "Range key in index wasn't specified");
    }
    MagnetoDbBody.required(index, "index_name");
    String name = MagnetoDbBody.string(index, "index_name");
    if (!INDEX_NAME.matcher(name).matches()) {
      throw MagnetoDbError.validation("Wrong index name '" + name + "' found");
    }
    Json.Obj projection = MagnetoDbBody.object(index, "projection", false);
    String type = "ALL";
    List<String> nonKey = List.of();
    if (projection != null) {
      // The original's default type was INCLUDE, which without attributes projected them all.
      String asked = MagnetoDbBody.string(projection, "projection_type");
      List<String> attributes = MagnetoDbBody.strings(projection, "non_key_attributes");
      asked = asked == null ? "INCLUDE" : asked;
      if (!asked.equals("ALL") && !asked.equals("KEYS_ONLY") && !asked.equals("INCLUDE")) {
        throw MagnetoDbError.validation("Only 'ALL', 'KEYS_ONLY' or 'INCLUDE' projection types"
            + " are allowed, but '" + asked + "' is found");
      }
      if (attributes != null && !asked.equals("INCLUDE")) {
        throw MagnetoDbBody.unexpected("projection", new Json.Obj(
            Map.of("non_key_attributes", projection.get("non_key_attributes"))));
      }
      MagnetoDbBody.onlyKnown("projection", projection, PROJECTION_MEMBERS);
      type = asked.equals("INCLUDE") && attributes == null ? "ALL" : asked;
      // MagnetoDB kept the attributes as a set.
      nonKey = attributes == null ? List.of() : List.copyOf(new LinkedHashSet<>(attributes));
    }
    MagnetoDbBody.onlyKnown("local_secondary_index", index, INDEX_MEMBERS);
    return new IndexDefinition(name, KeySchema.of(key.get(0), key.get(1)), type, nonKey, 0, 0);
  }

  /** The indexes as describe_table and create_table answered them. */
  static void write(JsonWriter json, List<IndexDefinition> indexes,
      TableDescription description) throws IOException {
    json.writeArrayFieldStart("local_secondary_indexes");
    for (IndexDefinition index : indexes) {
      TableDescription.IndexStatistics statistics = description.indexStatistics()
          .getOrDefault(index.name(), TableDescription.IndexStatistics.EMPTY);
      json.writeStartObject();
      json.writeStringField("index_name", index.name());
      json.writeNumberField("index_size_bytes", statistics.sizeInBytes());
      json.writeNumberField("item_count", statistics.itemCount());
      json.writeArrayFieldStart("key_schema");
      MagnetoDbTableOperations.keyElement(json, index.keySchema().partitionKey(), "HASH");
      MagnetoDbTableOperations.keyElement(json, index.keySchema().sortKey(), "RANGE");
      json.writeEndArray();
      json.writeObjectFieldStart("projection");
      json.writeStringField("projection_type", index.projectionType());
      if (index.projectionType().equals("INCLUDE")) {
        json.writeArrayFieldStart("non_key_attributes");
        for (String attribute : index.nonKeyAttributes()) {
          json.writeString(attribute);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
