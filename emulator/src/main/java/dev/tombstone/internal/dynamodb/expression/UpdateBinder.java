package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.internal.dynamodb.expression.Operand.Call;
import dev.tombstone.internal.dynamodb.expression.Operand.Path;
import dev.tombstone.internal.dynamodb.expression.UpdateParser.Action;
import dev.tombstone.internal.dynamodb.expression.UpdateParser.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed UpdateExpression in DynamoDB's order and binds it: first what needs only the
 * text (unknown or misplaced functions and reserved words, in textual order; a clause used twice
 * once the actions up to its end passed), then, taking the actions last to first, every target
 * path (placeholders, then overlaps and conflicts, see {@link PathTree}), then every value.
 */
final class UpdateBinder {
  static final String IF_NOT_EXISTS = "if_not_exists";
  static final String LIST_APPEND = "list_append";

  private final Paths paths;
  private final Map<String, AttributeValue> values;

  private UpdateBinder(Map<String, String> names, Map<String, AttributeValue> values) {
    this.paths = new Paths(names);
    this.values = values;
  }

  /**
   * Static checks only; they need no placeholders, so their outcome can be cached. One walk in
   * textual order (a function call before its arguments) reports the first unknown or misplaced
   * function ({@code list_append} as an arithmetic operand or inside another function included)
   * or reserved word; a clause used twice is reported once the actions up to its end passed that
   * walk.
   */
  static void checkStatic(UpdateParser.ParsedUpdate parsed) {
    List<Action> actions = parsed.actions();
    for (int a = 0; a < actions.size(); a++) {
      Action action = actions.get(a);
      Problem problem = firstStaticProblem(action.path(), false);
      for (Operand operand : new Operand[] {action.value(), action.right()}) {
        if (problem == null && operand != null) {
          problem = action.operator() != 0 ? arithmeticOperand(operand) : null;
          if (problem == null) {
            problem = firstStaticProblem(operand, false);
          }
        }
      }
      if (problem != null) {
        throw new ExpressionException(problem);
      }
      if (a + 1 == parsed.repeatedEnd()) {
        throw new ExpressionException(new Problem.SectionTwice(parsed.repeated().name()));
      }
    }
  }

  /**
   * The operand's own problem, then its arguments' in order. Only {@code if_not_exists} may be
   * an argument of a function: DynamoDB refuses {@code list_append} there, even inside
   * {@code if_not_exists}.
   */
  private static Problem firstStaticProblem(Operand operand, boolean argument) {
    Problem problem = staticProblem(operand);
    if (problem != null) {
      return problem;
    }
    if (!(operand instanceof Call call)) {
      return null;
    }
    if (argument && call.name().equals(LIST_APPEND)) {
      return new Problem.MisusedFunction(LIST_APPEND);
    }
    for (Operand nested : call.arguments()) {
      problem = firstStaticProblem(nested, true);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static Problem staticProblem(Operand operand) {
    if (operand instanceof Call call) {
      String name = call.name();
      if (name.equals(IF_NOT_EXISTS) || name.equals(LIST_APPEND)) {
        return null;
      }
      boolean condition = name.equals(StaticChecks.SIZE)
          || StaticChecks.CONDITION_FUNCTIONS.contains(name);
      return condition ? new Problem.NotInUpdate(name) : new Problem.InvalidFunction(name);
    }
    if (operand instanceof Path path) {
      for (Operand.Segment segment : path.segments()) {
        if (segment instanceof Operand.Name n && ReservedWords.contains(n.name())) {
          return new Problem.Reserved(n.name());
        }
      }
    }
    return null;
  }

  private static Problem arithmeticOperand(Operand operand) {
    return operand instanceof Call call && call.name().equals(LIST_APPEND)
        ? new Problem.MisusedFunction(LIST_APPEND) : null;
  }

  /**
   * DynamoDB takes the actions last to first, twice: first each target path (its placeholders and
   * depth, then whether it overlaps or conflicts with the targets after it), then each value
   * (its operands before the function or operator that takes them, then the ADD or DELETE
   * operand's type).
   */
  static CompiledUpdate bind(String text, UpdateParser.ParsedUpdate parsed,
      Map<String, String> names, Map<String, AttributeValue> values) {
    UpdateBinder binder = new UpdateBinder(names, values);
    List<Action> actions = parsed.actions();
    List<List<Object>> targets = new ArrayList<>(Collections.nCopies(actions.size(), null));
    PathTree written = new PathTree();
    for (int i = actions.size() - 1; i >= 0; i--) {
      Paths.Resolved target = binder.paths.resolve(actions.get(i).path());
      if (target.problem() != null) {
        throw new ExpressionException(target.problem());
      }
      written.add(target.steps());
      targets.set(i, target.steps());
    }
    CompiledUpdate.Step[] steps = new CompiledUpdate.Step[actions.size()];
    for (int i = actions.size() - 1; i >= 0; i--) {
      steps[i] = binder.action(actions.get(i), targets.get(i));
    }
    return new CompiledUpdate(text, List.of(steps), false, parsed.names(), parsed.values());
  }

  private CompiledUpdate.Step action(Action action, List<Object> target) {
    UpdateValue value = null;
    AttributeValue operand = null;
    Section section = action.section();
    if (section == Section.SET) {
      value = value(action.value());
      if (action.operator() != 0) {
        String symbol = String.valueOf(action.operator());
        UpdateValue right = value(action.right());
        numeric(symbol, value);
        numeric(symbol, right);
        value = new UpdateValue.Arithmetic(value, action.operator() == '+', right);
      }
    } else if (section != Section.REMOVE) {
      operand = literal(((Operand.ValueRef) action.value()).placeholder());
      checkActionOperand(section, operand.type());
    }
    return new CompiledUpdate.Step(section, target, value, operand);
  }

  private void checkActionOperand(Section section, AttributeType type) {
    boolean set = type == AttributeType.SS || type == AttributeType.NS || type == AttributeType.BS;
    if (!set && (section == Section.DELETE || type != AttributeType.N)) {
      throw new ExpressionException(
          new Problem.ActionOperandType(section.name(), longName(type)));
    }
  }

  private UpdateValue value(Operand operand) {
    if (operand instanceof Path path) {
      Paths.Resolved resolved = paths.resolve(path);
      if (resolved.problem() != null) {
        throw new ExpressionException(resolved.problem());
      }
      return new UpdateValue.Read(resolved.source());
    }
    if (operand instanceof Operand.ValueRef ref) {
      return new UpdateValue.Literal(literal(ref.placeholder()));
    }
    Call call = (Call) operand;
    List<Operand> arguments = call.arguments();
    List<UpdateValue> bound = new ArrayList<>(arguments.size());
    for (Operand argument : arguments) {
      bound.add(value(argument));
    }
    if (arguments.size() != 2) {
      throw new ExpressionException(new Problem.OperandCount(call.name(), arguments.size()));
    }
    if (call.name().equals(IF_NOT_EXISTS)) {
      if (!(arguments.get(0) instanceof Path)) {
        throw new ExpressionException(new Problem.RequiresPath(IF_NOT_EXISTS));
      }
      return new UpdateValue.IfNotExists(((UpdateValue.Read) bound.get(0)).path(), bound.get(1));
    }
    for (UpdateValue argument : bound) {
      AttributeType type = argument.staticType();
      if (type != null && type != AttributeType.L) {
        throw new ExpressionException(new Problem.OperandType(LIST_APPEND, type.name()));
      }
    }
    return new UpdateValue.ListAppend(bound.get(0), bound.get(1));
  }

  private void numeric(String operator, UpdateValue operand) {
    AttributeType type = operand.staticType();
    if (type != null && type != AttributeType.N) {
      throw new ExpressionException(new Problem.OperandType(operator, type.name()));
    }
  }

  private AttributeValue literal(String placeholder) {
    AttributeValue value = values == null ? null : values.get(placeholder);
    if (value == null) {
      throw new ExpressionException(new Problem.UndefinedValue(placeholder));
    }
    return value;
  }

  /** DynamoDB's long type names, used in ADD and DELETE messages. */
  static String longName(AttributeType type) {
    return switch (type) {
      case S -> "STRING";
      case N -> "NUMBER";
      case B -> "BINARY";
      case BOOL -> "BOOLEAN";
      case NULL -> "NULL";
      case SS -> "STRING_SET";
      case NS -> "NUMBER_SET";
      case BS -> "BINARY_SET";
      case L -> "LIST";
      case M -> "MAP";
    };
  }
}
