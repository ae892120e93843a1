package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.KeyCondition;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Moves the first range term on the sort key ({@code <}, {@code BETWEEN}, {@code begins_with}
 * with a value) from a SELECT's WHERE terms into the Query's key condition, so that the Query
 * reads only that range; the terms left (under OR or IN too) filter what it reads.
 */
final class SortKeyRange {
  private static final Map<String, KeyCondition.Operator> OPERATORS = Map.of(
      "<", KeyCondition.Operator.LT, "<=", KeyCondition.Operator.LE,
      ">", KeyCondition.Operator.GT, ">=", KeyCondition.Operator.GE);

  private SortKeyRange() {}

  static KeyCondition take(KeyCondition partition, String sortKey, List<Expr> terms,
      List<AttributeValue> parameters) {
    for (Iterator<Expr> it = terms.iterator(); it.hasNext(); ) {
      Expr term = it.next();
      KeyCondition taken = null;
      if (term instanceof Expr.Compare c && OPERATORS.containsKey(c.operator())
          && isSortKey(c.left(), sortKey) && ValueBinder.isValue(c.right())) {
        taken = partition.and(sortKey, OPERATORS.get(c.operator()),
            ValueBinder.bind(c.right(), parameters));
      } else if (term instanceof Expr.Between b && isSortKey(b.value(), sortKey)
          && ValueBinder.isValue(b.lower()) && ValueBinder.isValue(b.upper())) {
        taken = partition.and(sortKey, KeyCondition.Operator.BETWEEN,
            ValueBinder.bind(b.lower(), parameters), ValueBinder.bind(b.upper(), parameters));
      } else if (term instanceof Expr.Call call && call.name().equals("begins_with")
          && call.arguments().size() == 2 && isSortKey(call.arguments().get(0), sortKey)
          && ValueBinder.isValue(call.arguments().get(1))) {
        taken = partition.and(sortKey, KeyCondition.Operator.BEGINS_WITH,
            ValueBinder.bind(call.arguments().get(1), parameters));
      }
      if (taken != null) {
        it.remove();
        return taken;
      }
    }
    return partition;
  }

  private static boolean isSortKey(Expr expr, String sortKey) {
    return expr instanceof Expr.Path path && sortKey.equals(path.topLevelName());
  }
}
