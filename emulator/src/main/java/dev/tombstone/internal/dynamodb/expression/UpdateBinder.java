package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.internal.dynamodb.expression.Operand.Call;
import dev.tombstone.internal.dynamodb.expression.Operand.Path;
import dev.tombstone.internal.dynamodb.expression.UpdateParser.Action;
import dev.tombstone.internal.dynamodb.expression.UpdateParser.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed UpdateExpression in DynamoDB's order and binds it: first what needs only the
 * text (unknown or misplaced functions and reserved words, in textual order; a clause used twice
 * once the actions up to its end passed), then
 * per action in textual order its placeholders, operand counts and operand types, then
 * overlapping and conflicting document paths across all actions.
 */
final class UpdateBinder {
  static final String IF_NOT_EXISTS = "if_not_exists";
  static final String LIST_APPEND = "list_append";

  private final Paths paths;
  private final Map<String, AttributeValue> values;
  private Problem placeholderProblem;
  private Problem countProblem;
  private Problem typeProblem;

  private UpdateBinder(Map<String, String> names, Map<String, AttributeValue> values) {
    this.paths = new Paths(names);
    this.values = values;
  }

  /**
   * Static checks only; they need no placeholders, so their outcome can be cached. One walk in
   * textual order (a function call before its arguments) reports the first unknown or misplaced
   * function ({@code list_append} as an arithmetic operand included) or reserved word; a clause
   * used twice is reported once the actions up to its end passed that walk.
   */
  static void checkStatic(UpdateParser.ParsedUpdate parsed) {
    List<Action> actions = parsed.actions();
    for (int a = 0; a < actions.size(); a++) {
      Action action = actions.get(a);
      List<Operand> operands = new ArrayList<>();
      operands.add(action.path());
      if (action.value() != null) {
        operands.add(action.value());
      }
      if (action.right() != null) {
        operands.add(action.right());
      }
      for (int i = 0; i < operands.size(); i++) {
        Operand operand = operands.get(i);
        boolean arithmetic = action.operator() != 0
            && (operand == action.value() || operand == action.right());
        Problem problem = arithmetic ? arithmeticOperand(operand) : null;
        if (problem == null) {
          problem = staticProblem(operand);
        }
        if (problem != null) {
          throw new ExpressionException(problem);
        }
        if (operand instanceof Call call) {
          operands.addAll(i + 1, call.arguments());
        }
      }
      if (a + 1 == parsed.repeatedEnd()) {
        throw new ExpressionException(new Problem.SectionTwice(parsed.repeated().name()));
      }
    }
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

  static CompiledUpdate bind(String text, UpdateParser.ParsedUpdate parsed,
      Map<String, String> names, Map<String, AttributeValue> values) {
    UpdateBinder binder = new UpdateBinder(names, values);
    List<CompiledUpdate.Step> steps = new ArrayList<>();
    for (Action action : parsed.actions()) {
      steps.add(binder.action(action));
    }
    List<List<Object>> written = new ArrayList<>();
    for (CompiledUpdate.Step step : steps) {
      written.add(step.path());
    }
    checkPaths(written);
    return new CompiledUpdate(text, steps, false, parsed.names(), parsed.values());
  }

  /** Overlaps first, in pair order; then the first conflict. */
  static void checkPaths(List<List<Object>> written) {
    Problem conflict = null;
    for (int j = 1; j < written.size(); j++) {
      for (int i = 0; i < j; i++) {
        Problem problem = Projection.compare(written.get(i), written.get(j));
        if (problem instanceof Problem.PathsOverlap) {
          throw new ExpressionException(problem);
        }
        if (conflict == null) {
          conflict = problem;
        }
      }
    }
    if (conflict != null) {
      throw new ExpressionException(conflict);
    }
  }

  private CompiledUpdate.Step action(Action action) {
    placeholderProblem = countProblem = typeProblem = null;
    Paths.Resolved target = paths.resolve(action.path());
    if (target.problem() != null) {
      placeholder(target.problem());
    }
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
      if (operand != null) {
        checkActionOperand(section, operand.type());
      }
    }
    Problem problem = placeholderProblem != null ? placeholderProblem
        : countProblem != null ? countProblem : typeProblem;
    if (problem != null) {
      throw new ExpressionException(problem);
    }
    return new CompiledUpdate.Step(section, target.steps(), value, operand);
  }

  private void checkActionOperand(Section section, AttributeType type) {
    boolean set = type == AttributeType.SS || type == AttributeType.NS || type == AttributeType.BS;
    if (!set && (section == Section.DELETE || type != AttributeType.N)) {
      type(new Problem.ActionOperandType(section.name(), longName(type)));
    }
  }

  private UpdateValue value(Operand operand) {
    if (operand instanceof Path path) {
      Paths.Resolved resolved = paths.resolve(path);
      if (resolved.problem() != null) {
        placeholder(resolved.problem());
        return new UpdateValue.Read(null);
      }
      return new UpdateValue.Read(resolved.source());
    }
    if (operand instanceof Operand.ValueRef ref) {
      AttributeValue literal = literal(ref.placeholder());
      return literal == null ? new UpdateValue.Read(null) : new UpdateValue.Literal(literal);
    }
    Call call = (Call) operand;
    List<Operand> arguments = call.arguments();
    List<UpdateValue> bound = new ArrayList<>(arguments.size());
    for (Operand argument : arguments) {
      bound.add(value(argument));
    }
    if (arguments.size() != 2) {
      count(new Problem.OperandCount(call.name(), arguments.size()));
      return new UpdateValue.Read(null);
    }
    if (call.name().equals(IF_NOT_EXISTS)) {
      if (!(arguments.get(0) instanceof Path)) {
        type(new Problem.RequiresPath(IF_NOT_EXISTS));
        return new UpdateValue.Read(null);
      }
      return new UpdateValue.IfNotExists(((UpdateValue.Read) bound.get(0)).path(), bound.get(1));
    }
    for (UpdateValue argument : bound) {
      AttributeType type = argument.staticType();
      if (type != null && type != AttributeType.L) {
        type(new Problem.OperandType(LIST_APPEND, type.name()));
      }
    }
    return new UpdateValue.ListAppend(bound.get(0), bound.get(1));
  }

  private void numeric(String operator, UpdateValue operand) {
    AttributeType type = operand.staticType();
    if (type != null && type != AttributeType.N) {
      type(new Problem.OperandType(operator, type.name()));
    }
  }

  private AttributeValue literal(String placeholder) {
    AttributeValue value = values == null ? null : values.get(placeholder);
    if (value == null) {
      placeholder(new Problem.UndefinedValue(placeholder));
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

  private void type(Problem problem) {
    if (typeProblem == null) {
      typeProblem = problem;
    }
  }
}
