package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.Utf8Order;
import java.math.BigDecimal;
import java.util.List;

/** DynamoDB's comparison and function semantics over attribute values; null means missing. */
final class Values {
  /** The result of ordering values that have no order: missing, mixed or unordered types. */
  static final int UNORDERED = Integer.MIN_VALUE;

  private Values() {}

  /** Present, same type, equal; sets as sets, numbers by value (they are canonical). */
  static boolean equal(AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof AttributeValue.S x) {
      return b instanceof AttributeValue.S y && x.value().equals(y.value());
    }
    if (a instanceof AttributeValue.N x) {
      return b instanceof AttributeValue.N y && x.value().equals(y.value());
    }
    return a.equals(b);
  }

  /** Orders N, S and B values of one type; otherwise {@link #UNORDERED}. */
  static int compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return Integer.signum(Utf8Order.compare(x.value(), y.value()));
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return Integer.signum(x.value().compareTo(y.value()));
    }
    return UNORDERED;
  }

  static boolean equal(Source a, Source b, Item item) {
    if (a instanceof Source.Size || b instanceof Source.Size) {
      return compare(a, b, item) == 0;
    }
    return equal(a.get(item), b.get(item));
  }

  /** Like {@link #compare(AttributeValue, AttributeValue)}, with sizes kept as plain longs. */
  static int compare(Source a, Source b, Item item) {
    if (a instanceof Source.Size size) {
      long s = size.size(item);
      return s < 0 ? UNORDERED : compareSize(s, b, item);
    }
    if (b instanceof Source.Size size) {
      long s = size.size(item);
      if (s < 0) {
        return UNORDERED;
      }
      int c = compareSize(s, a, item);
      return c == UNORDERED ? c : -c;
    }
    return compare(a.get(item), b.get(item));
  }

  private static int compareSize(long size, Source other, Item item) {
    if (other instanceof Source.Size otherSize) {
      long s = otherSize.size(item);
      return s < 0 ? UNORDERED : Long.compare(size, s);
    }
    if (other instanceof Source.Literal literal) {
      return literal.compareSize(size);
    }
    AttributeValue value = other.get(item);
    if (value instanceof AttributeValue.N n) {
      return BigDecimal.valueOf(size).compareTo(n.value());
    }
    return UNORDERED;
  }

  /**
   * S: UTF-16 code units (as DynamoDB Local counts); B: bytes; sets, lists, maps: elements. -1
   * (missing) for other types and for a missing value.
   */
  static long size(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return s.value().length();
    }
    if (value instanceof AttributeValue.B b) {
      return b.value().length();
    }
    if (value instanceof AttributeValue.SS ss) {
      return ss.values().size();
    }
    if (value instanceof AttributeValue.NS ns) {
      return ns.values().size();
    }
    if (value instanceof AttributeValue.BS bs) {
      return bs.values().size();
    }
    if (value instanceof AttributeValue.L l) {
      return l.values().size();
    }
    if (value instanceof AttributeValue.M m) {
      return m.values().size();
    }
    return -1;
  }

  static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
    if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
      return b.value().startsWith(p.value());
    }
    return false;
  }

  /**
   * S: substring; B: contiguous bytes; a set: an element of the set's type; L: an equal element
   * of any type. False for everything else.
   */
  static boolean contains(AttributeValue value, AttributeValue part) {
    if (value == null || part == null) {
      return false;
    }
    if (value instanceof AttributeValue.S s) {
      return part instanceof AttributeValue.S p && s.value().contains(p.value());
    }
    if (value instanceof AttributeValue.B b) {
      return part instanceof AttributeValue.B p && b.value().contains(p.value());
    }
    if (value instanceof AttributeValue.SS ss) {
      return part instanceof AttributeValue.S p && ss.values().contains(p.value());
    }
    if (value instanceof AttributeValue.NS ns) {
      return part instanceof AttributeValue.N p && ns.values().contains(p.value());
    }
    if (value instanceof AttributeValue.BS bs) {
      return part instanceof AttributeValue.B p && bs.values().contains(p.value());
    }
    if (value instanceof AttributeValue.L l) {
      List<AttributeValue> elements = l.values();
      for (int i = 0; i < elements.size(); i++) {
        if (equal(elements.get(i), part)) {
          return true;
        }
      }
    }
    return false;
  }
}
