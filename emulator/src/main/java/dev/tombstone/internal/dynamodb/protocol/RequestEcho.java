package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.JsonStrings;
import java.util.List;
import java.util.Map;

/**
 * A request member as AWS echoes it in a constraint message: BatchGetItem's map as compact JSON,
 * BatchWriteItem's in the Java toString form of AWS's model (paritysuite/dynamodb-conformance
 * tier3 batchGetItem and batchWriteItem, "malformed table name", 2026-10-09).
 */
final class RequestEcho {
  private RequestEcho() {}

  /** {@code {"bad!name":{"Keys":[{"pk":{"S":"a"}}]}}}: compact JSON, members as sent. */
  static String json(Json value) {
    StringBuilder out = new StringBuilder();
    json(value, out);
    return out.toString();
  }

  private static void json(Json value, StringBuilder out) {
    if (value instanceof Json.Obj obj) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Json> e : obj.members().entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        string(e.getKey(), out);
        out.append(':');
        json(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Json.Arr arr) {
      out.append('[');
      for (int i = 0; i < arr.elements().size(); i++) {
        out.append(i == 0 ? "" : ",");
        json(arr.elements().get(i), out);
      }
      out.append(']');
    } else if (value instanceof Json.Str s) {
      string(s.value(), out);
    } else if (value instanceof Json.Num n) {
      out.append(n.text());
    } else if (value instanceof Json.Bool b) {
      out.append(b.value());
    } else {
      out.append("null");
    }
  }

  private static void string(String text, StringBuilder out) {
    JsonStrings.escape(text, out.append('"')).append('"');
  }

  /**
   * An attribute-value map as AWS's model prints it: {@code {pk=AttributeValue(S=x)}}, a map
   * value's members nested the same way, a list's as {@code [...]}.
   */
  static String javaValues(Json.Obj values) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Json> e : values.members().entrySet()) {
      out.append(first ? "" : ", ").append(e.getKey()).append('=');
      first = false;
      javaValue(e.getValue(), out);
    }
    return out.append('}').toString();
  }

  private static void javaValue(Json value, StringBuilder out) {
    if (!(value instanceof Json.Obj typed)) {
      out.append(value instanceof Json.Str s ? s.value() : json(value));
      return;
    }
    out.append("AttributeValue(");
    boolean first = true;
    for (Map.Entry<String, Json> e : typed.members().entrySet()) {
      out.append(first ? "" : ", ").append(e.getKey()).append('=');
      first = false;
      Json member = e.getValue();
      if (e.getKey().equals("M") && member instanceof Json.Obj map) {
        out.append(javaValues(map));
      } else if (member instanceof Json.Arr list) {
        out.append('[');
        List<Json> elements = list.elements();
        for (int i = 0; i < elements.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          javaValue(elements.get(i), out);
        }
        out.append(']');
      } else {
        javaValue(member, out);
      }
    }
    out.append(')');
  }
}
