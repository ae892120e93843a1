package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a SELECT's projection answers under, and the checks DynamoDB makes of them before
 * any other check of the statement's meaning: two paths with the same name (the last name step
 * and the indexes after it: {@code m.x} and {@code n.x} are both {@code x}), then two paths of
 * which one continues the other ({@code m.a}, {@code m.a.b}) or that take one step as a map key
 * and as a list index ({@code l[0]}, {@code l.x}), the first such pair in statement order, the
 * later path named first.
 */
final class SelectNames {
  static final String DUPLICATE = "Duplicate identifiers in select clause: ";
  static final String OVERLAP = "Two document paths overlap with each other; must remove or"
      + " rewrite one of these paths; path one: ";
  static final String CONFLICT = "Two document paths conflict with each other; must remove or"
      + " rewrite one of these paths; path one: ";

  private SelectNames() {}

  /** The name {@code path} answers under when the walk reaches its end. */
  static String name(Expr.Path path) {
    List<Expr.Step> steps = path.steps();
    int last = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Expr.Name) {
        last = i;
      }
    }
    StringBuilder out = new StringBuilder(((Expr.Name) steps.get(last)).name());
    for (Expr.Step step : steps.subList(last + 1, steps.size())) {
      out.append('[').append(((Expr.Index) step).index()).append(']');
    }
    return out.toString();
  }

  /** Refuses a projection as DynamoDB does: duplicate names first, then overlaps and conflicts. */
  static void check(List<Expr.Path> projection) {
    Set<String> seen = new HashSet<>();
    for (Expr.Path path : projection) {
      String name = name(path);
      if (!seen.add(name)) {
        throw new DynamoDbError.Validation(DUPLICATE + name);
      }
    }
    for (int j = 1; j < projection.size(); j++) {
      for (int i = 0; i < j; i++) {
        String problem = clash(projection.get(j), projection.get(i));
        if (problem != null) {
          throw new DynamoDbError.Validation(problem + render(projection.get(j))
              + ", path two: " + render(projection.get(i)));
        }
      }
    }
  }

  /** The start of the message for two paths that clash, or null when they do not. */
  private static String clash(Expr.Path one, Expr.Path two) {
    int common = Math.min(one.steps().size(), two.steps().size());
    for (int k = 0; k < common; k++) {
      Expr.Step a = one.steps().get(k);
      Expr.Step b = two.steps().get(k);
      if ((a instanceof Expr.Index) != (b instanceof Expr.Index)) {
        return CONFLICT;
      }
      if (!a.equals(b)) {
        return null;
      }
    }
    return OVERLAP;
  }

  /** {@code [m, k, [0], w]}, as DynamoDB lists a path in these messages. */
  static String render(Expr.Path path) {
    StringBuilder out = new StringBuilder("[");
    for (Expr.Step step : path.steps()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      if (step instanceof Expr.Index index) {
        out.append('[').append(index.index()).append(']');
      } else {
        out.append(((Expr.Name) step).name());
      }
    }
    return out.append(']').toString();
  }
}
