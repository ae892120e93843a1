package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.internal.dynamodb.expression.Condition.Comparator;
import dev.tombstone.internal.dynamodb.expression.Operand.Call;
import dev.tombstone.internal.dynamodb.expression.Operand.Path;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Resolves a condition's placeholders against a request's names and values, checks what depends
 * on them, and builds the {@link Predicate}.
 *
 * <p>DynamoDB walks the conditions in textual order and reports the first one with a problem.
 * Within one comparison or function it ranks the problems: an undefined placeholder (or a bad
 * path) first, then a wrong operand count, then a repeated path, then operand types.
 */
final class Binder {
  static final int MAX_IN_OPERANDS = 100;

  private static final String PATH_TYPES =
      "{M,INT,N,NULL,FLOAT,SS,INTSET,B,DOUBLE,HD,DICT,NS,S,DECIMAL,L,FS,BOOL,BS,DOUBLESET,HDS,"
          + "DECIMALSET}";

  private final Paths paths;
  private final Map<String, AttributeValue> values;
  private Problem placeholderProblem;
  private Problem countProblem;
  private Problem distinctProblem;
  private Problem typeProblem;

  private Binder(Map<String, String> names, Map<String, AttributeValue> values) {
    this.paths = new Paths(names);
    this.values = values;
  }

  /** An operand with what the checks need: its path steps or its literal, if it has one. */
  private record Bound(Source source, List<Object> steps, AttributeValue literal, boolean size) {
    boolean isPath() {
      return steps != null;
    }
  }

  static Predicate bind(
      Condition condition, Map<String, String> names, Map<String, AttributeValue> values) {
    return new Binder(names, values).condition(condition);
  }

  private Predicate condition(Condition condition) {
    if (condition instanceof Condition.Or or) {
      Predicate left = condition(or.left());
      return new Predicate.Or(left, condition(or.right()));
    }
    if (condition instanceof Condition.And and) {
      Predicate left = condition(and.left());
      return new Predicate.And(left, condition(and.right()));
    }
    if (condition instanceof Condition.Not not) {
      return new Predicate.Not(condition(not.condition()));
    }
    placeholderProblem = countProblem = distinctProblem = typeProblem = null;
    Predicate predicate = leaf(condition);
    Problem problem = firstNonNull(placeholderProblem, countProblem, distinctProblem, typeProblem);
    if (problem != null) {
      throw new ExpressionException(problem);
    }
    return predicate;
  }

  private Predicate leaf(Condition condition) {
    if (condition instanceof Condition.Compare compare) {
      return compare(compare);
    }
    if (condition instanceof Condition.Between between) {
      return between(between);
    }
    if (condition instanceof Condition.In in) {
      return in(in);
    }
    return function(((Condition.Function) condition).call());
  }

  private Predicate compare(Condition.Compare compare) {
    Bound left = operand(compare.left());
    Bound right = operand(compare.right());
    Comparator comparator = compare.comparator();
    distinct(comparator.symbol(), left, right);
    if (comparator.isOrdering()) {
      orderable(comparator.symbol(), left);
      orderable(comparator.symbol(), right);
    }
    return new Predicate.Compare(left.source(), comparator, right.source());
  }

  private Predicate between(Condition.Between between) {
    Bound value = operand(between.value());
    Bound lower = operand(between.lower());
    Bound upper = operand(between.upper());
    distinct("BETWEEN", value, lower, upper);
    orderable("BETWEEN", value);
    orderable("BETWEEN", lower);
    orderable("BETWEEN", upper);
    AttributeValue low = lower.literal();
    AttributeValue high = upper.literal();
    if (low != null && high != null) {
      if (low.type() != high.type()) {
        type(new Problem.BetweenTypes(low, high));
      } else if (Values.compare(low, high) > 0) {
        type(new Problem.BetweenOrder(low, high));
      }
    }
    return new Predicate.Between(value.source(), lower.source(), upper.source());
  }

  private Predicate in(Condition.In in) {
    Bound value = operand(in.value());
    List<Operand> syntax = in.candidates();
    Bound[] candidates = new Bound[syntax.size()];
    Source[] sources = new Source[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      candidates[i] = operand(syntax.get(i));
      sources[i] = candidates[i].source();
    }
    if (candidates.length > MAX_IN_OPERANDS) {
      count(new Problem.TooManyInOperands(candidates.length));
    }
    distinct("IN", value, candidates);
    return new Predicate.In(value.source(), sources);
  }

  private Predicate function(Call call) {
    String name = call.name();
    Bound[] arguments = arguments(call);
    int expected = arity(name);
    if (arguments.length != expected) {
      count(new Problem.OperandCount(name, arguments.length));
      return null;
    }
    Bound first = arguments[0];
    if (expected == 2) {
      distinct(name, first, arguments[1]);
    }
    switch (name) {
      case "attribute_exists":
      case "attribute_not_exists":
        if (!first.isPath()) {
          type(new Problem.RequiresPath(name));
        }
        return name.equals("attribute_exists")
            ? new Predicate.Exists(first.source())
            : new Predicate.NotExists(first.source());
      case "attribute_type":
        return new Predicate.TypeIs(first.source(), typeName(arguments[1]));
      case "begins_with":
        prefixType(name, first);
        prefixType(name, arguments[1]);
        return new Predicate.BeginsWith(first.source(), arguments[1].source());
      default:
        return new Predicate.Contains(first.source(), arguments[1].source());
    }
  }

  private AttributeType typeName(Bound operand) {
    AttributeValue literal = operand.literal();
    if (operand.isPath()) {
      type(new Problem.OperandType("attribute_type", PATH_TYPES));
    } else if (operand.size()) {
      type(new Problem.OperandType("attribute_type", "N"));
    } else if (literal instanceof AttributeValue.S s) {
      AttributeType type = typeNamed(s.value());
      if (type == null) {
        type(new Problem.InvalidTypeName(s.value()));
      }
      return type;
    } else if (literal != null) {
      type(new Problem.OperandType("attribute_type", literal.type().name()));
    }
    return null;
  }

  private void prefixType(String function, Bound operand) {
    if (operand.size()) {
      type(new Problem.OperandType(function, "N"));
    } else if (operand.literal() != null) {
      AttributeType type = operand.literal().type();
      if (type != AttributeType.S && type != AttributeType.B) {
        type(new Problem.OperandType(function, type.name()));
      }
    }
  }

  /** Ordering comparators and BETWEEN accept literals of type N, S and B only. */
  private void orderable(String operator, Bound operand) {
    if (operand.literal() != null && !operand.literal().type().isScalarKeyType()) {
      type(new Problem.OperandType(operator, operand.literal().type().name()));
    }
  }

  private void distinct(String operator, Bound first, Bound... rest) {
    if (!first.isPath()) {
      return;
    }
    for (Bound other : rest) {
      if (other.isPath() && first.steps().equals(other.steps())) {
        distinctProblem(new Problem.NotDistinct(operator, Paths.render(first.steps())));
        return;
      }
    }
  }

  private Bound[] arguments(Call call) {
    List<Operand> syntax = call.arguments();
    Bound[] arguments = new Bound[syntax.size()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = operand(syntax.get(i));
    }
    return arguments;
  }

  private Bound operand(Operand operand) {
    if (operand instanceof Path path) {
      Paths.Resolved resolved = paths.resolve(path);
      if (resolved.problem() != null) {
        placeholder(resolved.problem());
        return new Bound(null, null, null, false);
      }
      return new Bound(resolved.source(), resolved.steps(), null, false);
    }
    if (operand instanceof Operand.ValueRef ref) {
      AttributeValue value = values == null ? null : values.get(ref.placeholder());
      if (value == null) {
        placeholder(new Problem.UndefinedValue(ref.placeholder()));
        return new Bound(null, null, null, false);
      }
      return new Bound(Source.Literal.of(value), null, value, false);
    }
    return size((Call) operand);
  }

  /** {@code size(x)}; the only function allowed as an operand once the static checks passed. */
  private Bound size(Call call) {
    Bound[] arguments = arguments(call);
    if (arguments.length != 1) {
      count(new Problem.OperandCount(StaticChecks.SIZE, arguments.length));
      return new Bound(null, null, null, true);
    }
    Bound argument = arguments[0];
    AttributeValue literal = argument.literal();
    if (argument.size()) {
      type(new Problem.OperandType(StaticChecks.SIZE, "N"));
    } else if (literal != null) {
      long size = Values.size(literal);
      if (size < 0) {
        type(new Problem.OperandType(StaticChecks.SIZE, literal.type().name()));
        return new Bound(null, null, null, true);
      }
      Source constant = Source.Literal.of(new AttributeValue.N(BigDecimal.valueOf(size)));
      return new Bound(constant, null, null, true);
    }
    return new Bound(new Source.Size(argument.source()), null, null, true);
  }

  private void placeholder(Problem problem) {
    if (placeholderProblem == null) {
      placeholderProblem = problem;
    }
  }

  private void count(Problem problem) {
    if (countProblem == null) {
      countProblem = problem;
    }
  }

  private void distinctProblem(Problem problem) {
    if (distinctProblem == null) {
      distinctProblem = problem;
    }
  }

  private void type(Problem problem) {
    if (typeProblem == null) {
      typeProblem = problem;
    }
  }

  private static Problem firstNonNull(Problem... problems) {
    for (Problem problem : problems) {
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** The type codes {@code attribute_type} accepts, case-sensitive. */
  private static AttributeType typeNamed(String name) {
    for (AttributeType type : AttributeType.values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }

  private static int arity(String function) {
    return switch (function) {
      case "attribute_exists", "attribute_not_exists" -> 1;
      default -> 2;
    };
  }
}
