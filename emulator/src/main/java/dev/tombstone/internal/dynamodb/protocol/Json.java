package dev.tombstone.internal.dynamodb.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A parsed JSON request body. DynamoDB checks JSON types per declared member, in the order of the
 * operation's shape, before any validation; a small tree makes that order easy to follow.
 */
sealed interface Json {
  /**
   * DynamoDB allows attribute names up to 65,535 bytes, past Jackson's default name limit;
   * names are bounded by the 16 MB body instead, and longer ones get DynamoDB's own message.
   */
  JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxNameLength(16 * 1024 * 1024).build())
      .build();

  /** The JSON type name used in DynamoDB's serialization messages. */
  String kind();

  record Obj(Map<String, Json> members) implements Json {
    Json get(String name) {
      Json value = members.get(name);
      return value instanceof Null ? null : value;
    }

    boolean has(String name) {
      return get(name) != null;
    }

    @Override
    public String kind() {
      return "object";
    }
  }

  record Arr(List<Json> elements) implements Json {
    @Override
    public String kind() {
      return "array";
    }
  }

  record Str(String value) implements Json {
    @Override
    public String kind() {
      return "string";
    }
  }

  /** @param integral whether the literal had no fraction or exponent */
  record Num(String text, boolean integral) implements Json {
    @Override
    public String kind() {
      return "number";
    }
  }

  record Bool(boolean value) implements Json {
    @Override
    public String kind() {
      return "boolean";
    }
  }

  record Null() implements Json {
    static final Null INSTANCE = new Null();

    @Override
    public String kind() {
      return "null";
    }
  }

  /**
   * Parses one JSON document: with {@link JsonScanner} when it reads the document, which builds
   * the tree Jackson would, and with Jackson otherwise.
   *
   * @throws IOException when the bytes are not exactly one JSON value
   */
  static Json parse(byte[] body) throws IOException {
    Json scanned = JsonScanner.scan(body);
    return scanned != null ? scanned : parseWithJackson(body);
  }

  /**
   * Parses one JSON document with Jackson, which reads every document and gives every error.
   *
   * @throws IOException when the bytes are not exactly one JSON value
   */
  static Json parseWithJackson(byte[] body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("empty document");
      }
      Json value = read(parser, first, new JsonStack());
      if (parser.nextToken() != null) {
        throw new IOException("trailing content");
      }
      return value;
    }
  }

  /**
   * Parses JSON documents that follow one another, with or without whitespace between them
   * (as {@code {"a":1}{"b":2}}), handing each to {@code each} as soon as it is complete, until
   * {@code each} answers false.
   *
   * @throws IOException at the first bytes that do not continue a document; the documents
   *     before them have been handed over
   */
  static void parseSequence(byte[] text, Predicate<Json> each) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonStack stack = new JsonStack();
      JsonToken first;
      while ((first = parser.nextToken()) != null) {
        if (!each.test(read(parser, first, stack))) {
          return;
        }
      }
    }
  }

  private static Json read(JsonParser parser, JsonToken token, JsonStack stack)
      throws IOException {
    switch (token) {
      case START_OBJECT -> {
        int start = stack.open();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          stack.member(name, read(parser, parser.nextToken(), stack));
        }
        return new Obj(stack.closeObject(start));
      }
      case START_ARRAY -> {
        int start = stack.open();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          stack.element(read(parser, next, stack));
        }
        return new Arr(stack.closeArray(start));
      }
      case VALUE_STRING -> {
        return new Str(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new Num(parser.getText(), true);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Num(parser.getText(), false);
      }
      case VALUE_TRUE -> {
        return new Bool(true);
      }
      case VALUE_FALSE -> {
        return new Bool(false);
      }
      case VALUE_NULL -> {
        return Null.INSTANCE;
      }
      default -> throw new IOException("unexpected token " + token);
    }
  }
}
