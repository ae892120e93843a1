package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.JsonStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders request values the way DynamoDB echoes them in constraint messages
 * ({@code Value '<rendering>' at 'keySchema' ...}): strings as they are, lists as
 * {@code [a, b]}, structures as {@code KeySchemaElement(attributeName=pk, keyType=HASH)} with
 * every member of the model shape, {@code null} when absent; BatchGetItem's request map as
 * compact JSON and BatchWriteItem's attribute values in the Java form of AWS's model
 * (paritysuite/dynamodb-conformance tier3 batchGetItem and batchWriteItem, "malformed table
 * name", 2026-10-09). Every list or structure a message echoes goes through here, so no
 * {@link Json} node's {@code toString()} reaches a client.
 */
final class ConstraintValues {
  private ConstraintValues() {}

  /** Already rendered elements as a list: {@code [a, b]}. */
  static String list(List<String> elements) {
    return "[" + String.join(", ", elements) + "]";
  }

  /**
   * Each element as a structure of {@code shape}: {@code Shape(member=value, ...)}, with
   * {@code members} (the wire names, in the model's order) lower-camel-cased as DynamoDB prints
   * them.
   */
  static List<String> structures(List<Json> elements, String shape, String... members) {
    List<String> rendered = new ArrayList<>(elements.size());
    for (Json element : elements) {
      rendered.add(structure(element, shape, members));
    }
    return rendered;
  }

  static String structure(Json element, String shape, String... members) {
    if (!(element instanceof Json.Obj obj)) {
      return value(element);
    }
    StringBuilder out = new StringBuilder(shape).append('(');
    for (int i = 0; i < members.length; i++) {
      String member = members[i];
      out.append(i == 0 ? "" : ", ")
          .append(Character.toLowerCase(member.charAt(0))).append(member, 1, member.length())
          .append('=').append(value(obj.get(member)));
    }
    return out.append(')').toString();
  }

  /**
   * A member value. Only strings reach a message in practice: a value of another JSON type in a
   * typed member is a SerializationException, reported before any constraint.
   */
  private static String value(Json value) {
    if (value == null || value instanceof Json.Null) {
      return "null";
    }
    if (value instanceof Json.Str s) {
      return s.value();
    }
    if (value instanceof Json.Num n) {
      return n.text();
    }
    if (value instanceof Json.Bool b) {
      return String.valueOf(b.value());
    }
    if (value instanceof Json.Arr a) {
      List<String> elements = new ArrayList<>();
      for (Json element : a.elements()) {
        elements.add(value(element));
      }
      return list(elements);
    }
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Json> e : ((Json.Obj) value).members().entrySet()) {
      out.append(out.length() == 1 ? "" : ", ").append(e.getKey()).append('=')
          .append(value(e.getValue()));
    }
    return out.append('}').toString();
  }

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
