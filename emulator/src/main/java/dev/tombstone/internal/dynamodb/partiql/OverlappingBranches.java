package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeySchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DynamoDB's refusal of a SELECT whose WHERE clause, read as OR branches that each name one
 * partition with {@code =}, reads part of a partition in two branches: {@code pk = 'a' AND x =
 * '1' OR pk = 'a' AND sk = '2'} (the first branch reads all of {@code 'a'}). A branch without the
 * partition equality, or with a negated or {@code <>} term on a key attribute, makes the
 * statement a scan, which is not checked (the 2026 conformance suite, whereOverlap.test.ts and
 * partiqlGrammar.test.ts).
 */
final class OverlappingBranches {
  static final String OVERLAP =
      "Overlapping conditions with range keys are not supported in where clause";
  /** Past this many branches the clause is not expanded further (and not checked). */
  private static final int MAX_BRANCHES = 256;

  private OverlappingBranches() {}

  static void check(Expr where, KeySchema keySchema, List<AttributeValue> parameters) {
    if (keySchema.partitionKeys().size() != 1 || keySchema.sortKeys().size() > 1) {
      return;
    }
    String partitionKey = keySchema.partitionKeys().get(0).name();
    String sortKey = keySchema.sortKeys().isEmpty() ? null : keySchema.sortKeys().get(0).name();
    List<List<Expr>> branches = branches(where, partitionKey, sortKey);
    if (branches == null || branches.size() < 2) {
      return;
    }
    List<Branch> read = new ArrayList<>();
    for (List<Expr> terms : branches) {
      Branch branch = Branch.of(terms, partitionKey, sortKey, parameters);
      if (branch == null) {
        return;
      }
      if (!Boolean.TRUE.equals(branch.range().isEmpty())) {
        read.add(branch);
      }
    }
    for (int i = 0; i < read.size(); i++) {
      for (int j = i + 1; j < read.size(); j++) {
        if (!same(read.get(i).partition(), read.get(j).partition())) {
          continue;
        }
        Range both = read.get(i).range().intersect(read.get(j).range());
        if (both != null && Boolean.FALSE.equals(both.isEmpty())) {
          throw new DynamoDbError.Validation(OVERLAP);
        }
      }
    }
  }

  /** The clause as OR of AND branches; {@code IN} on a key attribute is one branch a value. */
  private static List<List<Expr>> branches(Expr expr, String partitionKey, String sortKey) {
    if (expr instanceof Expr.Or or) {
      List<List<Expr>> left = branches(or.left(), partitionKey, sortKey);
      List<List<Expr>> right = branches(or.right(), partitionKey, sortKey);
      if (left == null || right == null || left.size() + right.size() > MAX_BRANCHES) {
        return null;
      }
      List<List<Expr>> all = new ArrayList<>(left);
      all.addAll(right);
      return all;
    }
    if (expr instanceof Expr.And and) {
      List<List<Expr>> left = branches(and.left(), partitionKey, sortKey);
      List<List<Expr>> right = branches(and.right(), partitionKey, sortKey);
      if (left == null || right == null || left.size() * right.size() > MAX_BRANCHES) {
        return null;
      }
      List<List<Expr>> all = new ArrayList<>();
      for (List<Expr> l : left) {
        for (List<Expr> r : right) {
          List<Expr> both = new ArrayList<>(l);
          both.addAll(r);
          all.add(both);
        }
      }
      return all;
    }
    if (expr instanceof Expr.In in && isKey(in.value(), partitionKey, sortKey)
        && in.candidates().stream().allMatch(ValueBinder::isValue)) {
      List<List<Expr>> all = new ArrayList<>();
      for (Expr candidate : in.candidates()) {
        all.add(List.of(new Expr.Compare(in.value(), "=", candidate)));
      }
      return all;
    }
    return List.of(List.of(expr));
  }

  /** One branch: the partition it names and the part of it its sort key terms allow. */
  private record Branch(AttributeValue partition, Range range) {
    /** Null when DynamoDB cannot key the branch, so that the statement is a scan. */
    static Branch of(List<Expr> terms, String partitionKey, String sortKey,
        List<AttributeValue> parameters) {
      AttributeValue partition = null;
      Range range = Range.ALL;
      for (Expr term : terms) {
        if ((term instanceof Expr.Not
            || term instanceof Expr.Compare c && c.operator().equals("<>"))
            && mentions(term, partitionKey, sortKey)) {
          return null;
        }
        AttributeValue value = equality(term, partitionKey, parameters);
        if (value != null) {
          if (partition != null && !same(partition, value)) {
            range = Range.NONE;
          }
          partition = value;
        } else if (sortKey != null) {
          Range taken = Range.of(term, sortKey, parameters);
          range = taken == null ? range : range.intersect(taken);
        }
        if (range == null) {
          return null;
        }
      }
      return partition == null ? null : new Branch(partition, range);
    }
  }

  private static AttributeValue equality(Expr term, String key, List<AttributeValue> parameters) {
    if (term instanceof Expr.Compare c && c.operator().equals("=")) {
      if (isKey(c.left(), key, null) && ValueBinder.isValue(c.right())) {
        return ValueBinder.bind(c.right(), parameters);
      }
      if (isKey(c.right(), key, null) && ValueBinder.isValue(c.left())) {
        return ValueBinder.bind(c.left(), parameters);
      }
    }
    return null;
  }

  private static boolean same(AttributeValue a, AttributeValue b) {
    Comparable<Object> x = point(a);
    Comparable<Object> y = point(b);
    return x != null && y != null && x.getClass() == y.getClass() && x.compareTo(y) == 0;
  }

  /** A key value in DynamoDB's order: numbers by value, strings and binaries bytewise. */
  @SuppressWarnings("unchecked")
  static Comparable<Object> point(AttributeValue value) {
    if (value instanceof AttributeValue.N n) {
      return (Comparable<Object>) (Comparable<?>) n.value();
    }
    if (value instanceof AttributeValue.S s) {
      return (Comparable<Object>) (Comparable<?>) Bytes.of(
          s.value().getBytes(StandardCharsets.UTF_8));
    }
    if (value instanceof AttributeValue.B b) {
      return (Comparable<Object>) (Comparable<?>) b.value();
    }
    return null;
  }

  private static boolean isKey(Expr expr, String key, String otherKey) {
    if (!(expr instanceof Expr.Path path) || path.topLevelName() == null) {
      return false;
    }
    return path.topLevelName().equals(key) || path.topLevelName().equals(otherKey);
  }

  /** Whether a path anywhere in {@code expr} starts at one of the key attributes. */
  private static boolean mentions(Expr expr, String partitionKey, String sortKey) {
    if (expr instanceof Expr.Path path) {
      String first = ((Expr.Name) path.steps().get(0)).name();
      return first.equals(partitionKey) || first.equals(sortKey);
    }
    return children(expr).stream().anyMatch(e -> mentions(e, partitionKey, sortKey));
  }

  private static List<Expr> children(Expr expr) {
    if (expr instanceof Expr.Compare c) {
      return List.of(c.left(), c.right());
    }
    if (expr instanceof Expr.And a) {
      return List.of(a.left(), a.right());
    }
    if (expr instanceof Expr.Or o) {
      return List.of(o.left(), o.right());
    }
    if (expr instanceof Expr.Not n) {
      return List.of(n.operand());
    }
    if (expr instanceof Expr.Between b) {
      return List.of(b.value(), b.lower(), b.upper());
    }
    if (expr instanceof Expr.In in) {
      List<Expr> all = new ArrayList<>(in.candidates());
      all.add(in.value());
      return all;
    }
    if (expr instanceof Expr.Call call) {
      return call.arguments();
    }
    if (expr instanceof Expr.Arithmetic a) {
      return List.of(a.left(), a.right());
    }
    if (expr instanceof Expr.IsMissing m) {
      return List.of(m.value());
    }
    if (expr instanceof Expr.IsNull n) {
      return List.of(n.value());
    }
    return List.of();
  }

  /**
   * The sort key values a branch allows, between two bounds (null: unbounded); NONE allows none.
   */
  private record Range(Bound lower, Bound upper, boolean none) {
    static final Range ALL = new Range(null, null, false);
    static final Range NONE = new Range(null, null, true);

    /**
     * The range a sort key term allows; null for a term that does not bound the sort key (a
     * filter), or ALL for one whose value is not a key type, which other checks refuse.
     */
    static Range of(Expr term, String sortKey, List<AttributeValue> parameters) {
      if (term instanceof Expr.Compare c && !c.operator().equals("<>")) {
        if (isKey(c.left(), sortKey, null) && ValueBinder.isValue(c.right())) {
          return compare(c.operator(), ValueBinder.bind(c.right(), parameters));
        }
        if (isKey(c.right(), sortKey, null) && ValueBinder.isValue(c.left())) {
          return compare(flipped(c.operator()), ValueBinder.bind(c.left(), parameters));
        }
      }
      if (term instanceof Expr.Between b && isKey(b.value(), sortKey, null)
          && ValueBinder.isValue(b.lower()) && ValueBinder.isValue(b.upper())) {
        Comparable<Object> low = point(ValueBinder.bind(b.lower(), parameters));
        Comparable<Object> high = point(ValueBinder.bind(b.upper(), parameters));
        return low == null || high == null ? ALL
            : new Range(new Bound(low, true), new Bound(high, true), false);
      }
      if (term instanceof Expr.Call call && call.name().equals("begins_with")
          && call.arguments().size() == 2 && isKey(call.arguments().get(0), sortKey, null)
          && ValueBinder.isValue(call.arguments().get(1))) {
        return prefix(ValueBinder.bind(call.arguments().get(1), parameters));
      }
      return null;
    }

    private static Range compare(String operator, AttributeValue value) {
      Comparable<Object> p = point(value);
      if (p == null) {
        return ALL;
      }
      return switch (operator) {
        case "=" -> new Range(new Bound(p, true), new Bound(p, true), false);
        case "<" -> new Range(null, new Bound(p, false), false);
        case "<=" -> new Range(null, new Bound(p, true), false);
        case ">" -> new Range(new Bound(p, false), null, false);
        default -> new Range(new Bound(p, true), null, false);
      };
    }

    private static String flipped(String operator) {
      return switch (operator) {
        case "<" -> ">";
        case "<=" -> ">=";
        case ">" -> "<";
        case ">=" -> "<=";
        default -> operator;
      };
    }

    /** Every value starting with the prefix: from it up to the first value past all of them. */
    private static Range prefix(AttributeValue value) {
      Comparable<Object> start = point(value);
      if (!(value instanceof AttributeValue.S || value instanceof AttributeValue.B)) {
        return ALL;
      }
      byte[] b = ((Bytes) (Object) start).toByteArray();
      int last = b.length - 1;
      while (last >= 0 && b[last] == (byte) 0xFF) {
        last--;
      }
      if (last < 0) {
        return new Range(new Bound(start, true), null, false);
      }
      byte[] past = Arrays.copyOf(b, last + 1);
      past[last]++;
      return new Range(new Bound(start, true), new Bound(point(new AttributeValue.B(Bytes.of(past))), false), false);
    }

    /** The values both ranges allow; null when their bounds are of different types. */
    Range intersect(Range other) {
      if (none || other.none) {
        return NONE;
      }
      Bound low = Bound.tighter(lower, other.lower, true);
      Bound high = Bound.tighter(upper, other.upper, false);
      if (low == Bound.MIXED || high == Bound.MIXED) {
        return null;
      }
      return new Range(low, high, false);
    }

    /** Null when the bounds are of different types. */
    Boolean isEmpty() {
      if (none) {
        return true;
      }
      if (lower == null || upper == null) {
        return false;
      }
      if (lower.value().getClass() != upper.value().getClass()) {
        return null;
      }
      int order = lower.value().compareTo(upper.value());
      return order > 0 || order == 0 && !(lower.inclusive() && upper.inclusive());
    }
  }

  private record Bound(Comparable<Object> value, boolean inclusive) {
    static final Bound MIXED = new Bound(null, false);

    /** The higher of two lower bounds, or the lower of two upper bounds; null is unbounded. */
    static Bound tighter(Bound a, Bound b, boolean lower) {
      if (a == null || b == null) {
        return a == null ? b : a;
      }
      if (a.value().getClass() != b.value().getClass()) {
        return MIXED;
      }
      int order = a.value().compareTo(b.value());
      if (order == 0) {
        return a.inclusive() ? b : a;
      }
      return (order > 0) == lower ? a : b;
    }
  }
}
