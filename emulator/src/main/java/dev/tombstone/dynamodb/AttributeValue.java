package dev.tombstone.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable DynamoDB attribute value: one record per DynamoDB data type.
 *
 * <pre>{@code
 * AttributeValue name = AttributeValue.s("Mingus");
 * AttributeValue time = AttributeValue.n("200");
 * AttributeValue friends = AttributeValue.ss("Dooley", "Ben", "Daisy");
 * }</pre>
 *
 * <p>Numbers keep DynamoDB's 38-digit decimal semantics and are held in canonical form
 * ({@code 1.50} is {@code 1.5}, {@code 1e2} is {@code 100}), so {@code equals} is numeric
 * equality. Sets compare as sets; binary values compare as unsigned bytes.
 */
public sealed interface AttributeValue {

  /** The DynamoDB type code of this value. */
  AttributeType type();

  /** A string ({@code S}). */
  record S(String value) implements AttributeValue {
    public S {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.S;
    }
  }

  /** A number ({@code N}), normalised to DynamoDB's canonical form. */
  record N(BigDecimal value) implements AttributeValue {
    public N {
      value = Numbers.canonical(Objects.requireNonNull(value, "value"));
    }

    /**
     * Parses a DynamoDB number, enforcing its precision and range.
     *
     * @throws DynamoDbError.Validation with DynamoDB's message for an invalid number
     */
    public static N parse(String text) {
      N small = SmallNumbers.of(text);
      return small != null ? small : new N(Numbers.parse(text));
    }

    /** The canonical text: no exponent, no trailing fractional zeros, no {@code +}. */
    public String text() {
      return value.toPlainString();
    }

    @Override
    public AttributeType type() {
      return AttributeType.N;
    }

    @Override
    public String toString() {
      return "N[" + text() + "]";
    }
  }

  /** A binary value ({@code B}). */
  record B(Bytes value) implements AttributeValue {
    public B {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
      return AttributeType.B;
    }
  }

  /** A boolean ({@code BOOL}). */
  record Bool(boolean value) implements AttributeValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    @Override
    public AttributeType type() {
      return AttributeType.BOOL;
    }
  }

  /** The null value ({@code NULL: true}). */
  record Null() implements AttributeValue {
    public static final Null INSTANCE = new Null();

    @Override
    public AttributeType type() {
      return AttributeType.NULL;
    }
  }

  /** A non-empty set of strings ({@code SS}), in insertion order. */
  record SS(Set<String> values) implements AttributeValue {
    public SS {
      values = Sets.copyNonEmpty(values, "SS");
    }

    @Override
    public AttributeType type() {
      return AttributeType.SS;
    }
  }

  /** A non-empty set of numbers ({@code NS}), canonical and in insertion order. */
  record NS(Set<BigDecimal> values) implements AttributeValue {
    public NS {
      Set<BigDecimal> canonical = new LinkedHashSet<>();
      for (BigDecimal value : values) {
        canonical.add(Numbers.canonical(value));
      }
      values = Sets.copyNonEmpty(canonical, "NS");
    }

    @Override
    public AttributeType type() {
      return AttributeType.NS;
    }
  }

  /** A non-empty set of binary values ({@code BS}), in insertion order. */
  record BS(Set<Bytes> values) implements AttributeValue {
    public BS {
      values = Sets.copyNonEmpty(values, "BS");
    }

    @Override
    public AttributeType type() {
      return AttributeType.BS;
    }
  }

  /** A list ({@code L}). */
  record L(List<AttributeValue> values) implements AttributeValue {
    public L {
      values = List.copyOf(values);
    }

    @Override
    public AttributeType type() {
      return AttributeType.L;
    }
  }

  /** A map ({@code M}), in insertion order. */
  record M(Map<String, AttributeValue> values) implements AttributeValue {
    public M {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public AttributeType type() {
      return AttributeType.M;
    }
  }

  /** A string value. */
  static AttributeValue s(String value) {
    return new S(value);
  }

  /** A number value parsed from its DynamoDB text, e.g. {@code "200"} or {@code "1.5e3"}. */
  static AttributeValue n(String text) {
    return N.parse(text);
  }

  /** A number value. */
  static AttributeValue n(long value) {
    return new N(BigDecimal.valueOf(value));
  }

  /** A binary value (copied). */
  static AttributeValue b(byte... bytes) {
    return new B(Bytes.of(bytes));
  }

  /** A boolean value. */
  static AttributeValue bool(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  /** The NULL value. */
  static AttributeValue nul() {
    return Null.INSTANCE;
  }

  /** A string set; duplicates collapse. */
  static AttributeValue ss(String... values) {
    return new SS(new LinkedHashSet<>(List.of(values)));
  }

  /** A number set parsed from DynamoDB number texts; numerically equal members collapse. */
  static AttributeValue ns(String... texts) {
    List<BigDecimal> numbers = new ArrayList<>();
    for (String text : texts) {
      numbers.add(Numbers.parse(text));
    }
    return new NS(new LinkedHashSet<>(numbers));
  }

  /** A list value. */
  static AttributeValue l(AttributeValue... values) {
    return new L(List.of(values));
  }

  /** A map value. */
  static AttributeValue m(Map<String, AttributeValue> values) {
    return new M(values);
  }
}
