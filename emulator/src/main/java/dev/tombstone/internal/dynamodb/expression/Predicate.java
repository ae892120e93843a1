package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.expression.Condition.Comparator;

/**
 * A condition ready for evaluation: validated, placeholders bound. Evaluation is two-valued and
 * never fails; it allocates nothing except for {@code size} operands outside comparisons.
 */
sealed interface Predicate {
  boolean test(Item item);

  record Or(Predicate left, Predicate right) implements Predicate {
    @Override
    public boolean test(Item item) {
      return left.test(item) || right.test(item);
    }
  }

  record And(Predicate left, Predicate right) implements Predicate {
    @Override
    public boolean test(Item item) {
      return left.test(item) && right.test(item);
    }
  }

  record Not(Predicate negated) implements Predicate {
    @Override
    public boolean test(Item item) {
      return !negated.test(item);
    }
  }

  record Exists(Source path) implements Predicate {
    @Override
    public boolean test(Item item) {
      return path.get(item) != null;
    }
  }

  record NotExists(Source path) implements Predicate {
    @Override
    public boolean test(Item item) {
      return path.get(item) == null;
    }
  }

  record TypeIs(Source path, AttributeType type) implements Predicate {
    @Override
    public boolean test(Item item) {
      AttributeValue value = path.get(item);
      return value != null && value.type() == type;
    }
  }

  record BeginsWith(Source value, Source prefix) implements Predicate {
    @Override
    public boolean test(Item item) {
      return Values.beginsWith(value.get(item), prefix.get(item));
    }
  }

  record Contains(Source value, Source part) implements Predicate {
    @Override
    public boolean test(Item item) {
      return Values.contains(value.get(item), part.get(item));
    }
  }

  record Compare(Source left, Comparator comparator, Source right) implements Predicate {
    @Override
    public boolean test(Item item) {
      switch (comparator) {
        case EQ:
          return Values.equal(left, right, item);
        case NE:
          return !Values.equal(left, right, item);
        default:
          int c = Values.compare(left, right, item);
          if (c == Values.UNORDERED) {
            return false;
          }
          switch (comparator) {
            case LT:
              return c < 0;
            case LE:
              return c <= 0;
            case GT:
              return c > 0;
            default:
              return c >= 0;
          }
      }
    }
  }

  /** Inclusive at both ends. */
  record Between(Source value, Source lower, Source upper) implements Predicate {
    @Override
    public boolean test(Item item) {
      if (value instanceof Source.Size || lower instanceof Source.Size
          || upper instanceof Source.Size) {
        int c = Values.compare(lower, value, item);
        if (c == Values.UNORDERED || c > 0) {
          return false;
        }
        c = Values.compare(value, upper, item);
        return c != Values.UNORDERED && c <= 0;
      }
      AttributeValue v = value.get(item);
      int c = Values.compare(lower.get(item), v);
      if (c == Values.UNORDERED || c > 0) {
        return false;
      }
      c = Values.compare(v, upper.get(item));
      return c != Values.UNORDERED && c <= 0;
    }
  }

  record In(Source value, Source[] candidates) implements Predicate {
    @Override
    public boolean test(Item item) {
      if (value instanceof Source.Size) {
        for (Source candidate : candidates) {
          if (Values.equal(value, candidate, item)) {
            return true;
          }
        }
        return false;
      }
      AttributeValue v = value.get(item);
      if (v == null) {
        return false;
      }
      for (Source candidate : candidates) {
        if (candidate instanceof Source.Size
            ? Values.equal(value, candidate, item)
            : Values.equal(v, candidate.get(item))) {
          return true;
        }
      }
      return false;
    }
  }

  /** All of several conditions: legacy {@code Expected} entries joined by AND. */
  record All(Predicate[] parts) implements Predicate {
    @Override
    public boolean test(Item item) {
      for (Predicate part : parts) {
        if (!part.test(item)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Any of several conditions: legacy {@code Expected} entries joined by OR. */
  record Any(Predicate[] parts) implements Predicate {
    @Override
    public boolean test(Item item) {
      for (Predicate part : parts) {
        if (part.test(item)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The result of a legacy {@code Expected: {}}: no condition. */
  record Always() implements Predicate {
    @Override
    public boolean test(Item item) {
      return true;
    }
  }
}
