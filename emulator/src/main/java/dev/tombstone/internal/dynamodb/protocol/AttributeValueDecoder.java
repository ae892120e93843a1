package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.NestingLimit;
import dev.tombstone.internal.dynamodb.SetValidation;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads DynamoDB JSON attribute values. JSON type mismatches throw {@link SerializationError};
 * invalid values (empty, two types, bad numbers, empty or duplicate sets, too deep) are reported
 * as a problem message without throwing, because DynamoDB checks them later.
 */
final class AttributeValueDecoder {
  static final String EMPTY =
      "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
  static final String SEVERAL =
      "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the"
          + " supported datatypes";
  private static final String AV_CLASS = "class com.amazonaws.dynamodb.v20120810.AttributeValue";

  /** Which type members the dialect knows; the 2011 API lacks BOOL, NULL, M and L. */
  enum Dialect {
    CURRENT,
    LEGACY_2011
  }

  /** The bare text for an empty number; the current layer adds {@code ": "}. */
  private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";

  private final Dialect dialect;
  private final ValueLayer layer;

  /** A decoder checking values as the older validation layer does. */
  AttributeValueDecoder(Dialect dialect) {
    this(dialect, ValueLayer.OLDER);
  }

  AttributeValueDecoder(Dialect dialect, ValueLayer layer) {
    this.dialect = dialect;
    this.layer = layer;
  }

  /** A map of attribute values ({@code Key}, {@code Item}, ...); null when absent. */
  Decoded map(Json.Obj parent, String member) {
    Json.Obj map = Members.map(parent, member, Members.MAP_OF_VALUES);
    return map == null ? null : entries(map);
  }

  /** The values of a JSON object read as attribute values. */
  Decoded entries(Json.Obj map) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    String problem = null;
    String problemKey = null;
    for (Map.Entry<String, Json> e : map.members().entrySet()) {
      Result result = element(e.getValue(), 1);
      if (result == null) {
        continue;
      }
      if (result.problem != null) {
        if (problem == null) {
          problem = result.problem;
          problemKey = e.getKey();
        }
      } else {
        values.put(e.getKey(), result.value);
      }
    }
    return new Decoded(values, problem, problemKey);
  }

  /** One attribute value standing alone (e.g. {@code Expected.a.Value}); null when absent. */
  Result single(Json value) {
    if (value == null || value instanceof Json.Null) {
      return null;
    }
    if (value instanceof Json.Obj o) {
      return value(o, 1);
    }
    if (value instanceof Json.Arr) {
      throw new SerializationError("Unrecognized collection type " + AV_CLASS);
    }
    throw new SerializationError("Unexpected field type");
  }

  /** An attribute value inside a map or list. */
  Result element(Json value, int depth) {
    if (value == null || value instanceof Json.Null) {
      return null;
    }
    if (value instanceof Json.Obj o) {
      return value(o, depth);
    }
    if (value instanceof Json.Arr) {
      throw new SerializationError("Unrecognized collection type " + AV_CLASS);
    }
    throw new SerializationError("Unexpected value type in payload");
  }

  private Result value(Json.Obj av, int depth) {
    if (depth > NestingLimit.MAX_LEVELS) {
      return Result.problem(NestingLimit.EXCEEDED);
    }
    AttributeValue value = null;
    String problem = null;
    int types = 0;
    for (Map.Entry<String, Json> member : av.members().entrySet()) {
      Json json = member.getValue();
      if (json instanceof Json.Null) {
        continue;
      }
      Result result = typed(member.getKey(), json, depth);
      if (result == null) {
        continue;
      }
      types++;
      if (result.problem != null && problem == null) {
        problem = result.problem;
      }
      value = result.value;
    }
    if (problem != null) {
      return Result.problem(problem);
    }
    if (types == 0) {
      return Result.problem(EMPTY);
    }
    if (types > 1) {
      return Result.problem(SEVERAL);
    }
    return Result.of(value);
  }

  private Result typed(String type, Json json, int depth) {
    boolean legacy = dialect == Dialect.LEGACY_2011;
    try {
      switch (type) {
        case "S" -> {
          return Result.of(new AttributeValue.S(Members.string(json)));
        }
        case "N" -> {
          return Result.of(layer.parse(Members.string(json)));
        }
        case "B" -> {
          return Result.of(new AttributeValue.B(binary(json)));
        }
        case "SS" -> {
          return Result.of(SetValidation.stringSet(strings(json), layer));
        }
        case "NS" -> {
          return Result.of(SetValidation.numberSet(strings(json), layer));
        }
        case "BS" -> {
          List<Json> elements = Members.list(json);
          List<Bytes> bytes = new ArrayList<>(elements.size());
          for (Json element : elements) {
            if (!(element instanceof Json.Null)) {
              bytes.add(binary(element));
            }
          }
          return Result.of(SetValidation.binarySet(bytes, layer));
        }
        case "M" -> {
          if (legacy) {
            return null;
          }
          Json.Obj map = Members.map(json, Members.MAP_OF_VALUES);
          Map<String, AttributeValue> values = new LinkedHashMap<>();
          for (Map.Entry<String, Json> e : map.members().entrySet()) {
            Result element = element(e.getValue(), depth + 1);
            if (element == null) {
              continue;
            }
            if (element.problem != null) {
              return element;
            }
            values.put(e.getKey(), element.value);
          }
          return Result.of(new AttributeValue.M(values));
        }
        case "L" -> {
          if (legacy) {
            return null;
          }
          List<AttributeValue> values = new ArrayList<>();
          for (Json e : Members.list(json)) {
            Result element = element(e, depth + 1);
            if (element == null) {
              continue;
            }
            if (element.problem != null) {
              return element;
            }
            values.add(element.value);
          }
          return Result.of(new AttributeValue.L(values));
        }
        case "NULL" -> {
          if (legacy) {
            return null;
          }
          if (!Members.bool(json)) {
            return Result.problem(ServiceErrors.invalidParametersText(
                "Null attribute value types must have the value of true"));
          }
          return Result.of(AttributeValue.Null.INSTANCE);
        }
        case "BOOL" -> {
          if (legacy) {
            return null;
          }
          return Result.of(
              Members.bool(json) ? AttributeValue.Bool.TRUE : AttributeValue.Bool.FALSE);
        }
        default -> {
          return null;
        }
      }
    } catch (DynamoDbError.Validation e) {
      boolean emptyNumber = e.getMessage().equals(NOT_NUMERIC) && layer == ValueLayer.CURRENT;
      return Result.problem(emptyNumber ? NOT_NUMERIC + ": " : e.getMessage());
    }
  }

  private static List<String> strings(Json json) {
    List<Json> elements = Members.list(json);
    List<String> values = new ArrayList<>(elements.size());
    for (Json element : elements) {
      String value = Members.string(element);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /**
   * The JDK decoder ignores bits of the last character that fall past the last byte ("+/+="
   * decodes); DynamoDB's decoder refuses them.
   */
  private static boolean zeroPadBits(String text) {
    int pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    if (pad == 0) {
      return true;
    }
    char last = text.charAt(text.length() - pad - 1);
    int value = last >= 'A' && last <= 'Z' ? last - 'A'
        : last >= 'a' && last <= 'z' ? last - 'a' + 26
        : last >= '0' && last <= '9' ? last - '0' + 52
        : last == '+' ? 62 : 63;
    return (value & (pad == 2 ? 0x0F : 0x03)) == 0;
  }

  static Bytes binary(Json json) {
    if (json instanceof Json.Str s) {
      String text = s.value();
      if (text.length() % 4 != 0) {
        throw new SerializationError(
            "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
      }
      try {
        Bytes bytes = Bytes.fromBase64(text);
        if (!zeroPadBits(text)) {
          throw new IllegalArgumentException("bits past the last byte");
        }
        return bytes;
      } catch (IllegalArgumentException e) {
        throw new SerializationError("Invalid last non-pad Base64 character dectected");
      }
    }
    if (json instanceof Json.Arr) {
      throw new SerializationError("Unrecognized collection type class java.nio.ByteBuffer");
    }
    if (json instanceof Json.Obj) {
      throw new SerializationError("Start of structure or map found where not expected");
    }
    throw new SerializationError("only base-64-encoded strings are convertible to bytes");
  }

  /** A decoded value, or the problem that made it invalid. */
  static final class Result {
    final AttributeValue value;
    final String problem;

    private Result(AttributeValue value, String problem) {
      this.value = value;
      this.problem = problem;
    }

    static Result of(AttributeValue value) {
      return new Result(value, null);
    }

    static Result problem(String problem) {
      return new Result(null, problem);
    }
  }
}
