package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.internal.dynamodb.expression.Condition.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A KeyConditionExpression checked as far as it can be before the unused placeholders are:
 * grammar, functions and placeholders as for any condition, and the operators a key condition
 * allows. {@link #checkShape} then checks each condition's shape (one attribute, BETWEEN and
 * begins_with on it first), and {@link #resolve} what needs the key attribute names, yielding
 * the domain's {@link KeyCondition}.
 */
public final class KeyConditions {
  /** One ANDed condition; {@code nested} when its path has more than one step. */
  private record Part(String attribute, boolean nested, KeyCondition.Operator operator,
      List<AttributeValue> values) {}

  private final Condition condition;
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames;
  private final Set<String> usedValues;

  private KeyConditions(Condition condition, Map<String, String> names,
      Map<String, AttributeValue> values, Set<String> usedNames, Set<String> usedValues) {
    this.condition = condition;
    this.names = names;
    this.values = values;
    this.usedNames = usedNames;
    this.usedValues = usedValues;
  }

  /** The {@code #name} placeholders the expression uses. */
  public Set<String> usedNames() {
    return usedNames;
  }

  /** The {@code :value} placeholders the expression uses. */
  public Set<String> usedValues() {
    return usedValues;
  }

  static KeyConditions compile(
      String text, Map<String, String> names, Map<String, AttributeValue> values) {
    return compile(text, names, values, () -> { });
  }

  /**
   * {@link #compile(String, Map, Map)} with {@code beforeOperators} run between the grammar's
   * checks and the key condition's operator checks.
   */
  static KeyConditions compile(String text, Map<String, String> names,
      Map<String, AttributeValue> values, Runnable beforeOperators) {
    Parser.ParsedCondition parsed;
    try {
      parsed = Parser.condition(text);
      StaticChecks.check(parsed.condition());
      Binder.bind(parsed.condition(), names, values);
    } catch (ExpressionException e) {
      throw new DynamoDbError.Validation(
          ExpressionKind.KEY_CONDITION.prefix() + e.problem().message());
    }
    beforeOperators.run();
    checkOperators(parsed.condition());
    return new KeyConditions(parsed.condition(), names, values, parsed.names(), parsed.values());
  }

  /**
   * Refuses an ANDed condition that names no attribute or two, nests an operation, or puts the
   * attribute after BETWEEN's or begins_with's values. DynamoDB makes these checks after the one
   * for unused placeholders and before it looks for the table.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message
   */
  public void checkShape() {
    List<Part> parts = parts();
    // Two conditions on one attribute need no table when no path is nested (a nested one is
    // refused first, with a text that depends on the key): dynalite test/query.js, 'should
    // return ValidationException for multiple conditions per key', on a missing table.
    if (parts.stream().noneMatch(Part::nested)) {
      checkOneConditionPerKey(parts);
    }
  }

  private static void checkOneConditionPerKey(List<Part> parts) {
    Set<String> seen = new LinkedHashSet<>();
    for (Part part : parts) {
      if (!seen.add(part.attribute())) {
        throw new DynamoDbError.Validation(ExpressionKind.KEY_CONDITION.prefix()
            + "KeyConditionExpressions must only contain one condition per key");
      }
    }
  }

  private List<Part> parts() {
    List<Condition> conjuncts = new ArrayList<>();
    flatten(condition, conjuncts);
    List<Part> parts = new ArrayList<>();
    for (Condition c : conjuncts) {
      parts.add(part(c, names, values));
    }
    return parts;
  }

  /**
   * The checks that need the key: a nested path on a key attribute or on another attribute,
   * two conditions on one attribute, more than two conditions.
   *
   * @param keyNames the key attributes of the table and of the index queried
   */
  public KeyCondition resolve(Set<String> keyNames) {
    return resolve(keyNames, 2);
  }

  /**
   * {@link #resolve(Set)} for a key of {@code maxParts} attributes: a multi-attribute index key
   * takes a condition on each of them, where any other key takes one or two.
   */
  public KeyCondition resolve(Set<String> keyNames, int maxParts) {
    List<Part> parts = parts();
    for (Part part : parts) {
      if (part.nested()) {
        throw new DynamoDbError.Validation(keyNames.contains(part.attribute())
            ? "Key attributes must be scalars; list random access '[]' and map lookup '.' are"
                + " not allowed: Key: " + part.attribute()
            : "KeyConditionExpressions cannot have conditions on nested attributes");
      }
    }
    checkOneConditionPerKey(parts);
    // AWS's 2026 texts (conformance suite tier3 queryKeyConditionOperands); the legacy
    // KeyConditions keep "Conditions can be of length 1 or 2 only".
    if (parts.size() > Math.max(2, maxParts)) {
      throw new DynamoDbError.Validation("The number of query conditions (" + parts.size()
          + ") exceeds the number of key attributes defined in the schema (" + maxParts
          + ")");
    }
    List<KeyCondition.Part> resolved = new ArrayList<>();
    for (Part part : parts) {
      resolved.add(new KeyCondition.Part(part.attribute(), part.operator(), part.values()));
    }
    return new KeyCondition(resolved);
  }

  /** Pre-order, left to right: the first operator a key condition may not use. */
  private static void checkOperators(Condition c) {
    String invalid = null;
    if (c instanceof Condition.Or) {
      invalid = "OR";
    } else if (c instanceof Condition.Not) {
      invalid = "NOT";
    } else if (c instanceof Condition.In) {
      invalid = "IN";
    } else if (c instanceof Condition.Compare compare && compare.comparator() == Comparator.NE) {
      invalid = "<>";
    } else if (c instanceof Condition.Function f && !f.call().name().equals("begins_with")) {
      invalid = f.call().name();
    }
    if (invalid != null) {
      throw new DynamoDbError.Validation(
          "Invalid operator used in KeyConditionExpression: " + invalid);
    }
    if (c instanceof Condition.And and) {
      checkOperators(and.left());
      checkOperators(and.right());
    }
  }

  private static void flatten(Condition c, List<Condition> into) {
    if (c instanceof Condition.And and) {
      flatten(and.left(), into);
      flatten(and.right(), into);
    } else {
      into.add(c);
    }
  }

  private static Part part(
      Condition c, Map<String, String> names, Map<String, AttributeValue> values) {
    List<Operand> operands;
    KeyCondition.Operator operator;
    String function = null;
    if (c instanceof Condition.Compare compare) {
      operands = List.of(compare.left(), compare.right());
      operator = operator(compare.comparator());
    } else if (c instanceof Condition.Between between) {
      operands = List.of(between.value(), between.lower(), between.upper());
      operator = KeyCondition.Operator.BETWEEN;
      function = "BETWEEN operator";
    } else {
      operands = ((Condition.Function) c).call().arguments();
      operator = KeyCondition.Operator.BEGINS_WITH;
      function = "begins_with operator";
    }
    Operand.Path path = null;
    int pathAt = -1;
    boolean severalPaths = false;
    List<AttributeValue> literals = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      Operand operand = operands.get(i);
      if (operand instanceof Operand.Call) {
        if (severalPaths) {
          // Two attributes named before the call: 'a between b and size(a)' (dynalite
          // test/query.js, 'should return ValidationException for multiple attribute names').
          break;
        }
        // BETWEEN and begins_with with a value first say so before the nested operation
        // (dynalite test/query.js, 'should return ValidationException no key attribute as
        // first operator': ':a between size(b) and size(a)').
        if (function != null && operands.get(0) instanceof Operand.ValueRef) {
          throw invalidCondition(function + " must have the key attribute as its first operand");
        }
        throw new DynamoDbError.Validation(
            "KeyConditionExpressions cannot contain nested operations");
      }
      if (operand instanceof Operand.Path p) {
        if (path != null) {
          severalPaths = true;
          continue;
        }
        path = p;
        pathAt = i;
      } else {
        literals.add(values.get(((Operand.ValueRef) operand).placeholder()));
      }
    }
    if (severalPaths) {
      // The first path decides: nested, the condition is refused as nested, without the table
      // (dynalite test/query.js, 'should return ValidationException for nested attributes', on a
      // missing table: 'b.d > a AND c.d > e.f', 'a.d > c', 'b[0] > a'); a plain name, as naming
      // several attributes ('... for multiple attribute names': 'b > a.b', 'b between c[1] and
      // d').
      if (path.segments().size() == 1) {
        throw invalidCondition("Multiple attribute names used in one condition");
      }
      throw new DynamoDbError.Validation(
          "KeyConditionExpressions cannot have conditions on nested attributes");
    }
    if (path == null) {
      throw invalidCondition("No key attribute specified");
    }
    if (function != null && pathAt != 0) {
      throw invalidCondition(function + " must have the key attribute as its first operand");
    }
    if (pathAt == 1) {
      operator = mirrored(operator);
    }
    String attribute = name(path.segments().get(0), names);
    return new Part(attribute, path.segments().size() > 1, operator, literals);
  }

  private static DynamoDbError.Validation invalidCondition(String detail) {
    return new DynamoDbError.Validation("Invalid condition in KeyConditionExpression: " + detail);
  }

  private static String name(Operand.Segment segment, Map<String, String> names) {
    if (segment instanceof Operand.NameRef ref) {
      return names.get(ref.placeholder());
    }
    return ((Operand.Name) segment).name();
  }

  private static KeyCondition.Operator operator(Comparator comparator) {
    switch (comparator) {
      case LT:
        return KeyCondition.Operator.LT;
      case LE:
        return KeyCondition.Operator.LE;
      case GT:
        return KeyCondition.Operator.GT;
      case GE:
        return KeyCondition.Operator.GE;
      default:
        return KeyCondition.Operator.EQ;
    }
  }

  /** {@code :v < k} is {@code k > :v}. */
  private static KeyCondition.Operator mirrored(KeyCondition.Operator operator) {
    switch (operator) {
      case LT:
        return KeyCondition.Operator.GT;
      case LE:
        return KeyCondition.Operator.GE;
      case GT:
        return KeyCondition.Operator.LT;
      case GE:
        return KeyCondition.Operator.LE;
      default:
        return operator;
    }
  }
}
