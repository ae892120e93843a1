package dev.tombstone.internal.dynamodb.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads typed members out of a request object, failing with the SerializationException text
 * DynamoDB uses for each JSON type mismatch. JSON {@code null} counts as absent.
 */
final class Members {
  static final String MAP_OF_VALUES =
      "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>";
  static final String MAP_OF_STRINGS = "java.util.Map<java.lang.String, java.lang.String>";
  static final String LIST = "Start of list found where not expected";
  private static final String STRUCTURE = "Start of structure or map found where not expected";

  private Members() {}

  /**
   * The member as a structure whose shape is named as the member, or null when absent: a list
   * answers {@code Unrecognized collection type class com.amazonaws.dynamodb.v20120810.<shape>},
   * a scalar {@code Unexpected field type} (the team spec's serialization table, the {@code
   * Expected.<attr>.Value} rows; dynalite test/createTable.js, "ProvisionedThroughput is not a
   * struct").
   */
  static Json.Obj structure(Json.Obj parent, String name) {
    return structure(parent, name, name);
  }

  /** A structure member of shape {@code shape}, or null when absent. */
  static Json.Obj structure(Json.Obj parent, String name, String shape) {
    return structure(parent.get(name), shape, "Unexpected field type");
  }

  /**
   * A structure of shape {@code shape} that is an element of a list or a value of a map; null
   * for JSON null. A scalar answers {@code Unexpected value type in payload}, as an
   * AttributeValue inside a map does (dynalite test/createTable.js, "KeySchema.0 is not a
   * struct").
   */
  static Json.Obj element(Json value, String shape) {
    return structure(value, shape, "Unexpected value type in payload");
  }

  /** {@code value} as a structure of shape {@code shape}; a scalar answers {@code scalarText}. */
  private static Json.Obj structure(Json value, String shape, String scalarText) {
    if (value == null || value instanceof Json.Obj) {
      return (Json.Obj) value;
    }
    throw new SerializationError(value instanceof Json.Arr
        ? "Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + shape
        : scalarText);
  }

  /**
   * A structure of an API without a known shape (the 2011-12-05 dialects): a list answers
   * {@code Start of list found where not expected}, a scalar {@code Unexpected field type}.
   */
  static Json.Obj structure(Json value) {
    if (value == null || value instanceof Json.Obj) {
      return (Json.Obj) value;
    }
    throw new SerializationError(
        value instanceof Json.Arr ? LIST : "Unexpected field type");
  }

  static String string(Json.Obj parent, String name) {
    return string(parent.get(name));
  }

  static String string(Json value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Json.Str s) {
      return s.value();
    }
    throw new SerializationError(cannotConvert(value, "String"));
  }

  static Boolean bool(Json.Obj parent, String name) {
    return bool(parent.get(name));
  }

  static Boolean bool(Json value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Json.Bool b) {
      return b.value();
    }
    if (value instanceof Json.Str s) {
      // DynamoDB's deserializer converts these strings; anything else is a parser error.
      switch (s.value().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes" -> {
          return true;
        }
        case "false", "0", "no" -> {
          return false;
        }
        default -> throw new SerializationError("Unexpected token received from parser");
      }
    }
    throw new SerializationError(cannotConvert(value, "Boolean"));
  }

  static Integer integer(Json.Obj parent, String name) {
    Json value = parent.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Json.Num n && n.integral()) {
      try {
        return Integer.valueOf(n.text());
      } catch (NumberFormatException e) {
        throw new SerializationError("NUMBER_VALUE cannot be converted to Integer");
      }
    }
    if (value instanceof Json.Num) {
      throw new SerializationError("DECIMAL_VALUE cannot be converted to Integer");
    }
    if (value instanceof Json.Str) {
      throw new SerializationError("STRING_VALUE cannot be converted to Integer");
    }
    throw new SerializationError(cannotConvert(value, "Integer"));
  }

  static Long longValue(Json.Obj parent, String name) {
    Json value = parent.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Json.Num n && n.integral()) {
      try {
        return Long.valueOf(n.text());
      } catch (NumberFormatException e) {
        throw new SerializationError("NUMBER_VALUE cannot be converted to Long");
      }
    }
    throw new SerializationError(cannotConvert(value, "Long"));
  }

  /**
   * A timestamp member: epoch seconds, as the SDKs send them (fractions and exponents allowed),
   * to the millisecond. Null when absent.
   */
  static Instant timestamp(Json.Obj parent, String name) {
    Json value = parent.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Json.Num n) {
      // A number beyond a long's milliseconds names no date: refused, neither wrapped into
      // another date nor expanded digit by digit.
      return EpochSeconds.parse(n.text())
          .orElseThrow(() -> new SerializationError(cannotConvert(value, "Date")));
    }
    throw new SerializationError(cannotConvert(value, "Date"));
  }

  /** A list member; each element is handed to the caller. Null when absent. */
  static List<Json> list(Json.Obj parent, String name) {
    return list(parent.get(name));
  }

  static List<Json> list(Json value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Json.Arr a) {
      return a.elements();
    }
    if (value instanceof Json.Obj) {
      throw new SerializationError(STRUCTURE);
    }
    throw new SerializationError("Unexpected field type");
  }

  /** A map member: an object whose values the caller decodes. Null when absent. */
  static Json.Obj map(Json.Obj parent, String name, String javaType) {
    return map(parent.get(name), javaType);
  }

  /**
   * A map member whose values are structures: each value made a structure by {@code structure}
   * (which refuses a wrong type; null skips the entry), then read by {@code read}; in request
   * order. Null when absent.
   */
  static <T> Map<String, T> entries(Json.Obj parent, String name, String javaType,
      Function<Json, Json.Obj> structure, Function<Json.Obj, T> read) {
    Json.Obj map = map(parent, name, javaType);
    if (map == null) {
      return null;
    }
    Map<String, T> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : map.members().entrySet()) {
      Json.Obj entry = structure.apply(e.getValue());
      if (entry != null) {
        entries.put(e.getKey(), read.apply(entry));
      }
    }
    return entries;
  }

  static Json.Obj map(Json value, String javaType) {
    if (value == null) {
      return null;
    }
    if (value instanceof Json.Obj o) {
      return o;
    }
    if (value instanceof Json.Arr) {
      throw new SerializationError("Unrecognized collection type " + javaType);
    }
    throw new SerializationError("Unexpected field type");
  }

  /**
   * A list or a map that is itself an element of a list or a value of a map (BatchWriteItem's
   * {@code RequestItems.<table>}, BatchGetItem's {@code Keys.<n>}), given a scalar: DynamoDB's
   * deserializer fails with a Java cast error (dynalite test/helpers.js, the
   * {@code ParameterizedList} and {@code ParameterizedMap} cases).
   */
  static final String PARAMETERIZED_CAST = "class"
      + " sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class"
      + " java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and"
      + " java.lang.Class are in module java.base of loader 'bootstrap')";

  /** A list that is an element of a map; null for JSON null. */
  static List<Json> nestedList(Json value) {
    return list(notScalar(value));
  }

  /** A map that is an element of a list; null for JSON null. */
  static Json.Obj nestedMap(Json value, String javaType) {
    return map(notScalar(value), javaType);
  }

  private static Json notScalar(Json value) {
    if (value != null && !(value instanceof Json.Arr) && !(value instanceof Json.Obj)) {
      throw new SerializationError(PARAMETERIZED_CAST);
    }
    return value;
  }

  /** A map of strings, such as {@code ExpressionAttributeNames}. Null when absent. */
  static Map<String, String> stringMap(Json.Obj parent, String name) {
    Json.Obj map = map(parent, name, MAP_OF_STRINGS);
    if (map == null) {
      return null;
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : map.members().entrySet()) {
      String value = string(e.getValue());
      if (value != null) {
        result.put(e.getKey(), value);
      }
    }
    return result;
  }

  /** A list of strings. Null when absent. */
  static List<String> stringList(Json.Obj parent, String name) {
    List<Json> elements = list(parent, name);
    if (elements == null) {
      return null;
    }
    List<String> result = new ArrayList<>(elements.size());
    for (Json element : elements) {
      String value = string(element);
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  static String cannotConvert(Json value, String javaType) {
    if (value instanceof Json.Bool b) {
      return (b.value() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to " + javaType;
    }
    if (value instanceof Json.Num n) {
      return (n.integral() ? "NUMBER_VALUE" : "DECIMAL_VALUE") + " cannot be converted to "
          + javaType;
    }
    if (value instanceof Json.Str) {
      return "STRING_VALUE cannot be converted to " + javaType;
    }
    if (value instanceof Json.Arr) {
      return "Unrecognized collection type class java.lang." + javaType;
    }
    return STRUCTURE;
  }
}
