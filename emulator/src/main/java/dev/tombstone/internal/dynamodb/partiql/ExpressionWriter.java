package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes PartiQL conditions and SET/REMOVE actions as DynamoDB expressions with {@code #p}
 * name and {@code :v} value placeholders, so that the existing expression compiler validates
 * and evaluates them. Placeholders are numbered in order of appearance, so the same statement
 * shape always gives the same text (and hits the compiler's cache).
 */
final class ExpressionWriter {
  static final String UNKNOWN_FUNCTION = "Unrecognized function: ";
  static final String OPERAND_COUNT = "Incorrect number of operands for operator or function;"
      + " operator or function: %s, number of operands: 0";
  static final String CONDITION_OPERATOR =
      "Unsupported operator in Condition Expression. Operator: ";
  private static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists",
      "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");
  private static final Set<String> UPDATE_FUNCTIONS = Set.of("list_append", "if_not_exists");

  private final List<AttributeValue> parameters;
  private final Map<String, String> placeholders = new HashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  ExpressionWriter(List<AttributeValue> parameters) {
    this.parameters = parameters;
  }

  /** ExpressionAttributeNames for the text written so far; null when there are none. */
  Map<String, String> names() {
    return names.isEmpty() ? null : names;
  }

  /** ExpressionAttributeValues for the text written so far; null when there are none. */
  Map<String, AttributeValue> values() {
    return values.isEmpty() ? null : values;
  }

  String condition(Expr expr) {
    StringBuilder out = new StringBuilder();
    condition(expr, out);
    return out.toString();
  }

  /** {@code SET #p0 = :v0, ... REMOVE #p1, ... ADD #p2 :v1, ... DELETE #p3 :v2, ...}. */
  String update(List<Statement.Action> actions) {
    StringBuilder set = new StringBuilder();
    StringBuilder remove = new StringBuilder();
    StringBuilder add = new StringBuilder();
    StringBuilder delete = new StringBuilder();
    for (Statement.Action action : actions) {
      if (action.value() == null) {
        remove.append(remove.length() == 0 ? "REMOVE " : ", ");
        path(action.path(), remove);
      } else if (action.value() instanceof Expr.SetFunction function) {
        StringBuilder clause = function.add() ? add : delete;
        clause.append(clause.length() > 0 ? ", " : function.add() ? "ADD " : "DELETE ");
        path(action.path(), clause);
        clause.append(' ');
        value(members(function), clause);
      } else {
        set.append(set.length() == 0 ? "SET " : ", ");
        path(action.path(), set);
        set.append(" = ");
        operand(action.value(), set, UPDATE_FUNCTIONS);
      }
    }
    StringJoiner clauses = new StringJoiner(" ");
    for (StringBuilder clause : List.of(set, remove, add, delete)) {
      if (clause.length() > 0) {
        clauses.add(clause);
      }
    }
    return clauses.toString();
  }

  /** A set function's members, which a parameter must give as a set too. */
  private AttributeValue members(Expr.SetFunction function) {
    AttributeValue members = ValueBinder.bind(function.set(), parameters);
    if (!(members instanceof AttributeValue.SS || members instanceof AttributeValue.NS
        || members instanceof AttributeValue.BS)) {
      throw new DynamoDbError.Validation(String.format(SetFunctions.SET_SECOND,
          function.name(), function.firstArgumentAt()));
    }
    return members;
  }

  /** A comma-separated ProjectionExpression of the paths. */
  String projection(List<Expr.Path> paths) {
    StringBuilder out = new StringBuilder();
    for (Expr.Path path : paths) {
      if (out.length() > 0) {
        out.append(", ");
      }
      path(path, out);
    }
    return out.toString();
  }

  private void condition(Expr expr, StringBuilder out) {
    if (expr instanceof Expr.And and) {
      binary(and.left(), " AND ", and.right(), out);
    } else if (expr instanceof Expr.Or or) {
      binary(or.left(), " OR ", or.right(), out);
    } else if (expr instanceof Expr.Not not) {
      // AND and OR come in their own parentheses: a second pair would be refused as redundant.
      boolean bracketed = not.operand() instanceof Expr.And || not.operand() instanceof Expr.Or;
      out.append(bracketed ? "NOT " : "NOT (");
      condition(not.operand(), out);
      if (!bracketed) {
        out.append(')');
      }
    } else if (expr instanceof Expr.Compare compare && truthTest(compare) != null) {
      condition(truthTest(compare), out);
    } else if (expr instanceof Expr.Compare compare) {
      operand(compare.left(), out, Set.of());
      out.append(' ').append(compare.operator()).append(' ');
      operand(compare.right(), out, Set.of());
    } else if (expr instanceof Expr.Between between) {
      operand(between.value(), out, Set.of());
      out.append(" BETWEEN ");
      operand(between.lower(), out, Set.of());
      out.append(" AND ");
      operand(between.upper(), out, Set.of());
    } else if (expr instanceof Expr.In in) {
      operand(in.value(), out, Set.of());
      out.append(" IN (");
      for (int i = 0; i < in.candidates().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        operand(in.candidates().get(i), out, Set.of());
      }
      out.append(')');
    } else if (expr instanceof Expr.IsMissing missing) {
      out.append(missing.negated() ? "attribute_exists(" : "attribute_not_exists(");
      operand(missing.value(), out, Set.of());
      out.append(')');
    } else if (expr instanceof Expr.IsNull isNull) {
      // DynamoDB reads IS NULL as a type test, so a missing attribute IS NOT NULL.
      out.append(isNull.negated() ? "NOT attribute_type(" : "attribute_type(");
      operand(isNull.value(), out, Set.of());
      out.append(", ");
      operand(new Expr.Literal(new AttributeValue.S("NULL")), out, Set.of());
      out.append(')');
    } else if (expr instanceof Expr.IsType isType) {
      out.append(isType.negated() ? "NOT attribute_type(" : "attribute_type(");
      operand(isType.value(), out, Set.of());
      out.append(", ");
      operand(new Expr.Literal(new AttributeValue.S(isType.type().name())), out, Set.of());
      out.append(')');
    } else {
      // A function used as a condition, or an operand standing alone (which the compiler
      // refuses as DynamoDB refuses it).
      operand(expr, out, Set.of());
    }
  }

  /**
   * {@code attribute_exists(a) = true} as the condition it compares: DynamoDB accepts a
   * condition function compared with true or false by = or &lt;&gt; (conformance suite 2026,
   * tests/tier2/partiql/whereFunctions.test.ts), where its expression language has no such
   * operand. Null when {@code compare} is no such comparison.
   */
  private static Expr truthTest(Expr.Compare compare) {
    Expr call = compare.left();
    Expr truth = compare.right();
    if (!isConditionCall(call)) {
      call = compare.right();
      truth = compare.left();
    }
    if (!isConditionCall(call) || !(truth instanceof Expr.Literal literal)
        || !(literal.value() instanceof AttributeValue.Bool bool)
        || !(compare.operator().equals("=") || compare.operator().equals("<>"))) {
      return null;
    }
    return bool.value() == compare.operator().equals("=") ? call : new Expr.Not(call);
  }

  private static boolean isConditionCall(Expr expr) {
    return expr instanceof Expr.Call call && CONDITION_FUNCTIONS.contains(call.name())
        && !call.name().equals("size");
  }

  private void binary(Expr left, String operator, Expr right, StringBuilder out) {
    out.append('(');
    condition(left, out);
    out.append(operator);
    condition(right, out);
    out.append(')');
  }

  private void operand(Expr expr, StringBuilder out, Set<String> extraFunctions) {
    if (expr instanceof Expr.Path path) {
      path(path, out);
    } else if (ValueBinder.isValue(expr)) {
      value(ValueBinder.bind(expr, parameters), out);
    } else if (expr instanceof Expr.Call call) {
      if (!CONDITION_FUNCTIONS.contains(call.name()) && !extraFunctions.contains(call.name())) {
        throw new DynamoDbError.Validation(UNKNOWN_FUNCTION + call.name() + " at " + call.at());
      }
      if (call.arguments().isEmpty() && CONDITION_FUNCTIONS.contains(call.name())) {
        // The expression compiler would find "f()" a syntax error; PartiQL counts the operands.
        throw new DynamoDbError.Validation(String.format(OPERAND_COUNT, call.name()));
      }
      out.append(call.name()).append('(');
      for (int i = 0; i < call.arguments().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        operand(call.arguments().get(i), out, extraFunctions);
      }
      out.append(')');
    } else if (expr instanceof Expr.Arithmetic arithmetic) {
      if (extraFunctions != UPDATE_FUNCTIONS) {
        // + and - belong to SET values only.
        throw new DynamoDbError.Validation(CONDITION_OPERATOR + (arithmetic.plus() ? "+" : "-"));
      }
      operand(arithmetic.left(), out, extraFunctions);
      out.append(arithmetic.plus() ? " + " : " - ");
      operand(arithmetic.right(), out, extraFunctions);
    } else {
      // A condition where a value belongs, e.g. "a = (b = c)": DynamoDB's grammar has no such
      // operand either.
      throw new MalformedStatement();
    }
  }

  private void value(AttributeValue value, StringBuilder out) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    out.append(placeholder);
  }

  private void path(Expr.Path path, StringBuilder out) {
    boolean first = true;
    for (Expr.Step step : path.steps()) {
      if (step instanceof Expr.Name name) {
        if (!first) {
          out.append('.');
        }
        out.append(placeholders.computeIfAbsent(name.name(), n -> {
          String placeholder = "#p" + names.size();
          names.put(placeholder, n);
          return placeholder;
        }));
      } else {
        out.append('[').append(((Expr.Index) step).index()).append(']');
      }
      first = false;
    }
  }
}
