package dev.tombstone.internal.dynamodb.protocol;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads MagnetoDB request bodies the way its JSON-schema checks did: lower-case members, unknown
 * members rejected, typed values in DynamoDB's letters. Every mistake is a {@code ValidationError}
 * whose message embeds the offending JSON, rendered as Python's {@code json.dumps} would.
 */
final class MagnetoDbBody {
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.LEGACY_2011);

  private MagnetoDbBody() {}

  /** The body as a JSON object. */
  static Json.Obj object(byte[] body) {
    Json json;
    try {
      json = Json.parse(body);
    } catch (IOException e) {
      throw MagnetoDbError.validation("Request body is not valid JSON");
    }
    if (json instanceof Json.Obj object) {
      return object;
    }
    throw wrongType("body", "Object", json);
  }

  /** Rejects members of the body outside {@code allowed}, naming all of them. */
  static void onlyKnown(Json.Obj body, Set<String> allowed) {
    onlyKnown("body", body, allowed);
  }

  static MagnetoDbError unexpected(Json.Obj leftovers) {
    return unexpected("body", leftovers);
  }

  /** Unknown members of the object {@code property} (the body, a table, an attribute...). */
  static MagnetoDbError unexpected(String property, Json.Obj leftovers) {
    return MagnetoDbError.validation(
        "Unexpected properties were found for '" + property + "': " + render(leftovers));
  }

  /** Rejects members of {@code object} outside {@code allowed}, naming the object. */
  static void onlyKnown(String property, Json.Obj object, Set<String> allowed) {
    Map<String, Json> leftovers = new LinkedHashMap<>();
    object.members().forEach((name, value) -> {
      if (!allowed.contains(name)) {
        leftovers.put(name, value);
      }
    });
    if (!leftovers.isEmpty()) {
      throw unexpected(property, new Json.Obj(leftovers));
    }
  }

  /** The member as an object, or null when absent; {@code required} makes absence an error. */
  static Json.Obj object(Json.Obj body, String member, boolean required) {
    Json value = required ? required(body, member) : body.get(member);
    if (value == null || value instanceof Json.Obj) {
      return (Json.Obj) value;
    }
    throw wrongType(member, "Object", value);
  }

  static Json required(Json.Obj body, String member) {
    Json value = body.get(member);
    if (value == null) {
      throw missing(member);
    }
    return value;
  }

  /** An attribute map ({@code key}, {@code item}, ...); null when absent and not required. */
  static Map<String, AttributeValue> attributes(Json.Obj body, String member, boolean required) {
    Json value = required ? required(body, member) : body.get(member);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Json.Obj map)) {
      throw wrongType(member, "Object", value);
    }
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : map.members().entrySet()) {
      attributes.put(e.getKey(), typed(e.getValue()));
    }
    return attributes;
  }

  /** One typed value such as {@code {"S":"x"}}. */
  static AttributeValue typed(Json json) {
    AttributeValueDecoder.Result result;
    try {
      result = json instanceof Json.Obj ? DECODER.single(json) : null;
    } catch (SerializationError e) {
      result = null;
    }
    if (result == null || AttributeValueDecoder.EMPTY.equals(result.problem)
        || AttributeValueDecoder.SEVERAL.equals(result.problem)) {
      throw MagnetoDbError.validation(
          "Can't recognize attribute typed value format: '" + render(json) + "'");
    }
    if (result.problem != null) {
      throw MagnetoDbError.validation(result.problem);
    }
    return result.value;
  }

  static String string(Json.Obj body, String member) {
    Json value = body.get(member);
    if (value == null || value instanceof Json.Str) {
      return value == null ? null : ((Json.Str) value).value();
    }
    throw wrongType(member, "String", value);
  }

  static Boolean bool(Json.Obj body, String member) {
    Json value = body.get(member);
    if (value == null || value instanceof Json.Bool) {
      return value == null ? null : ((Json.Bool) value).value();
    }
    throw wrongType(member, "Boolean", value);
  }

  static List<String> strings(Json.Obj body, String member) {
    Json value = body.get(member);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Json.Arr array)) {
      throw wrongType(member, "Array", value);
    }
    List<String> strings = new ArrayList<>();
    for (Json element : array.elements()) {
      if (!(element instanceof Json.Str s)) {
        throw wrongType(member + "' item", "String", element);
      }
      strings.add(s.value());
    }
    return strings;
  }

  /**
   * An integer member checked as MagnetoDB's {@code validate_integer}: a number or a string of
   * one, at least {@code min} and, unless {@code max} is null, at most {@code max}; null when
   * absent.
   */
  static BigInteger integer(Json.Obj body, String member, long min, Long max) {
    Json value = body.get(member);
    if (value == null) {
      return null;
    }
    String text = value instanceof Json.Num n && n.integral() ? n.text()
        : value instanceof Json.Str s && s.value().trim().matches("[-+]?[0-9]+")
            ? s.value().trim() : null;
    if (text == null) {
      throw wrongType(member, "Integer", value);
    }
    BigInteger parsed = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    if (parsed.compareTo(BigInteger.valueOf(min)) < 0) {
      throw MagnetoDbError.validation("'" + member + "' property value[" + parsed
          + "] is less then min_value[" + min + "].");
    }
    if (max != null && parsed.compareTo(BigInteger.valueOf(max)) > 0) {
      throw MagnetoDbError.validation("'" + member + "' property value[" + parsed
          + "] is more then max_value[" + max + "].");
    }
    return parsed;
  }

  /**
   * {@code expected}: per attribute exactly one of {@code value} (must equal) or {@code exists}
   * (present or absent), as legacy entries for the shared evaluator. Null when absent.
   */
  static Map<String, ExpectedEntry> expected(Json.Obj body) {
    Json value = body.get("expected");
    if (value == null) {
      return null;
    }
    if (!(value instanceof Json.Obj map)) {
      throw wrongType("expected", "Object", value);
    }
    Map<String, ExpectedEntry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : map.members().entrySet()) {
      entries.put(e.getKey(), condition(e.getKey(), e.getValue()));
    }
    return entries;
  }

  /**
   * One attribute's condition, checked as MagnetoDB's parser did: an object of one member, then
   * that member's name, then its value.
   */
  private static ExpectedEntry condition(String attribute, Json json) {
    Json.Obj condition = objectValue(attribute, json);
    if (condition.members().size() != 1) {
      throw MagnetoDbError.validation(
          "Can't recognize attribute expected condition format: '" + render(json) + "'");
    }
    Map.Entry<String, Json> only = condition.members().entrySet().iterator().next();
    String type = only.getKey();
    Json value = only.getValue() instanceof Json.Null ? null : only.getValue();
    if (type.equals("value")) {
      return new ExpectedEntry(typed(objectValue("value", value)), null, null, null, null);
    }
    if (type.equals("exists")) {
      if (value == null) {
        throw missing("exists");
      }
      if (!(value instanceof Json.Bool exists)) {
        throw wrongType("exists", "Boolean", value);
      }
      // {"exists": true} alone is valid in MagnetoDB; it is the legacy NOT_NULL condition.
      return exists.value()
          ? new ExpectedEntry(null, null, "NOT_NULL", null, null)
          : new ExpectedEntry(null, false, null, null, null);
    }
    throw MagnetoDbError.validation(
        "Unsupported condition type found: " + render(new Json.Str(type)));
  }

  /** {@code value} as the object named {@code name}; null (or JSON null) is a missing one. */
  private static Json.Obj objectValue(String name, Json value) {
    if (value == null || value instanceof Json.Null) {
      throw missing(name);
    }
    if (value instanceof Json.Obj object) {
      return object;
    }
    throw wrongType(name, "Object", value);
  }

  private static MagnetoDbError missing(String member) {
    return MagnetoDbError.validation(
        "Required property '" + member + "' wasn't found or it's value is null");
  }

  static MagnetoDbError wrongType(String member, String expected, Json found) {
    return MagnetoDbError.validation("Wrong '" + member + "' type. " + expected
        + " is expected, but " + render(found) + " found");
  }

  /** JSON text as Python's {@code json.dumps} writes it: {@code ", "} and {@code ": "}. */
  static String render(Json json) {
    StringBuilder text = new StringBuilder();
    render(json, text);
    return text.toString();
  }

  private static void render(Json json, StringBuilder text) {
    if (json instanceof Json.Obj o) {
      text.append('{');
      String separator = "";
      for (Map.Entry<String, Json> e : o.members().entrySet()) {
        text.append(separator);
        quote(e.getKey(), text);
        text.append(": ");
        render(e.getValue(), text);
        separator = ", ";
      }
      text.append('}');
    } else if (json instanceof Json.Arr a) {
      text.append('[');
      String separator = "";
      for (Json element : a.elements()) {
        text.append(separator);
        render(element, text);
        separator = ", ";
      }
      text.append(']');
    } else if (json instanceof Json.Str s) {
      quote(s.value(), text);
    } else if (json instanceof Json.Num n) {
      text.append(n.text());
    } else if (json instanceof Json.Bool b) {
      text.append(b.value());
    } else {
      text.append("null");
    }
  }

  private static void quote(String value, StringBuilder text) {
    text.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
  }
}
