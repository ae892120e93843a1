package dev.tombstone.internal.dynamodb.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders request values the way DynamoDB echoes them in constraint messages
 * ({@code Value '<rendering>' at 'keySchema' ...}): strings as they are, lists as
 * {@code [a, b]}, structures as {@code KeySchemaElement(attributeName=pk, keyType=HASH)} with
 * every member of the model shape, {@code null} when absent. Every list or structure a message
 * echoes goes through here, so no {@link Json} node's {@code toString()} reaches a client.
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
}
