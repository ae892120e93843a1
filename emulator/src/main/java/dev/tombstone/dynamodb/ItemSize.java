package dev.tombstone.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** DynamoDB's item-size rules, used for capacity units and the 400 KB item limit. */
final class ItemSize {
  private ItemSize() {}

  static int of(Map<String, AttributeValue> attributes) {
    int total = 0;
    for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
      total += utf8Length(e.getKey()) + of(e.getValue());
    }
    return total;
  }

  static int of(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return utf8Length(s.value());
    } else if (value instanceof AttributeValue.N n) {
      return Numbers.size(n.value());
    } else if (value instanceof AttributeValue.B b) {
      return b.value().length();
    } else if (value instanceof AttributeValue.Bool || value instanceof AttributeValue.Null) {
      return 1;
    } else if (value instanceof AttributeValue.SS ss) {
      int size = 0;
      for (String s : ss.values()) {
        size += utf8Length(s);
      }
      return size;
    } else if (value instanceof AttributeValue.NS ns) {
      int size = 0;
      for (BigDecimal n : ns.values()) {
        size += Numbers.size(n);
      }
      return size;
    } else if (value instanceof AttributeValue.BS bs) {
      int size = 0;
      for (Bytes b : bs.values()) {
        size += b.length();
      }
      return size;
    } else if (value instanceof AttributeValue.L l) {
      int size = 3;
      for (AttributeValue element : l.values()) {
        size += 1 + of(element);
      }
      return size;
    } else {
      int size = 3;
      for (Map.Entry<String, AttributeValue> e : ((AttributeValue.M) value).values().entrySet()) {
        size += 1 + utf8Length(e.getKey()) + of(e.getValue());
      }
      return size;
    }
  }

  static int utf8Length(String s) {
    int ascii = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
      ascii++;
    }
    return ascii;
  }
}
