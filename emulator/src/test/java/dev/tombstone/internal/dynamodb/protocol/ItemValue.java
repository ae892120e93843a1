package dev.tombstone.internal.dynamodb.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The item model test's attribute values, the few types its items hold, in a form whose
 * {@code equals} is DynamoDB's equality: numbers by value, sets as sets, maps by entries.
 */
sealed interface ItemValue {
  JsonNodeFactory JSON = JsonNodeFactory.instance;

  record S(String value) implements ItemValue {}

  record N(BigDecimal value) implements ItemValue {
    public N {
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    static N of(long value) {
      return new N(BigDecimal.valueOf(value));
    }
  }

  record Ss(SortedSet<String> values) implements ItemValue {
    public Ss {
      values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
  }

  record M(SortedMap<String, ItemValue> members) implements ItemValue {
    public M {
      members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
    }
  }

  record Bool(boolean value) implements ItemValue {}

  /** The value in DynamoDB JSON, e.g. {@code {"N":"3"}}. */
  default ObjectNode json() {
    return json(false);
  }

  /**
   * The value in DynamoDB JSON; {@code respelled}, the same value written another way: a
   * number with a fraction of zeros ({@code "3.0"}), a set in reverse order.
   */
  default ObjectNode json(boolean respelled) {
    ObjectNode node = JSON.objectNode();
    if (this instanceof S s) {
      node.put("S", s.value());
    } else if (this instanceof N n) {
      String plain = n.value().toPlainString();
      node.put("N", respelled && n.value().scale() <= 0 ? plain + ".0" : plain);
    } else if (this instanceof Ss ss) {
      List<String> members = new ArrayList<>(ss.values());
      if (respelled) {
        Collections.reverse(members);
      }
      members.forEach(node.putArray("SS")::add);
    } else if (this instanceof M m) {
      node.set("M", item(m.members(), respelled));
    } else if (this instanceof Bool b) {
      node.put("BOOL", b.value());
    }
    return node;
  }

  /** An item or key in DynamoDB JSON. */
  static ObjectNode item(Map<String, ItemValue> attributes) {
    return item(attributes, false);
  }

  /** An item or key in DynamoDB JSON, its values {@linkplain #json(boolean) respelled}. */
  static ObjectNode item(Map<String, ItemValue> attributes, boolean respelled) {
    ObjectNode node = JSON.objectNode();
    attributes.forEach((name, value) -> node.set(name, value.json(respelled)));
    return node;
  }

  /** Reads a value the test's items can hold; anything else fails the test. */
  static ItemValue read(JsonNode node) {
    if (node == null || !node.isObject() || node.size() != 1) {
      throw new AssertionError("not a single-typed AttributeValue: " + node);
    }
    Map.Entry<String, JsonNode> typed = node.fields().next();
    JsonNode value = typed.getValue();
    return switch (typed.getKey()) {
      case "S" -> new S(value.textValue());
      case "N" -> new N(new BigDecimal(value.textValue()));
      case "BOOL" -> new Bool(value.booleanValue());
      case "SS" -> {
        List<String> members = new ArrayList<>();
        value.forEach(member -> members.add(member.textValue()));
        if (members.size() != new TreeSet<>(members).size()) {
          throw new AssertionError("a string set with duplicates: " + node);
        }
        yield new Ss(new TreeSet<>(members));
      }
      case "M" -> new M(readItem(value));
      default -> throw new AssertionError("an AttributeValue of a type never written: " + node);
    };
  }

  /** Reads an item or key. */
  static SortedMap<String, ItemValue> readItem(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new AssertionError("not an item: " + node);
    }
    SortedMap<String, ItemValue> item = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      item.put(member.getKey(), read(member.getValue()));
    }
    return item;
  }
}
