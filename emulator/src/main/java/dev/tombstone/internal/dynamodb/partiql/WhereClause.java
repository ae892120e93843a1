package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause split into its top-level AND terms: equalities of key attributes with a value,
 * and the rest.
 *
 * @param keys key attribute name to the value it must equal
 * @param rest the other terms, in statement order
 * @param contradictory whether two equalities give one key attribute different values, so that
 *     no item can match (only a SELECT gets this far with them)
 */
record WhereClause(Map<String, AttributeValue> keys, List<Expr> rest, boolean contradictory) {
  static final String MULTIPLE = "Multiple conditions on same key %s."
      + " Only single item Update/Insert/Delete are supported";
  static final String KEY_TYPE = Planner.KEY_TYPE_MISMATCH + "Key %s";
  static final String KEY_VALUE_TYPE =
      "Key value must be of type S, N, or B. Key name: %s, Key type: %s";

  /**
   * Splits {@code where}. A second equality on a key attribute with the same value adds nothing;
   * with another value it is an error with {@code single} (a write names one item), and makes
   * the clause contradictory otherwise.
   */
  static WhereClause split(Expr where, List<KeyAttribute> keyAttributes,
      List<AttributeValue> parameters, boolean single) {
    return split(where, keyAttributes, parameters, single, false);
  }

  /**
   * Splits {@code where}; with {@code oneValueIn}, {@code k IN [v]} on a key attribute counts as
   * {@code k = v}, as it does in a SELECT (floci's DynamoDbPartiQLEdgeCaseIntegrationTest,
   * captured from DynamoDB 2026-09-17: a transaction reads {@code pk IN ['a'] AND sk IN ['1']}
   * as one item, while EXISTS and writes do not take it for the key).
   */
  static WhereClause split(Expr where, List<KeyAttribute> keyAttributes,
      List<AttributeValue> parameters, boolean single, boolean oneValueIn) {
    List<Expr> terms = new ArrayList<>();
    flatten(where, terms);
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    List<Expr> rest = new ArrayList<>();
    boolean contradictory = false;
    for (Expr term : terms) {
      KeyAttribute key = null;
      Expr value = null;
      if (oneValueIn && term instanceof Expr.In in && in.candidates().size() == 1) {
        key = keyNamed(in.value(), keyAttributes);
        value = in.candidates().get(0);
      } else if (term instanceof Expr.Compare compare && compare.operator().equals("=")) {
        key = keyNamed(compare.left(), keyAttributes);
        value = compare.right();
        if (key == null || !ValueBinder.isValue(value)) {
          key = keyNamed(compare.right(), keyAttributes);
          value = compare.left();
        }
      }
      if (key == null || !ValueBinder.isValue(value)) {
        rest.add(term);
        continue;
      }
      AttributeValue bound = ValueBinder.bind(value, parameters);
      AttributeValue earlier = keys.get(key.name());
      if (earlier != null) {
        if (!earlier.equals(bound)) {
          if (single) {
            throw new DynamoDbError.Validation(String.format(MULTIPLE, key.name()));
          }
          contradictory = true;
        }
        continue;
      }
      if (single && !bound.type().isScalarKeyType()) {
        throw new DynamoDbError.Validation(String.format(KEY_VALUE_TYPE, key.name(), bound.type()));
      }
      if (bound.type() != key.type()) {
        throw new DynamoDbError.Validation(String.format(KEY_TYPE, key.name()));
      }
      keys.put(key.name(), bound);
    }
    return new WhereClause(keys, rest, contradictory);
  }

  /** Whether every attribute of {@code keyAttributes} has its equality. */
  boolean hasAll(List<KeyAttribute> keyAttributes) {
    return keyAttributes.stream().allMatch(k -> keys.containsKey(k.name()));
  }

  /** The rest joined by AND again; null when there is none. */
  Expr condition() {
    return join(rest);
  }

  static Expr join(List<Expr> terms) {
    Expr joined = null;
    for (Expr term : terms) {
      joined = joined == null ? term : new Expr.And(joined, term);
    }
    return joined;
  }

  private static void flatten(Expr expr, List<Expr> terms) {
    if (expr instanceof Expr.And and) {
      flatten(and.left(), terms);
      flatten(and.right(), terms);
    } else {
      terms.add(expr);
    }
  }

  private static KeyAttribute keyNamed(Expr expr, List<KeyAttribute> keyAttributes) {
    if (!(expr instanceof Expr.Path path) || path.topLevelName() == null) {
      return null;
    }
    for (KeyAttribute key : keyAttributes) {
      if (key.name().equals(path.topLevelName())) {
        return key;
      }
    }
    return null;
  }
}
