package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The sort key values a WHERE term, or a branch of AND terms, allows: an interval of DynamoDB's
 * key order (numbers by value, strings and binaries bytewise) between two bounds (null:
 * unbounded), or no value at all. {@link OverlappingBranches} intersects them to find two
 * branches that read the same part of a partition.
 */
record SortKeyInterval(Bound lower, Bound upper, boolean none) {
  static final SortKeyInterval ALL = new SortKeyInterval(null, null, false);
  static final SortKeyInterval NONE = new SortKeyInterval(null, null, true);

  /**
   * The values a sort key term allows; null for a term that does not bound the sort key (a
   * filter), or ALL for one whose value is not a key type, which other checks refuse.
   */
  static SortKeyInterval of(Expr term, String sortKey, List<AttributeValue> parameters) {
    if (term instanceof Expr.Compare c && !c.operator().equals("<>")) {
      if (isSortKey(c.left(), sortKey) && ValueBinder.isValue(c.right())) {
        return compare(c.operator(), ValueBinder.bind(c.right(), parameters));
      }
      if (isSortKey(c.right(), sortKey) && ValueBinder.isValue(c.left())) {
        return compare(flipped(c.operator()), ValueBinder.bind(c.left(), parameters));
      }
    }
    if (term instanceof Expr.Between b && isSortKey(b.value(), sortKey)
        && ValueBinder.isValue(b.lower()) && ValueBinder.isValue(b.upper())) {
      Comparable<Object> low = point(ValueBinder.bind(b.lower(), parameters));
      Comparable<Object> high = point(ValueBinder.bind(b.upper(), parameters));
      return low == null || high == null ? ALL
          : new SortKeyInterval(new Bound(low, true), new Bound(high, true), false);
    }
    if (term instanceof Expr.Call call && call.name().equals("begins_with")
        && call.arguments().size() == 2 && isSortKey(call.arguments().get(0), sortKey)
        && ValueBinder.isValue(call.arguments().get(1))) {
      return prefix(ValueBinder.bind(call.arguments().get(1), parameters));
    }
    return null;
  }

  private static SortKeyInterval compare(String operator, AttributeValue value) {
    Comparable<Object> p = point(value);
    if (p == null) {
      return ALL;
    }
    return switch (operator) {
      case "=" -> new SortKeyInterval(new Bound(p, true), new Bound(p, true), false);
      case "<" -> new SortKeyInterval(null, new Bound(p, false), false);
      case "<=" -> new SortKeyInterval(null, new Bound(p, true), false);
      case ">" -> new SortKeyInterval(new Bound(p, false), null, false);
      default -> new SortKeyInterval(new Bound(p, true), null, false);
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
  private static SortKeyInterval prefix(AttributeValue value) {
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
      return new SortKeyInterval(new Bound(start, true), null, false);
    }
    byte[] past = Arrays.copyOf(b, last + 1);
    past[last]++;
    Comparable<Object> end = point(new AttributeValue.B(Bytes.of(past)));
    return new SortKeyInterval(new Bound(start, true), new Bound(end, false), false);
  }

  /** The values both intervals allow; null when their bounds are of different types. */
  SortKeyInterval intersect(SortKeyInterval other) {
    if (none || other.none) {
      return NONE;
    }
    Bound low = Bound.tighter(lower, other.lower, true);
    Bound high = Bound.tighter(upper, other.upper, false);
    if (low == Bound.MIXED || high == Bound.MIXED) {
      return null;
    }
    return new SortKeyInterval(low, high, false);
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

  /** Whether two key values are the same in DynamoDB's key order. */
  static boolean same(AttributeValue a, AttributeValue b) {
    Comparable<Object> x = point(a);
    Comparable<Object> y = point(b);
    return x != null && y != null && x.getClass() == y.getClass() && x.compareTo(y) == 0;
  }

  /**
   * Two key values in DynamoDB's key order; 0 when they are not of one key type (a statement
   * naming such values is refused later, when its WHERE clause is split).
   */
  static int compare(AttributeValue a, AttributeValue b) {
    Comparable<Object> x = point(a);
    Comparable<Object> y = point(b);
    return x == null || y == null || x.getClass() != y.getClass() ? 0 : x.compareTo(y);
  }

  /** A key value in DynamoDB's order: numbers by value, strings and binaries bytewise. */
  @SuppressWarnings("unchecked")
  private static Comparable<Object> point(AttributeValue value) {
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

  private static boolean isSortKey(Expr expr, String sortKey) {
    return expr instanceof Expr.Path path && sortKey.equals(path.topLevelName());
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
