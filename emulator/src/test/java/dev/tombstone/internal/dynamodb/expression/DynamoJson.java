package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.SetValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only decoding of DynamoDB JSON values (as parsed by {@link JsonReader}) with DynamoDB's
 * AttributeValue validation messages (dynamodb-api.md §2.9). The protocol layer owns the real one.
 */
final class DynamoJson {
  private static final String INVALID = "One or more parameter values were invalid: ";

  private DynamoJson() {}

  /** An item from {@code {"name": {"S": "x"}, ...}}. */
  static Item item(Map<String, Object> json) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    json.forEach((name, value) -> attributes.put(name, value(value)));
    return Item.of(attributes);
  }

  /**
   * One AttributeValue.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message for an invalid value
   */
  @SuppressWarnings("unchecked")
  static AttributeValue value(Object json) {
    if (!(json instanceof Map<?, ?> map) || map.isEmpty()) {
      throw empty();
    }
    AttributeValue result = null;
    int types = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      AttributeValue decoded = member((String) e.getKey(), e.getValue());
      if (decoded != null) {
        result = decoded;
        types++;
      }
    }
    if (types == 0) {
      throw empty();
    }
    if (types > 1) {
      throw new DynamoDbError.Validation("Supplied AttributeValue has more than one datatypes set,"
          + " must contain exactly one of the supported datatypes");
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static AttributeValue member(String type, Object json) {
    switch (type) {
      case "S":
        return AttributeValue.s((String) json);
      case "N":
        return AttributeValue.N.parse((String) json);
      case "B":
        return new AttributeValue.B(Bytes.fromBase64((String) json));
      case "BOOL":
        return AttributeValue.bool((Boolean) json);
      case "NULL":
        if (!Boolean.TRUE.equals(json)) {
          throw new DynamoDbError.Validation(
              INVALID + "Null attribute value types must have the value of true");
        }
        return AttributeValue.nul();
      case "SS":
        return SetValidation.stringSet((List<String>) json);
      case "NS":
        return SetValidation.numberSet((List<String>) json);
      case "BS": {
        List<Bytes> bytes = new ArrayList<>();
        for (Object element : (List<Object>) json) {
          bytes.add(Bytes.fromBase64((String) element));
        }
        return SetValidation.binarySet(bytes);
      }
      case "L": {
        List<AttributeValue> values = new ArrayList<>();
        for (Object element : (List<Object>) json) {
          values.add(value(element));
        }
        return new AttributeValue.L(values);
      }
      case "M": {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        ((Map<String, Object>) json).forEach((k, v) -> values.put(k, value(v)));
        return new AttributeValue.M(values);
      }
      default:
        return null;
    }
  }

  private static DynamoDbError.Validation empty() {
    return new DynamoDbError.Validation(
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  }
}
