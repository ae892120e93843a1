package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.expression.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
  /** How the text for two paths of which one continues the other, or that conflict, starts. */
  static final String PATHS_CLASH = "Two document paths ";

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
    List<List<Object>> steps = new ArrayList<>(projection.size());
    for (Expr.Path path : projection) {
      steps.add(steps(path));
    }
    for (int j = 1; j < steps.size(); j++) {
      for (int i = 0; i < j; i++) {
        Optional<String> problem = Projection.clash(steps.get(j), steps.get(i));
        if (problem.isPresent()) {
          throw new DynamoDbError.Validation(problem.get());
        }
      }
    }
  }

  /** The path's steps as the expression package takes them: names, and indexes as integers. */
  private static List<Object> steps(Expr.Path path) {
    List<Object> steps = new ArrayList<>(path.steps().size());
    for (Expr.Step step : path.steps()) {
      steps.add(step instanceof Expr.Index index ? (Object) index.index()
          : ((Expr.Name) step).name());
    }
    return steps;
  }
}
