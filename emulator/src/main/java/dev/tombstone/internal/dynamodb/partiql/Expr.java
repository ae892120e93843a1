package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import java.util.List;

/** An expression of a PartiQL statement, as written: parameters not yet bound. */
public sealed interface Expr {

  /** A document path such as {@code "m".k[2]}; the first step is always a name. */
  record Path(List<Step> steps) implements Expr {
    public Path {
      steps = List.copyOf(steps);
    }

    /** The attribute name when the path is a single top-level name, else null. */
    public String topLevelName() {
      return steps.size() == 1 && steps.get(0) instanceof Name name ? name.name() : null;
    }
  }

  /** One step of a path. */
  sealed interface Step {}

  record Name(String name) implements Step {}

  record Index(int index) implements Step {}

  /** A literal scalar value: string, number, boolean or null. */
  record Literal(AttributeValue value) implements Expr {}

  /** The {@code index}th {@code ?} of the statement, counted from 0. */
  record Parameter(int index) implements Expr {}

  /** {@code {'k': v, ...}}: a map. */
  record Struct(List<Entry> entries) implements Expr {
    public Struct {
      entries = List.copyOf(entries);
    }
  }

  record Entry(String key, Expr value) {}

  /** {@code [a, b]}: a list. */
  record ListOf(List<Expr> elements) implements Expr {
    public ListOf {
      elements = List.copyOf(elements);
    }
  }

  /** {@code <<a, b>>}: a set (DynamoDB reads a bag as a string, number or binary set). */
  record SetOf(List<Expr> elements) implements Expr {
    public SetOf {
      elements = List.copyOf(elements);
    }
  }

  /**
   * A function call; {@code name} is lower case, {@code at} where the name stands
   * ({@code line:column:length}), which DynamoDB names when it does not know the function.
   */
  record Call(String name, List<Expr> arguments, String at) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /**
   * {@code SET s = set_add(s, <<...>>)} or {@code set_delete}: adds members to a set or removes
   * them, as UpdateItem's ADD and DELETE do.
   *
   * @param set the members: a {@code <<...>>} literal or a parameter
   * @param firstArgumentAt where the first argument stands ({@code line:column:length}), which
   *     DynamoDB names when the members are not a set
   */
  record SetFunction(boolean add, Expr set, String firstArgumentAt) implements Expr {
    /** The name as DynamoDB's messages spell it. */
    public String name() {
      return add ? "SET_ADD" : "SET_DELETE";
    }
  }

  /** {@code a + b} or {@code a - b}, as UPDATE's SET clause uses them. */
  record Arithmetic(Expr left, boolean plus, Expr right) implements Expr {}

  /** A comparison; {@code operator} is one of = <> < <= > >= ({@code !=} is read as <>). */
  record Compare(Expr left, String operator, Expr right) implements Expr {}

  record And(Expr left, Expr right) implements Expr {}

  record Or(Expr left, Expr right) implements Expr {}

  record Not(Expr operand) implements Expr {}

  record Between(Expr value, Expr lower, Expr upper) implements Expr {}

  record In(Expr value, List<Expr> candidates) implements Expr {
    public In {
      candidates = List.copyOf(candidates);
    }
  }

  /** {@code a IS MISSING}, or {@code a IS NOT MISSING} when {@code negated}. */
  record IsMissing(Expr value, boolean negated) implements Expr {}

  /**
   * {@code a IS NULL}: true when the attribute holds the NULL type. {@code a IS NOT NULL} when
   * {@code negated}, which DynamoDB also holds true for a missing attribute.
   */
  record IsNull(Expr value, boolean negated) implements Expr {}

  /**
   * {@code a IS BOOL} or {@code a IS STRING}: true when the attribute holds that type;
   * {@code a IS NOT ...} when {@code negated}, which a missing attribute also satisfies.
   */
  record IsType(Expr value, AttributeType type, boolean negated) implements Expr {}
}
