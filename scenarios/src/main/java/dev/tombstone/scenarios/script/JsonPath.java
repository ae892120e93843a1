package dev.tombstone.scenarios.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A path into a JSON document: {@code $} is the whole document, otherwise member names and
 * array indexes separated by dots ({@code Items.0.UserId.S}). Deliberately tiny, so that the
 * generated Postman scripts walk it the same way with a few lines of JavaScript.
 */
public final class JsonPath {
  private JsonPath() {}

  /** The segments of {@code path}; empty for {@code $}. */
  public static List<String> segments(String path) {
    if (path.equals("$")) {
      return List.of();
    }
    if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw new IllegalArgumentException("invalid JSON path '" + path + "'");
    }
    return List.of(path.split("\\."));
  }

  /** The node at {@code path}, or {@code null} when it is absent. */
  public static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String segment : segments(path)) {
      if (node == null) {
        return null;
      }
      if (node.isObject()) {
        node = node.get(segment);
      } else if (node.isArray() && segment.chars().allMatch(Character::isDigit)) {
        node = node.get(Integer.parseInt(segment));
      } else {
        return null;
      }
    }
    return node;
  }
}
