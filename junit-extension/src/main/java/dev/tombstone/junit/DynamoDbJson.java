package dev.tombstone.junit;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads DynamoDB JSON items ({@code {"UserId": {"S": "u1"}}}) into the emulator's values. */
final class DynamoDbJson {
  private DynamoDbJson() {}

  /**
   * The items of a fixture: {@code {"Items": [...]}} as {@code aws dynamodb scan} prints it, or a
   * plain array of items.
   */
  static List<Map<String, AttributeValue>> items(String json) {
    Object root = Json.parse(json);
    if (root instanceof Map<?, ?> map && map.get("Items") instanceof List<?> list) {
      root = list;
    }
    if (!(root instanceof List<?> list)) {
      throw new IllegalArgumentException(
          "expected {\"Items\": [...]} (the output of aws dynamodb scan) or an array of items");
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        items.add(item(list.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("item " + i + ": " + e.getMessage(), e);
      }
    }
    return items;
  }

  private static Map<String, AttributeValue> item(Object json) {
    if (!(json instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("an item must be a JSON object");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      try {
        item.put((String) e.getKey(), value(e.getValue()));
      } catch (IllegalArgumentException | ClassCastException ex) {
        throw new IllegalArgumentException("attribute " + e.getKey() + ": " + ex.getMessage(), ex);
      }
    }
    return item;
  }

  private static AttributeValue value(Object json) {
    if (!(json instanceof Map<?, ?> typed) || typed.size() != 1) {
      throw new IllegalArgumentException(
          "expected one type and its value, e.g. {\"S\": \"text\"}, but got " + json);
    }
    Map.Entry<?, ?> entry = typed.entrySet().iterator().next();
    Object v = entry.getValue();
    switch ((String) entry.getKey()) {
      case "S":
        return new AttributeValue.S((String) v);
      case "N":
        return AttributeValue.N.parse(v instanceof BigDecimal n ? n.toPlainString() : (String) v);
      case "B":
        return new AttributeValue.B(Bytes.fromBase64((String) v));
      case "BOOL":
        return AttributeValue.bool((Boolean) v);
      case "NULL":
        return AttributeValue.nul();
      case "SS": {
        Set<String> set = new LinkedHashSet<>();
        for (Object o : (List<?>) v) {
          set.add((String) o);
        }
        return new AttributeValue.SS(set);
      }
      case "NS": {
        List<String> texts = new ArrayList<>();
        for (Object o : (List<?>) v) {
          texts.add(o instanceof BigDecimal n ? n.toPlainString() : (String) o);
        }
        return AttributeValue.ns(texts.toArray(String[]::new));
      }
      case "BS": {
        Set<Bytes> set = new LinkedHashSet<>();
        for (Object o : (List<?>) v) {
          set.add(Bytes.fromBase64((String) o));
        }
        return new AttributeValue.BS(set);
      }
      case "L": {
        List<AttributeValue> values = new ArrayList<>();
        for (Object o : (List<?>) v) {
          values.add(value(o));
        }
        return new AttributeValue.L(values);
      }
      case "M":
        return new AttributeValue.M(item(v));
      default:
        throw new IllegalArgumentException("unknown type " + entry.getKey()
            + "; expected one of S, N, B, BOOL, NULL, SS, NS, BS, L, M");
    }
  }
}
