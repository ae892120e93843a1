package dev.tombstone.internal.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values, in order: objects are {@code LinkedHashMap}, arrays {@code List},
 * numbers {@link Num} (their text, so nothing is rounded), strings, booleans and null. Only for
 * the fault layer, which reads a request when a rule may need it; the protocols use streaming.
 */
final class JsonTree {
  private static final JsonFactory FACTORY = new JsonFactory();
  /** For documents of our own format, where a repeated member is a mistake to report. */
  private static final JsonFactory STRICT = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** A number, kept as its text. */
  record Num(String text) {}

  /** Bad JSON. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private JsonTree() {}

  static Object parse(byte[] json) throws Malformed {
    return parse(FACTORY, json);
  }

  /** As {@link #parse(byte[])}, refusing an object that repeats a member. */
  static Object parseStrict(byte[] json) throws Malformed {
    return parse(STRICT, json);
  }

  private static Object parse(JsonFactory factory, byte[] json) throws Malformed {
    try (JsonParser parser = factory.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new Malformed("the body is empty");
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new Malformed("text after the JSON value");
      }
      return value;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Malformed(e.getOriginalMessage());
    } catch (IOException e) {
      throw new Malformed("not JSON");
    }
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(read(parser, t));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Num(parser.getText());
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + token);
    }
  }

  static byte[] write(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName((String) entry.getKey());
        write(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        write(json, element);
      }
      json.writeEndArray();
    } else if (value instanceof Num num) {
      json.writeNumber(num.text());
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value == null) {
      json.writeNull();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  /** The member {@code name} of {@code value} when it is an object holding one. */
  static Object member(Object value, String name) {
    return value instanceof Map<?, ?> map ? map.get(name) : null;
  }

  static String string(Object value, String name) {
    return member(value, name) instanceof String s ? s : null;
  }
}
