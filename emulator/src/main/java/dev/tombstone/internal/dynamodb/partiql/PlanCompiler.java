package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.internal.dynamodb.expression.CompiledUpdate;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.ExpressionKind;
import dev.tombstone.internal.dynamodb.expression.Projection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Compiles a statement's conditions, actions and projection, as an {@link ExpressionWriter}
 * writes them, with the expression compiler that the item operations use.
 */
final class PlanCompiler {
  private final ExpressionCompiler compiler = new ExpressionCompiler();

  /** {@code condition} as a ConditionExpression; null stays null. */
  ItemCondition condition(ExpressionWriter writer, Expr condition) {
    if (condition == null) {
      return null;
    }
    String text = writer.condition(condition);
    return unprefixed(ExpressionKind.CONDITION, () -> compiler.condition(
        ExpressionKind.CONDITION, text, writer.names(), writer.values()));
  }

  /** {@code condition} as a FilterExpression; null stays null. */
  ItemCondition filter(ExpressionWriter writer, Expr condition) {
    if (condition == null) {
      return null;
    }
    String text = writer.condition(condition);
    return unprefixed(ExpressionKind.FILTER, () -> compiler.condition(ExpressionKind.FILTER, text,
        writer.names(), writer.values()));
  }

  /** The UpdateExpression {@code text} that {@code writer} wrote, with all its placeholders. */
  CompiledUpdate update(ExpressionWriter writer, String text) {
    return unprefixed(ExpressionKind.UPDATE,
        () -> compiler.update(text, writer.names(), writer.values()));
  }

  /** The paths as a ProjectionExpression. */
  Projection projection(ExpressionWriter writer, List<Expr.Path> paths) {
    return compiler.projection(writer.projection(paths), writer.names());
  }

  /**
   * Runs a compilation; its errors lose the {@code Invalid ConditionExpression: } kind of prefix,
   * because the statement has no such request member and DynamoDB's PartiQL messages have none.
   */
  private static <T> T unprefixed(ExpressionKind kind, Supplier<T> compilation) {
    try {
      return compilation.get();
    } catch (DynamoDbError.Validation e) {
      if (e.getMessage() != null && e.getMessage().startsWith(kind.prefix())) {
        throw new DynamoDbError.Validation(e.getMessage().substring(kind.prefix().length()));
      }
      throw e;
    }
  }
}
