package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 2011-12-05 key shapes: a {@code Key} of {@code HashKeyElement} and {@code
 * RangeKeyElement}, positional rather than named, translated to and from the named keys of the
 * store by the table's key schema.
 */
final class Legacy2011Keys {
  static final String HASH = "HashKeyElement";
  static final String RANGE = "RangeKeyElement";

  private Legacy2011Keys() {}

  /**
   * A positional key as read off the wire, its values not yet checked.
   *
   * @param problem the first invalid AttributeValue's message, or null
   */
  record Positional(AttributeValue hash, AttributeValue range, String problem) {
    /** Throws the first invalid value's problem, as DynamoDB reports it before the table. */
    Positional valid() {
      if (problem != null) {
        throw new DynamoDbError.Validation(problem);
      }
      return this;
    }

    /** The key named by {@code schema}; a missing or extra element does not match it. */
    Map<String, AttributeValue> named(KeySchema schema) {
      if (hash == null || (range == null) != (schema.sortKey() == null)) {
        throw ServiceErrors.keyMismatch();
      }
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      key.put(schema.partitionKey().name(), hash);
      if (range != null) {
        key.put(schema.sortKey().name(), range);
      }
      return key;
    }
  }

  /** Reads a {@code Key}-shaped member; null when absent. */
  static Positional read(Json.Obj parent, String member, AttributeValueDecoder decoder) {
    Json.Obj key = Members.structure(parent.get(member));
    return key == null ? null : of(key, decoder);
  }

  /** Reads a {@code Key} structure, such as one element of BatchGetItem's {@code Keys}. */
  static Positional of(Json.Obj key, AttributeValueDecoder decoder) {
    AttributeValueDecoder.Result hash = decoder.single(key.get(HASH));
    AttributeValueDecoder.Result range = decoder.single(key.get(RANGE));
    String problem = hash != null && hash.problem != null ? hash.problem
        : range != null ? range.problem : null;
    return new Positional(hash == null ? null : hash.value, range == null ? null : range.value,
        problem);
  }

  /** Writes the key of {@code item} in the positional shape. */
  static void write(JsonOut out, String field, KeySchema schema, Item item) throws IOException {
    out.json().writeFieldName(field);
    writeValue(out, schema, item);
  }

  /** Writes the key of {@code item} in the positional shape, as a value (e.g. in an array). */
  static void writeValue(JsonOut out, KeySchema schema, Item item) throws IOException {
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeFieldName(HASH);
    out.value(item.get(schema.partitionKey().name()));
    if (schema.sortKey() != null) {
      json.writeFieldName(RANGE);
      out.value(item.get(schema.sortKey().name()));
    }
    json.writeEndObject();
  }

  /** Writes a 2011 {@code KeySchema}: attribute name and type per element. */
  static void writeSchema(JsonWriter json, KeySchema schema) throws IOException {
    json.writeObjectFieldStart("KeySchema");
    element(json, HASH, schema.partitionKey());
    if (schema.sortKey() != null) {
      element(json, RANGE, schema.sortKey());
    }
    json.writeEndObject();
  }

  private static void element(JsonWriter json, String field, KeyAttribute attribute)
      throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("AttributeName", attribute.name());
    json.writeStringField("AttributeType", attribute.type().name());
    json.writeEndObject();
  }
}
