package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyTest {
  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final Item ITEM = Item.builder()
      .put("s", AttributeValue.s("abc"))
      .put("n", AttributeValue.n(10))
      .put("ss", AttributeValue.ss("a", "b"))
      .put("l", AttributeValue.l(AttributeValue.s("a")))
      .put("b", TestValues.b(0x01, 0xff))
      .put("nul", AttributeValue.nul())
      .put("m.x", AttributeValue.s("dotted"))
      .build();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "n, EQ, 10, true",
      "n, EQ, 10.0, true",
      "n, NE, 10, false",
      "zz, NE, 10, true",
      "n, LT, 11, true",
      "n, LE, 10, true",
      "n, GT, 10, false",
      "n, GE, 10, true",
      "n, CONTAINS, 1, false",
      "zz, NOT_CONTAINS, 1, false",
      "n, NOT_CONTAINS, 1, true",
  })
  void comparesNumbers(String attribute, String operator, String number, boolean expected) {
    ItemCondition c = legacy(attribute, entry(operator, AttributeValue.n(number)));

    assertThat(c.matches(ITEM)).isEqualTo(expected);
  }

  @Test
  void appliesEachOperator() {
    assertThat(matches("s", entry("BEGINS_WITH", AttributeValue.s("ab")))).isTrue();
    assertThat(matches("b", entry("BEGINS_WITH", TestValues.b(0x01)))).isTrue();
    assertThat(matches("s", entry("CONTAINS", AttributeValue.s("bc")))).isTrue();
    assertThat(matches("b", entry("CONTAINS", TestValues.b(0xff)))).isTrue();
    assertThat(matches("ss", entry("CONTAINS", AttributeValue.s("a")))).isTrue();
    assertThat(matches("ss", entry("NOT_CONTAINS", AttributeValue.s("z")))).isTrue();
    assertThat(matches("l", entry("CONTAINS", AttributeValue.s("a")))).isTrue();
    assertThat(matches("n", entry("IN", AttributeValue.n(1), AttributeValue.n(10)))).isTrue();
    assertThat(matches("n", entry("BETWEEN", AttributeValue.n(10), AttributeValue.n(10))))
        .isTrue();
    assertThat(matches("s", entry("NOT_NULL"))).isTrue();
    assertThat(matches("zz", entry("NULL"))).isTrue();
    assertThat(matches("nul", entry("NULL"))).isFalse();
    assertThat(matches("ss", entry("EQ", AttributeValue.ss("b", "a")))).isTrue();
  }

  @Test
  void valueAndExistsForms() {
    assertThat(matches("s", new ExpectedEntry(AttributeValue.s("abc"), null, null, null, null)))
        .isTrue();
    assertThat(matches("s", new ExpectedEntry(AttributeValue.s("abc"), true, null, null, null)))
        .isTrue();
    assertThat(matches("n", new ExpectedEntry(AttributeValue.s("10"), null, null, null, null)))
        .isFalse();
    assertThat(matches("zz", new ExpectedEntry(null, false, null, null, null))).isTrue();
    assertThat(matches("m.x", new ExpectedEntry(null, false, null, null, null))).isFalse();
    assertThat(matches("n", new ExpectedEntry(AttributeValue.n(10), null, "EQ", null, null)))
        .isTrue();
  }

  @Test
  void joinsEntriesWithAndByDefaultOrWithOr() {
    Map<String, ExpectedEntry> expected = new LinkedHashMap<>();
    expected.put("zz", new ExpectedEntry(AttributeValue.n(1), true, null, null, null));
    expected.put("s", new ExpectedEntry(AttributeValue.s("abc"), null, null, null, null));

    assertThat(ExpressionCompiler.legacy(expected, null).matches(ITEM)).isFalse();
    assertThat(ExpressionCompiler.legacy(expected, "AND").matches(ITEM)).isFalse();
    assertThat(ExpressionCompiler.legacy(expected, "OR").matches(ITEM)).isTrue();
  }

  @Test
  void anEmptyMapIsAConditionThatAlwaysHolds() {
    assertThat(ExpressionCompiler.legacy(Map.of(), null).matches(Item.EMPTY)).isTrue();
    assertThat(ExpressionCompiler.legacy(null, null).matches(ITEM)).isTrue();
  }

  @Test
  void reportsTheFirstInvalidEntryInMapOrder() {
    Map<String, ExpectedEntry> expected = new LinkedHashMap<>();
    expected.put("a", new ExpectedEntry(null, null, "EQ", null, null));
    expected.put("b", new ExpectedEntry(null, true, null, null, null));

    assertThat(message(expected)).isEqualTo(INVALID
        + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a");
  }

  @Test
  void checksEachEntryInDynamoDbsOrder() {
    AttributeValue one = AttributeValue.n(1);
    assertThat(message("a", new ExpectedEntry(one, false, "EQ", List.of(one), null)))
        .isEqualTo(INVALID + "Value and AttributeValueList cannot be used together for Attribute: a");
    assertThat(message("a", new ExpectedEntry(null, false, "EQ", List.of(one, one), null)))
        .isEqualTo(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: a");
    assertThat(message("a", entry("EQ", one, AttributeValue.s("x"))))
        .isEqualTo(INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator");
    assertThat(message("a", entry("NULL", one)))
        .isEqualTo(INVALID + "Invalid number of argument(s) for the NULL ComparisonOperator");
    assertThat(message("a", entry("IN")))
        .isEqualTo(INVALID + "Invalid number of argument(s) for the IN ComparisonOperator");
    assertThat(message("a", entry("IN", one, AttributeValue.ss("x"))))
        .isEqualTo(INVALID + "AttributeValues inside AttributeValueList must be of same type");
    assertThat(message("a", entry("GE", AttributeValue.nul())))
        .isEqualTo(INVALID + "ComparisonOperator GE is not valid for NULL AttributeValue type");
    assertThat(message("a", entry("BEGINS_WITH", one)))
        .isEqualTo(INVALID + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
    assertThat(message("a", entry("BETWEEN", AttributeValue.s("b"), AttributeValue.s("a"))))
        .isEqualTo("The BETWEEN condition was provided a range where the lower bound is greater"
            + " than the upper bound");
    assertThat(message("a", new ExpectedEntry(null, true, null, List.of(), null)))
        .isEqualTo(INVALID + "AttributeValueList can only be used with a ComparisonOperator for"
            + " Attribute: a");
    assertThat(message("a", new ExpectedEntry(null, null, null, null, null)))
        .isEqualTo(INVALID + "Value must be provided when Exists is null for Attribute: a");
    assertThat(message("a", new ExpectedEntry(null, true, null, null, null)))
        .isEqualTo(INVALID + "Value must be provided when Exists is true for Attribute: a");
    assertThat(message("a", new ExpectedEntry(one, false, null, null, null)))
        .isEqualTo(INVALID + "Value cannot be used when Exists is false for Attribute: a");
  }

  @Test
  void reportsAnInvalidValueAfterTheStructuralChecks() {
    String empty = INVALID + "An string set  may not be empty";
    List<AttributeValue> withHole = Arrays.asList(AttributeValue.n(1), null);

    assertThat(message("a", new ExpectedEntry(null, null, "EQ", withHole, empty)))
        .isEqualTo(INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator");
    assertThat(message("a", new ExpectedEntry(null, null, "IN", withHole, empty)))
        .isEqualTo(empty);
    assertThat(message("a", new ExpectedEntry(null, null, null, null, empty))).isEqualTo(empty);
    assertThat(message("a", new ExpectedEntry(null, false, null, null, empty)))
        .isEqualTo(INVALID + "Value cannot be used when Exists is false for Attribute: a");
  }

  private static ExpectedEntry entry(String operator, AttributeValue... values) {
    return new ExpectedEntry(null, null, operator, List.of(values), null);
  }

  private static ItemCondition legacy(String attribute, ExpectedEntry entry) {
    return ExpressionCompiler.legacy(Map.of(attribute, entry), null);
  }

  private static boolean matches(String attribute, ExpectedEntry entry) {
    return legacy(attribute, entry).matches(ITEM);
  }

  private static String message(String attribute, ExpectedEntry entry) {
    return message(Map.of(attribute, entry));
  }

  private static String message(Map<String, ExpectedEntry> expected) {
    DynamoDbError.Validation thrown = catchThrowableOfType(DynamoDbError.Validation.class,
        () -> ExpressionCompiler.legacy(expected, null));
    assertThat(thrown).isNotNull();
    return thrown.getMessage();
  }
}
