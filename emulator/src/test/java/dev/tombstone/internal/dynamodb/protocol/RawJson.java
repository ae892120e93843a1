package dev.tombstone.internal.dynamodb.protocol;

/** Cuts raw JSON text apart without re-serializing it, so vectors are sent byte for byte. */
final class RawJson {
  private RawJson() {}

  /** The raw text of top-level member {@code name} of a JSON object. */
  static String member(String json, String name) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        int end = endOfString(json, i);
        if (depth == 1 && json.substring(i + 1, end).equals(name)) {
          int colon = json.indexOf(':', end + 1);
          return json.substring(colon + 1, endOfValue(json, colon + 1)).trim();
        }
        i = end;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    throw new IllegalArgumentException("no member " + name + " in " + json);
  }

  /** The members of an object without its braces. */
  static String inner(String object) {
    String trimmed = object.trim();
    return trimmed.substring(1, trimmed.length() - 1).trim();
  }

  private static int endOfString(String json, int quote) {
    for (int i = quote + 1; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw new IllegalArgumentException("unterminated string");
  }

  private static int endOfValue(String json, int start) {
    int depth = 0;
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        i = endOfString(json, i);
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return json.length();
  }
}
