package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.internal.dynamodb.expression.Operand.Path;
import dev.tombstone.internal.dynamodb.expression.Operand.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resolves document paths: name placeholders, list indexes and the depth limit. */
final class Paths {
  static final int MAX_DEPTH = 32;

  private final Map<String, String> names;

  Paths(Map<String, String> names) {
    this.names = names;
  }

  /**
   * A resolved path: {@code steps} holds a {@code String} per name or key and an {@code Integer}
   * per list index. Either {@code problem} is set or the other two are.
   */
  record Resolved(Source source, List<Object> steps, Problem problem) {}

  Resolved resolve(Path path) {
    List<Segment> segments = path.segments();
    List<Object> steps = new ArrayList<>(segments.size());
    Problem problem = null;
    for (Segment segment : segments) {
      if (segment instanceof Operand.Name name) {
        steps.add(name.name());
      } else if (segment instanceof Operand.NameRef ref) {
        String name = names == null ? null : names.get(ref.placeholder());
        if (name == null && problem == null) {
          problem = new Problem.UndefinedName(ref.placeholder());
        }
        steps.add(name);
      } else {
        String digits = ((Operand.Index) segment).digits();
        int index = index(digits);
        if (index < 0 && problem == null) {
          problem = new Problem.IndexOutOfRange(digits);
        }
        steps.add(index);
      }
    }
    if (segments.size() > MAX_DEPTH && problem == null) {
      problem = new Problem.PathTooDeep(segments.size());
    }
    if (problem != null) {
      return new Resolved(null, null, problem);
    }
    return new Resolved(source(steps), List.copyOf(steps), null);
  }

  /** The index, or -1 when it does not fit an {@code int}. */
  private static int index(String digits) {
    if (digits.length() > 10) {
      return -1;
    }
    long value = Long.parseLong(digits);
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  private static Source source(List<Object> steps) {
    String name = (String) steps.get(0);
    if (steps.size() == 1) {
      return new Source.Attribute(name);
    }
    String[] keys = new String[steps.size() - 1];
    int[] indexes = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      Object step = steps.get(i + 1);
      if (step instanceof String key) {
        keys[i] = key;
      } else {
        indexes[i] = (Integer) step;
      }
    }
    return new Source.Nested(name, keys, indexes);
  }

  /** DynamoDB's rendering in messages: {@code [a, b, [1]]}. */
  static String render(List<Object> steps) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      if (i > 0) {
        out.append(", ");
      }
      if (step instanceof Integer) {
        out.append('[').append(step).append(']');
      } else {
        out.append(step);
      }
    }
    return out.append(']').toString();
  }
}
