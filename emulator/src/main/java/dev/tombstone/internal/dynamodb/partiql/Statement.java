package dev.tombstone.internal.dynamodb.partiql;

import java.util.List;

/**
 * A parsed PartiQL statement of the kinds DynamoDB serves: SELECT, INSERT, UPDATE, DELETE, and
 * EXISTS(SELECT ...) as a transaction's condition check.
 *
 * <pre>{@code
 * Statement s = StatementParser.parse("DELETE FROM \"Orders\" WHERE \"pk\" = ?");
 * s.parameterCount();   // 1
 * }</pre>
 */
public sealed interface Statement {

  /** The table named after FROM, INTO or UPDATE. */
  Target target();

  /** How many {@code ?} parameters the statement has. */
  int parameterCount();

  /**
   * Whether it belongs with the writes (INSERT, UPDATE, DELETE, and EXISTS, which only a write
   * transaction takes) rather than the reads.
   */
  default boolean isWrite() {
    return !(this instanceof Select);
  }

  /** A table, or one of its indexes when {@code index} is not null. */
  record Target(String table, String index) {}

  /** A RETURNING clause, e.g. ALL OLD: {@code all} false means MODIFIED. */
  record Returning(boolean all, boolean old) {
    /** As DynamoDB quotes it in messages: {@code RETURNING ALL NEW *}. */
    @Override
    public String toString() {
      return "RETURNING " + (all ? "ALL" : "MODIFIED") + " " + (old ? "OLD" : "NEW") + " *";
    }
  }

  /**
   * DELETE FROM table WHERE condition [RETURNING ...]; {@code where} is null when the WHERE
   * clause is left out, which the planner refuses as DynamoDB does.
   */
  record Delete(Target target, Expr where, Returning returning, int parameterCount)
      implements Statement {}

  /** INSERT INTO table VALUE item [RETURNING ...]; DynamoDB refuses the RETURNING. */
  record Insert(Target target, Expr value, Returning returning, int parameterCount)
      implements Statement {}

  /**
   * UPDATE table SET/REMOVE ... WHERE condition [RETURNING ...], or the same written FROM table
   * WHERE condition SET/REMOVE ...; {@code where} as for DELETE.
   */
  record Update(Target target, List<Action> actions, Expr where, Returning returning,
      int parameterCount) implements Statement {
    public Update {
      actions = List.copyOf(actions);
    }
  }

  /** One SET or REMOVE of an UPDATE; {@code value} is null for REMOVE. */
  record Action(Expr.Path path, Expr value) {}

  /**
   * SELECT projection FROM table[.index] [WHERE condition] [ORDER BY name [ASC|DESC], ...].
   *
   * @param projection the top-level paths selected; empty for {@code *}
   * @param where null when there is no WHERE clause
   * @param orderBy the ORDER BY terms in statement order; empty without ORDER BY
   */
  record Select(Target target, List<Expr.Path> projection, Expr where, List<OrderTerm> orderBy,
      int parameterCount) implements Statement {
    public Select {
      projection = List.copyOf(projection);
      orderBy = List.copyOf(orderBy);
    }
  }

  /** One term of ORDER BY: an attribute and its direction. */
  record OrderTerm(String name, boolean descending) {}

  /**
   * EXISTS(SELECT ...): in a write transaction, a condition check that the SELECT finds its one
   * item (as TransactWriteItems' ConditionCheck); refused anywhere else.
   */
  record Exists(Select select) implements Statement {
    @Override
    public Target target() {
      return select.target();
    }

    @Override
    public int parameterCount() {
      return select.parameterCount();
    }
  }
}
