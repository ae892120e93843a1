package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.internal.dynamodb.expression.Operand.Call;
import dev.tombstone.internal.dynamodb.expression.Operand.Path;
import dev.tombstone.internal.dynamodb.expression.Operand.Segment;
import java.util.List;
import java.util.Set;

/**
 * The checks that need only the text, after parsing and before placeholders are resolved. One
 * walk in textual order notes the first offender of each kind; DynamoDB then reports a function
 * name it does not take before a function in the wrong place, and that before a reserved word. A
 * name it does not take is an unknown one or an UpdateExpression function ({@code if_not_exists},
 * {@code list_append}), which has a message of its own; the first in the text wins.
 */
final class StaticChecks {
  static final String SIZE = "size";
  static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with",
          "contains");
  static final Set<String> UPDATE_FUNCTIONS =
      Set.of(UpdateBinder.IF_NOT_EXISTS, UpdateBinder.LIST_APPEND);

  private Problem functionName;
  private Problem misplacedFunction;
  private Problem reservedWord;

  private StaticChecks() {}

  static void check(Condition condition) {
    StaticChecks checks = new StaticChecks();
    checks.condition(condition);
    checks.fail();
  }

  static void checkReserved(List<Path> paths) {
    StaticChecks checks = new StaticChecks();
    for (Path path : paths) {
      checks.operand(path, false);
    }
    checks.fail();
  }

  private void fail() {
    Problem problem = functionName != null ? functionName
        : misplacedFunction != null ? misplacedFunction
        : reservedWord;
    if (problem != null) {
      throw new ExpressionException(problem);
    }
  }

  private void condition(Condition condition) {
    if (condition instanceof Condition.Or or) {
      condition(or.left());
      condition(or.right());
    } else if (condition instanceof Condition.And and) {
      condition(and.left());
      condition(and.right());
    } else if (condition instanceof Condition.Not not) {
      condition(not.condition());
    } else if (condition instanceof Condition.Compare compare) {
      operand(compare.left(), false);
      operand(compare.right(), false);
    } else if (condition instanceof Condition.Between between) {
      operand(between.value(), false);
      operand(between.lower(), false);
      operand(between.upper(), false);
    } else if (condition instanceof Condition.In in) {
      operand(in.value(), false);
      for (Operand candidate : in.candidates()) {
        operand(candidate, false);
      }
    } else if (condition instanceof Condition.Function function) {
      operand(function.call(), true);
    }
  }

  private void operand(Operand operand, boolean asCondition) {
    if (operand instanceof Call call) {
      call(call, asCondition);
    } else if (operand instanceof Path path && reservedWord == null) {
      for (Segment segment : path.segments()) {
        if (segment instanceof Operand.Name name && ReservedWords.contains(name.name())) {
          reservedWord = new Problem.Reserved(name.name());
          return;
        }
      }
    }
  }

  private void call(Call call, boolean asCondition) {
    String name = call.name();
    boolean known = name.equals(SIZE) || CONDITION_FUNCTIONS.contains(name);
    if (!known && functionName == null) {
      functionName = UPDATE_FUNCTIONS.contains(name)
          ? new Problem.NotInCondition(name) : new Problem.InvalidFunction(name);
    }
    if (known && asCondition == name.equals(SIZE) && misplacedFunction == null) {
      misplacedFunction = new Problem.MisusedFunction(name);
    }
    for (Operand argument : call.arguments()) {
      operand(argument, false);
    }
  }
}
