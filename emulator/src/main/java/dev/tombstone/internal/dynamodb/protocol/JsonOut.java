package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.ConsumedCapacity;
import dev.tombstone.dynamodb.Item;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes a compact JSON response body straight from domain values. */
final class JsonOut {
  private final JsonWriter json = JsonWriter.take();

  /** The writer, for members without a helper here. */
  JsonWriter json() {
    return json;
  }

  /** The bytes written; this writer is done then. */
  byte[] finish() {
    return json.toByteArray();
  }

  void item(String field, Item item) {
    json.writeFieldName(field);
    attributes(item.attributes());
  }

  /** {@code field} as an array of items. */
  void items(String field, Iterable<Item> items) {
    json.writeArrayFieldStart(field);
    for (Item item : items) {
      attributes(item.attributes());
    }
    json.writeEndArray();
  }

  /** {@code field} as an array of strings. */
  void strings(String field, Iterable<String> values) {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  void attributes(Map<String, AttributeValue> attributes) {
    json.writeStartObject();
    for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
      json.writeFieldName(e.getKey());
      value(e.getValue());
    }
    json.writeEndObject();
  }

  void value(AttributeValue value) {
    json.writeStartObject();
    json.writeFieldName(value.type().name());
    if (value instanceof AttributeValue.S s) {
      json.writeString(s.value());
    } else if (value instanceof AttributeValue.N n) {
      json.writeString(n.text());
    } else if (value instanceof AttributeValue.B b) {
      json.writeString(b.value().toBase64());
    } else if (value instanceof AttributeValue.Bool b) {
      json.writeBoolean(b.value());
    } else if (value instanceof AttributeValue.Null) {
      json.writeBoolean(true);
    } else if (value instanceof AttributeValue.SS ss) {
      json.writeStartArray();
      for (String s : ss.values()) {
        json.writeString(s);
      }
      json.writeEndArray();
    } else if (value instanceof AttributeValue.NS ns) {
      json.writeStartArray();
      for (BigDecimal n : ns.values()) {
        json.writeString(n.toPlainString());
      }
      json.writeEndArray();
    } else if (value instanceof AttributeValue.BS bs) {
      json.writeStartArray();
      for (Bytes b : bs.values()) {
        json.writeString(b.toBase64());
      }
      json.writeEndArray();
    } else if (value instanceof AttributeValue.L l) {
      json.writeStartArray();
      for (AttributeValue element : l.values()) {
        value(element);
      }
      json.writeEndArray();
    } else {
      attributes(((AttributeValue.M) value).values());
    }
    json.writeEndObject();
  }

  /** {@code ConsumedCapacity} for TOTAL or INDEXES; nothing for NONE or absent. */
  void consumedCapacity(String field, ConsumedCapacity capacity, String mode) {
    if (mode == null || mode.equals("NONE")) {
      return;
    }
    json.writeFieldName(field);
    capacity(capacity, mode);
  }

  /** The {@code ConsumedCapacity} array for TOTAL or INDEXES; nothing for NONE or absent. */
  void capacities(List<ConsumedCapacity> capacities, String mode) {
    if (mode == null || mode.equals("NONE")) {
      return;
    }
    json.writeArrayFieldStart("ConsumedCapacity");
    for (ConsumedCapacity capacity : capacities) {
      capacity(capacity, mode);
    }
    json.writeEndArray();
  }

  void capacity(ConsumedCapacity capacity, String mode) {
    json.writeStartObject();
    json.writeNumberField("CapacityUnits", capacity.total());
    json.writeStringField("TableName", capacity.tableName());
    if (mode.equals("INDEXES")) {
      json.writeObjectFieldStart("Table");
      json.writeNumberField("CapacityUnits", capacity.table());
      json.writeEndObject();
      indexUnits("GlobalSecondaryIndexes", capacity.globalIndexes());
      indexUnits("LocalSecondaryIndexes", capacity.localIndexes());
    }
    json.writeEndObject();
  }

  private void indexUnits(String field, Map<String, Double> units) {
    if (units.isEmpty()) {
      return;
    }
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, Double> e : units.entrySet()) {
      json.writeObjectFieldStart(e.getKey());
      json.writeNumberField("CapacityUnits", e.getValue());
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
