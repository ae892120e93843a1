package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {
  private static final ExpressionCompiler COMPILER = new ExpressionCompiler();

  private static final Item ITEM = Item.builder()
      .put("s", AttributeValue.s("abc"))
      .put("n", AttributeValue.n(10))
      .put("b", TestValues.b(0x01, 0x02, 0xff))
      .put("ns", AttributeValue.ns("1", "2"))
      .put("l", AttributeValue.l(AttributeValue.s("a"), AttributeValue.n(1),
          AttributeValue.m(Map.of("k", AttributeValue.s("v")))))
      .put("m", AttributeValue.m(Map.of("x", AttributeValue.s("y"),
          "deep", AttributeValue.m(Map.of("z", AttributeValue.n(5))))))
      .put("halfwidth", AttributeValue.s("\uFF61"))
      .put("emoji", AttributeValue.s("\uD83D\uDE00"))
      .put("zero", AttributeValue.n(0))
      .build();

  @Test
  void ordersStringsByUtf8BytesNotUtf16Units() {
    // U+FF61 is EF BD A1 in UTF-8 and U+1F600 is F0 9F 98 80, but in UTF-16 the emoji's
    // surrogate D83D sorts before FF61.
    assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();

    assertThat(matches("halfwidth < emoji")).isTrue();
    assertThat(matches("emoji > halfwidth")).isTrue();
    assertThat(matches("halfwidth < :v", Map.of(":v", AttributeValue.s("\uD83D\uDE00")))).isTrue();
    assertThat(matches("s > :v", Map.of(":v", AttributeValue.s("B")))).isTrue();
  }

  @Test
  void comparesNumbersByValue() {
    assertThat(matches("zero = :v", Map.of(":v", AttributeValue.n("-0")))).isTrue();
    assertThat(matches("n = :v", Map.of(":v", AttributeValue.n("1E1")))).isTrue();
    assertThat(matches("n = :v", Map.of(":v", AttributeValue.n("10.000")))).isTrue();
    assertThat(matches("n > :v", Map.of(":v", AttributeValue.n("9.99999999999999999999"))))
        .isTrue();
    assertThat(matches("ns = :v", Map.of(":v", AttributeValue.ns("2.0", "1")))).isTrue();
    assertThat(matches("ns = :v", Map.of(":v", AttributeValue.ns("1", "2", "3")))).isFalse();
    assertThat(matches("contains(ns, :v)", Map.of(":v", AttributeValue.n("2.00")))).isTrue();
  }

  @Test
  void ordersBinaryAsUnsignedBytesThenLength() {
    assertThat(matches("b > :v", Map.of(":v", TestValues.b(0x01, 0x02, 0x7f)))).isTrue();
    assertThat(matches("b > :v", Map.of(":v", TestValues.b(0x01, 0x02)))).isTrue();
    assertThat(matches("b < :v", Map.of(":v", TestValues.b(0x02)))).isTrue();
    assertThat(matches("begins_with(b, :v)", Map.of(":v", TestValues.b(0x01, 0x02)))).isTrue();
    assertThat(matches("contains(b, :v)", Map.of(":v", TestValues.b(0x02, 0xff))))
        .isTrue();
  }

  @Test
  void typeMismatchIsUnequalAndUnordered() {
    Map<String, AttributeValue> text10 = Map.of(":v", AttributeValue.s("10"));
    assertThat(matches("n = :v", text10)).isFalse();
    assertThat(matches("n <> :v", text10)).isTrue();
    assertThat(matches("n < :v", text10)).isFalse();
    assertThat(matches("n >= :v", text10)).isFalse();
  }

  @Test
  void missingValuesCompareFalseExceptNotEqual() {
    Map<String, AttributeValue> one = Map.of(":v", AttributeValue.n(1));
    assertThat(matches("zz = :v", one)).isFalse();
    assertThat(matches("zz <> :v", one)).isTrue();
    assertThat(matches("zz <= :v", one)).isFalse();
    assertThat(matches("NOT zz = :v", one)).isTrue();
    assertThat(matches("zz BETWEEN :v AND :v", one)).isFalse();
    assertThat(matches("zz IN (:v)", one)).isFalse();
    assertThat(matches("size(zz) <> :v", one)).isTrue();
    assertThat(matches("size(n) = :v", one)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "size(s) = :v, 3, true",
      "size(s) = :v, 3.0, true",
      "size(s) < :v, 3.5, true",
      "size(s) > :v, 2.5, true",
      "size(s) >= :v, 3.5, false",
      "size(s) > :v, -0.5, true",
      "size(s) < :v, 1E+100, true",
      "size(s) > :v, -1E+100, true",
      ":v < size(s), 2.9, true",
      ":v = size(l), 3, true",
      "size(m) = :v, 2, true",
      "size(ns) = :v, 2, true",
      "size(b) = :v, 3, true",
      "size(emoji) = :v, 2, true",
  })
  void comparesSizesWithNumbers(String text, String number, boolean expected) {
    assertThat(matches(text, Map.of(":v", AttributeValue.n(number)))).isEqualTo(expected);
  }

  @Test
  void sizeMeetsPathsSizesInAndBetween() {
    assertThat(matches("n > size(s)")).isTrue();
    assertThat(matches("m.deep.z > size(s)")).isTrue();
    assertThat(matches("size(s) < size(n)")).isFalse();
    assertThat(matches("size(s) = size(l)")).isTrue();
    assertThat(matches("size(s) IN (:a, :b)",
        Map.of(":a", AttributeValue.n(1), ":b", AttributeValue.n(3)))).isTrue();
    assertThat(matches("size(s) BETWEEN :a AND :b",
        Map.of(":a", AttributeValue.n(3), ":b", AttributeValue.n(4)))).isTrue();
    assertThat(matches("n BETWEEN size(s) AND size(m)")).isFalse();
    assertThat(matches("size(m) BETWEEN size(s) AND n")).isFalse();
    assertThat(matches("size(s) BETWEEN size(m) AND n")).isTrue();
    assertThat(matches("contains(l, size(:s))", Map.of(":s", AttributeValue.s("a")))).isTrue();
  }

  @Test
  void containsSearchesStringsSetsAndListElements() {
    assertThat(matches("contains(s, :v)", Map.of(":v", AttributeValue.s("bc")))).isTrue();
    assertThat(matches("contains(l, :v)",
        Map.of(":v", AttributeValue.m(Map.of("k", AttributeValue.s("v")))))).isTrue();
    assertThat(matches("contains(l, :v)", Map.of(":v", AttributeValue.n("1.0")))).isTrue();
    assertThat(matches("contains(m, :v)", Map.of(":v", AttributeValue.s("x")))).isFalse();
    assertThat(matches("contains(ns, :v)", Map.of(":v", AttributeValue.ns("1")))).isFalse();
  }

  @Test
  void resolvesNestedPaths() {
    assertThat(matches("l[2].k = :v", Map.of(":v", AttributeValue.s("v")))).isTrue();
    assertThat(matches("m.deep.z = :v", Map.of(":v", AttributeValue.n(5)))).isTrue();
    assertThat(matches("attribute_exists(l[3])")).isFalse();
    assertThat(matches("attribute_exists(m[0])")).isFalse();
    assertThat(matches("attribute_exists(s.x)")).isFalse();
    assertThat(matches("attribute_exists(l.x)")).isFalse();
    assertThat(matches("attribute_type(m.deep, :t)", Map.of(":t", AttributeValue.s("M"))))
        .isTrue();
  }

  @Test
  void logicIsTwoValued() {
    assertThat(matches("attribute_exists(s) OR attribute_exists(s) AND attribute_exists(zz)"))
        .isTrue();
    assertThat(matches("NOT attribute_exists(zz) AND attribute_exists(zz)")).isFalse();
    assertThat(matches("NOT NOT attribute_exists(s)")).isTrue();
  }

  @Test
  void noItemIsTheEmptyItem() {
    CompiledCondition c = COMPILER.condition(ExpressionKind.CONDITION,
        "attribute_not_exists(s)", null, null);

    assertThat(c.matches(null)).isTrue();
    assertThat(c.matches(Item.EMPTY)).isTrue();
    assertThat(c.matches(ITEM)).isFalse();
  }

  private static boolean matches(String text) {
    return matches(text, null);
  }

  private static boolean matches(String text, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> copy = values == null ? null : new LinkedHashMap<>(values);
    return COMPILER.condition(ExpressionKind.CONDITION, text, null, copy).matches(ITEM);
  }
}
