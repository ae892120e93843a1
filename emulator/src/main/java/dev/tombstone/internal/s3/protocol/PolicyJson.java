package dev.tombstone.internal.s3.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy document as plain values: objects are {@code Map}, arrays {@code List}, strings,
 * booleans, numbers (their text) and null. A policy is at most a few kilobytes, so a tree is
 * cheap; nesting is bounded so no document can exhaust the stack.
 */
final class PolicyJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final int MAX_DEPTH = 64;

  private PolicyJson() {}

  /** The document's value; empty when it is not one JSON value. */
  static Optional<Object> parse(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      Object value = read(parser, first, 0);
      return parser.nextToken() == null ? Optional.ofNullable(value) : Optional.empty();
    } catch (IOException | TooDeep e) {
      return Optional.empty();
    }
  }

  private static Object read(JsonParser parser, JsonToken token, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new TooDeep();
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken(), depth + 1));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(read(parser, t, depth + 1));
        }
        return list;
      }
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return parser.getText();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return token == JsonToken.VALUE_TRUE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + token);
    }
  }

  /**
   * The length of a JSON document without the whitespace between its tokens: what S3 counts
   * against a policy's size limit, so indentation costs nothing.
   */
  static int compactLength(byte[] json) {
    int length = 0;
    boolean inString = false;
    boolean escaped = false;
    for (byte b : json) {
      if (inString) {
        length++;
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        length++;
        inString = b == '"';
      }
    }
    return length;
  }

  /** A document nested deeper than any policy. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super(null, null, false, false);
    }
  }
}
