package dev.tombstone.internal.s3.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A POST policy: when it expires and the conditions a form must meet (S3 developer guide, "POST
 * Policy"). Refusals are 400 InvalidPolicyDocument "Invalid Policy: ..." with the texts S3
 * answered where a capture shows them (Invalid JSON, Unexpected, Invalid 'expiration' value, the
 * Simple-Condition texts, missing operation identifier); the others follow those.
 */
record PostPolicy(Instant expiration, List<PostCondition> conditions) {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_DEPTH = 16;
  private static final Pattern ISO_8601_UTC =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  private static final String INVALID_JSON = "Invalid JSON.";

  PostPolicy {
    conditions = List.copyOf(conditions);
  }

  /** @throws WireError InvalidPolicyDocument */
  static PostPolicy parse(String base64) {
    byte[] json;
    try {
      json = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw PostErrors.invalidPolicy("invalid Base64 encoding.");
    }
    if (!(read(json) instanceof Map<?, ?> document)) {
      throw PostErrors.invalidPolicy(INVALID_JSON);
    }
    for (Object name : document.keySet()) {
      if (!name.equals("expiration") && !name.equals("conditions")) {
        throw PostErrors.invalidPolicy("Unexpected: '" + ((String) name).toLowerCase(Locale.ROOT)
            + "'");
      }
    }
    if (!document.containsKey("expiration")) {
      throw PostErrors.invalidPolicy("Policy missing expiration.");
    }
    if (!document.containsKey("conditions")) {
      throw PostErrors.invalidPolicy("Policy missing conditions.");
    }
    Instant expiration = expiration(document.get("expiration"));
    if (!(document.get("conditions") instanceof List<?> list)) {
      throw PostErrors.invalidPolicy("Invalid 'conditions' value: must be a List.");
    }
    List<PostCondition> conditions = new ArrayList<>();
    for (Object condition : list) {
      conditions.add(condition(condition));
    }
    return new PostPolicy(expiration, conditions);
  }

  private static Instant expiration(Object value) {
    String text = value instanceof Text string ? string.text() : String.valueOf(value);
    if (value instanceof Text && ISO_8601_UTC.matcher(text).matches()) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        // a date that does not exist, such as February 30: refused below
      }
    }
    throw PostErrors.invalidPolicy("Invalid 'expiration' value: '" + text + "'");
  }

  private static PostCondition condition(Object condition) {
    if (condition instanceof Map<?, ?> simple) {
      if (simple.size() != 1) {
        throw PostErrors.invalidPolicy("Invalid Simple-Condition: Simple-Conditions must have"
            + " exactly one property specified.");
      }
      Map.Entry<?, ?> only = simple.entrySet().iterator().next();
      if (only.getValue() == null) {
        throw PostErrors.invalidPolicy(INVALID_JSON);
      }
      if (!(only.getValue() instanceof Text value)) {
        throw PostErrors.invalidPolicy("Invalid Simple-Condition: value must be a string.");
      }
      return new PostCondition.Match("eq", "$" + only.getKey(), value.text());
    }
    if (!(condition instanceof List<?> test)) {
      throw PostErrors.invalidPolicy("Invalid condition test: must be a List or Object.");
    }
    if (test.isEmpty() || !(test.get(0) instanceof Text operation)) {
      throw PostErrors.invalidPolicy("Invalid Condition: missing operation identifier.");
    }
    String op = operation.text().toLowerCase(Locale.ROOT);
    if (!op.equals("eq") && !op.equals("starts-with") && !op.equals("content-length-range")) {
      throw PostErrors.invalidPolicy("Invalid Condition: unknown operation '"
          + operation.text() + "'.");
    }
    if (test.size() != 3) {
      throw PostErrors.invalidPolicy("Invalid " + operation.text()
          + ": wrong number of arguments.");
    }
    if (op.equals("content-length-range")) {
      return new PostCondition.LengthRange(operation.text(), bound(test.get(1)),
          bound(test.get(2)));
    }
    if (!(test.get(1) instanceof Text operand) || !(test.get(2) instanceof Text value)) {
      throw PostErrors.invalidPolicy(INVALID_JSON);
    }
    return new PostCondition.Match(operation.text(), operand.text(), value.text());
  }

  // S3 takes a bound as an integer or a string ("5"); a fraction is not JSON to it.
  private static PostCondition.Bound bound(Object value) {
    if (value instanceof Text text) {
      return new PostCondition.Bound(text.text(), true);
    }
    if (value instanceof Whole whole) {
      return new PostCondition.Bound(whole.text(), false);
    }
    throw PostErrors.invalidPolicy(INVALID_JSON);
  }

  /** A JSON string of the document. */
  private record Text(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A JSON number without fraction or exponent. */
  private record Whole(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A JSON number with a fraction or an exponent. */
  private record Fraction(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** The document as maps, lists, Text, Whole, Fraction, Boolean and null. */
  private static Object read(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw PostErrors.invalidPolicy(INVALID_JSON);
      }
      Object value = value(parser, first, 0);
      if (parser.nextToken() != null) {
        throw PostErrors.invalidPolicy(INVALID_JSON);
      }
      return value;
    } catch (IOException e) {
      throw PostErrors.invalidPolicy(INVALID_JSON);
    }
  }

  private static Object value(JsonParser parser, JsonToken token, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw PostErrors.invalidPolicy(INVALID_JSON);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          map.put(name, value(parser, parser.nextToken(), depth + 1));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(value(parser, t, depth + 1));
        }
        return list;
      }
      case VALUE_STRING -> {
        return new Text(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new Whole(parser.getText());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Fraction(parser.getText());
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
}
