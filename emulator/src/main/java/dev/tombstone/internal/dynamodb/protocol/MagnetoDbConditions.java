package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conditions of MagnetoDB's query ({@code key_conditions}, its {@code IndexedCondition}) and
 * scan ({@code scan_filter}, its {@code ScanCondition}): a {@code comparison_operator} and its
 * {@code attribute_value_list}, checked with MagnetoDB's messages. The semantics are DynamoDB's
 * legacy conditions, evaluated by the store.
 */
final class MagnetoDbConditions {
  /** The two condition classes of MagnetoDB's model, with what each allows. */
  enum Kind {
    INDEXED("IndexedCondition", Set.of("EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN"),
        Set.of("EQ", "LE", "LT", "GE", "GT")),
    SCAN("ScanCondition", Set.of("EQ", "NE", "LE", "LT", "GE", "GT", "NOT_NULL", "NULL",
        "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH", "IN", "BETWEEN"),
        Set.of("LE", "LT", "GE", "GT", "IN", "CONTAINS", "NOT_CONTAINS"));

    final String className;
    final Set<String> operators;
    final Set<String> primitiveOnly;

    Kind(String className, Set<String> operators, Set<String> primitiveOnly) {
      this.className = className;
      this.operators = operators;
      this.primitiveOnly = primitiveOnly;
    }
  }

  /** How many arguments each operator other than BETWEEN takes: {min, max}. */
  private static final Map<String, long[]> ARGUMENTS = Map.of(
      "IN", new long[] {1, Long.MAX_VALUE}, // Python 2's sys.maxint in MagnetoDB's model
      "NULL", new long[] {0, 0},
      "NOT_NULL", new long[] {0, 0});
  private static final long[] ONE = {1, 1};
  private static final Set<String> CONDITION_MEMBERS =
      Set.of("comparison_operator", "attribute_value_list");

  private MagnetoDbConditions() {}

  /** One parsed condition: the operator and its checked arguments. */
  record Parsed(String operator, List<AttributeValue> arguments) {}

  /**
   * The condition on {@code attribute}, read as MagnetoDB's parser read it: the operator, its
   * arguments, then the leftover members.
   */
  static Parsed parse(Kind kind, String attribute, Json json) {
    if (!(json instanceof Json.Obj condition)) {
      throw MagnetoDbBody.wrongType(attribute, "Object", json);
    }
    MagnetoDbBody.required(condition, "comparison_operator");
    String operator = MagnetoDbBody.string(condition, "comparison_operator");
    if (!kind.operators.contains(operator)) {
      throw MagnetoDbError.validation(
          kind.className + " of type['" + operator + "'] is not allowed");
    }
    List<AttributeValue> values = arguments(kind, operator, condition);
    MagnetoDbBody.onlyKnown(attribute, condition, CONDITION_MEMBERS);
    return new Parsed(operator, values);
  }

  /** The operator's arguments, checked with MagnetoDB's messages. */
  private static List<AttributeValue> arguments(Kind kind, String operator, Json.Obj condition) {
    List<AttributeValue> values = new ArrayList<>();
    Json list = condition.get("attribute_value_list");
    if (list != null) {
      if (!(list instanceof Json.Arr array)) {
        throw MagnetoDbBody.wrongType("attribute_value_list", "List of Objects", list);
      }
      for (Json element : array.elements()) {
        values.add(MagnetoDbBody.typed(element));
      }
    }
    String prefix = kind.className + " of type['" + operator + "']";
    if (operator.equals("BETWEEN")) {
      if (values.size() != 2) {
        throw MagnetoDbError.validation("BETWEEN condition type requires exactly 2 arguments,"
            + " but " + values.size() + " given");
      }
      if (values.get(0).type() != values.get(1).type()) {
        throw MagnetoDbError.validation("BETWEEN condition type requires arguments of the same"
            + " type, but different types given");
      }
    } else {
      long[] range = ARGUMENTS.getOrDefault(operator, ONE);
      if (values.size() < range[0] || values.size() > range[1]) {
        throw MagnetoDbError.validation(range[0] == range[1]
            ? prefix + " requires exactly " + range[0] + " arguments, but " + values.size()
                + " found"
            : prefix + " requires from " + range[0] + " to " + range[1]
                + " arguments provided, but " + values.size() + " found");
      }
    }
    boolean primitiveOnly = kind.primitiveOnly.contains(operator)
        || operator.equals("BETWEEN") || operator.equals("BEGINS_WITH");
    for (AttributeValue value : values) {
      if (primitiveOnly && !value.type().isScalarKeyType()) {
        throw MagnetoDbError.validation(prefix + " allows only primitive arguments");
      }
    }
    if (operator.equals("BEGINS_WITH") && values.get(0).type() == AttributeType.N) {
      throw MagnetoDbError.validation(
          "BEGINS_WITH condition type is not allowed for argument of the N type");
    }
    return values;
  }
}
