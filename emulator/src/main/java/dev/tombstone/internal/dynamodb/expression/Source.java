package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An operand ready for evaluation: placeholders resolved and paths split into arrays. {@link
 * #get} returns null for a missing value and never allocates, except {@link Size#get}, which the
 * comparisons avoid by asking {@link Size#size} instead.
 */
sealed interface Source {
  AttributeValue get(Item item);

  /** A top-level attribute, the common case, resolved with one map lookup. */
  record Attribute(String name) implements Source {
    @Override
    public AttributeValue get(Item item) {
      return item.get(name);
    }
  }

  /**
   * A nested path: {@code name}, then per step either {@code keys[i]} (a map key) or, where that
   * is null, {@code indexes[i]} (a list index).
   */
  record Nested(String name, String[] keys, int[] indexes) implements Source {
    @Override
    public AttributeValue get(Item item) {
      AttributeValue value = item.get(name);
      for (int i = 0; value != null && i < keys.length; i++) {
        String key = keys[i];
        if (key != null) {
          value = value instanceof AttributeValue.M m ? m.values().get(key) : null;
        } else if (value instanceof AttributeValue.L l) {
          List<AttributeValue> elements = l.values();
          int index = indexes[i];
          value = index < elements.size() ? elements.get(index) : null;
        } else {
          value = null;
        }
      }
      return value;
    }
  }

  /**
   * A {@code :value}. For numbers, {@code floor} and {@code integral} are precomputed so a
   * comparison with {@code size(...)} needs no arithmetic.
   */
  record Literal(AttributeValue value, long floor, boolean integral) implements Source {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    static Literal of(AttributeValue value) {
      if (!(value instanceof AttributeValue.N n)) {
        return new Literal(value, 0, false);
      }
      BigDecimal number = n.value();
      if (number.scale() == 0 && number.precision() < 19) {
        return new Literal(value, number.longValue(), true);
      }
      BigDecimal floor = number.setScale(0, RoundingMode.FLOOR);
      boolean integral = floor.compareTo(number) == 0;
      if (floor.compareTo(LONG_MAX) > 0) {
        return new Literal(value, Long.MAX_VALUE, false);
      }
      if (floor.compareTo(LONG_MIN) < 0) {
        return new Literal(value, Long.MIN_VALUE, false);
      }
      return new Literal(value, floor.longValueExact(), integral);
    }

    @Override
    public AttributeValue get(Item item) {
      return value;
    }

    /** Orders {@code size} against this literal; {@link Values#UNORDERED} unless a number. */
    int compareSize(long size) {
      if (!(value instanceof AttributeValue.N)) {
        return Values.UNORDERED;
      }
      int c = Long.compare(size, floor);
      if (c != 0) {
        return c;
      }
      return integral ? 0 : -1;
    }
  }

  /** {@code size(operand)}. */
  record Size(Source of) implements Source {
    @Override
    public AttributeValue get(Item item) {
      long size = size(item);
      return size < 0 ? null : new AttributeValue.N(BigDecimal.valueOf(size));
    }

    /** The size, or -1 when it is missing (no value, or a type without a size). */
    long size(Item item) {
      return Values.size(of.get(item));
    }
  }
}
