package dev.tombstone.internal.dynamodb.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, filled as its
 * expressions are written, so that each placeholder is defined and used.
 */
final class ItemPlaceholders {
  private final boolean respell;
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, ItemValue> values = new LinkedHashMap<>();

  /**
   * @param respell whether attribute names are written as {@code #name} placeholders and
   *     values {@linkplain ItemValue#json(boolean) respelled}
   */
  ItemPlaceholders(boolean respell) {
    this.respell = respell;
  }

  boolean respell() {
    return respell;
  }

  /** The text that names {@code attribute} in an expression. */
  String name(String attribute) {
    if (!respell) {
      return attribute;
    }
    String placeholder = "#" + attribute;
    names.put(placeholder, attribute);
    return placeholder;
  }

  /** A fresh {@code :vN} placeholder for {@code value}. */
  String value(ItemValue value) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    return placeholder;
  }

  /** Adds the maps that have entries to {@code request}. */
  void addTo(ObjectNode request) {
    if (!names.isEmpty()) {
      ObjectNode node = request.putObject("ExpressionAttributeNames");
      names.forEach(node::put);
    }
    if (!values.isEmpty()) {
      request.set("ExpressionAttributeValues", ItemValue.item(values, respell));
    }
  }
}
