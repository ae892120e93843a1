package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;

/**
 * Refuses a WHERE clause, or an operand of AND, OR or NOT, that is a value or a path where a
 * condition belongs ({@code WHERE pk}, {@code ... AND sk}, {@code NOT (c)}, {@code ... AND ?}),
 * with the texts of DynamoDB's PartiQL front end (as DynamoDB Local 3.3.1 carries it), after the
 * parameter count and before the table and the key terms are looked at.
 */
final class ConditionShape {
  static final String WHERE = "WHERE clause must contain an expression that resolves to a boolean";
  static final String AND_OR = "The arguments to AND/OR must be Expressions";
  static final String NOT = "The argument to NOT must be a Type or Expression";

  private ConditionShape() {}

  /** Checks the WHERE clause of {@code statement}, if it has one. */
  static void check(Statement statement) {
    Expr where = null;
    if (statement instanceof Statement.Select select) {
      where = select.where();
    } else if (statement instanceof Statement.Delete delete) {
      where = delete.where();
    } else if (statement instanceof Statement.Update update) {
      where = update.where();
    } else if (statement instanceof Statement.Exists exists) {
      where = exists.select().where();
    }
    if (where == null) {
      return;
    }
    if (notCondition(where)) {
      throw new DynamoDbError.Validation(WHERE);
    }
    operands(where);
  }

  private static void operands(Expr expr) {
    if (expr instanceof Expr.And and) {
      both(and.left(), and.right());
    } else if (expr instanceof Expr.Or or) {
      both(or.left(), or.right());
    } else if (expr instanceof Expr.Not not) {
      if (notCondition(not.operand())) {
        throw new DynamoDbError.Validation(NOT);
      }
      operands(not.operand());
    }
  }

  private static void both(Expr left, Expr right) {
    if (notCondition(left) || notCondition(right)) {
      throw new DynamoDbError.Validation(AND_OR);
    }
    operands(left);
    operands(right);
  }

  /** A path or a value: what DynamoDB's front end finds is no expression. */
  private static boolean notCondition(Expr expr) {
    return expr instanceof Expr.Path || ValueBinder.isValue(expr);
  }
}
