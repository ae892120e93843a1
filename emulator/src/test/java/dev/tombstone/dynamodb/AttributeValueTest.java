package dev.tombstone.dynamodb;

import dev.tombstone.internal.Utf8Order;
import dev.tombstone.internal.dynamodb.SetValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeValueTest {

  @ParameterizedTest
  @CsvSource({"1.50,1.5", "1e2,100", "-0,0", "0.000,0", "+7,7", "00012,12", "-1.2300e-3,-0.00123"})
  void numbers_areHeldInCanonicalForm(String text, String canonical) {
    assertThat(AttributeValue.N.parse(text).text()).isEqualTo(canonical);
  }

  @Test
  void numbers_atTheEdgesOfTheRange_arePrintedInFull() {
    assertThat(AttributeValue.N.parse("9.9999999999999999999999999999999999999E+125").text())
        .isEqualTo("9".repeat(38) + "0".repeat(88));
    assertThat(AttributeValue.N.parse("-1E-130").text()).isEqualTo("-0." + "0".repeat(129) + "1");
  }

  @Test
  void numbers_compareNumerically() {
    assertThat(AttributeValue.n("10")).isEqualTo(AttributeValue.n("1E1"))
        .isEqualTo(AttributeValue.n("10.000"));
    assertThat(AttributeValue.ns("1", "2")).isEqualTo(AttributeValue.ns("2.0", "1"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|The parameter cannot be converted to a numeric value",
      "b|The parameter cannot be converted to a numeric value: b",
      "NaN|The parameter cannot be converted to a numeric value: NaN",
      "123456789012345678901234567890123456789|"
          + "Attempting to store more than 38 significant digits in a Number",
      "1e126|Number overflow. Attempting to store a number with magnitude larger than supported"
          + " range",
      "-1e126|Number overflow. Attempting to store a number with magnitude larger than supported"
          + " range",
      "1e-131|Number underflow. Attempting to store a number with magnitude smaller than"
          + " supported range"})
  void invalidNumbers_failWithDynamoDbsMessages(String text, String message) {
    assertThatThrownBy(() -> AttributeValue.N.parse(text))
        .isInstanceOf(DynamoDbError.Validation.class).hasMessage(message);
  }

  @Test
  void longNumberText_isJudgedAsBigDecimalAloneWouldJudgeIt() {
    Random random = new Random(20261204);
    for (int n = 0; n < 3000; n++) {
      String text = longNumberText(random);
      assertThat(outcome(text)).as(text).isEqualTo(referenceOutcome(text));
    }
  }

  @Test
  void aMillionDigits_areRefusedAsTooManySignificantDigits() {
    assertThatThrownBy(() -> AttributeValue.N.parse("7".repeat(1_000_000)))
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
    assertThat(AttributeValue.N.parse("0".repeat(500_000) + "42." + "0".repeat(500_000)).text())
        .isEqualTo("42");
  }

  /** Text over 100 characters: zeros around a few digits, a point, an exponent, some damage. */
  private static String longNumberText(Random random) {
    StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
    text.append("0".repeat(random.nextInt(3) == 0 ? 0 : random.nextInt(150)));
    int significant = random.nextInt(5) == 0 ? 30 + random.nextInt(20) : 1 + random.nextInt(8);
    for (int i = 0; i < significant; i++) {
      text.append((char) ('0' + random.nextInt(10)));
    }
    if (random.nextBoolean()) {
      text.insert(text.length() - random.nextInt(significant), '.');
    }
    text.append("0".repeat(random.nextInt(150)));
    if (text.length() < 101) {
      text.insert(text.charAt(0) == '-' ? 1 : 0, "0".repeat(101 - text.length()));
    }
    switch (random.nextInt(8)) {
      case 0 -> text.append('e').append(random.nextInt(300) - 150);
      case 1 -> text.append("E+").append(random.nextInt(20));
      case 2 -> text.append("e");
      case 3 -> text.append(random.nextBoolean() ? ".5" : "x");
      case 4 -> text.append("E99999999999");
      default -> { }
    }
    return text.toString();
  }

  private static String outcome(String text) {
    try {
      return AttributeValue.N.parse(text).text();
    } catch (DynamoDbError.Validation e) {
      return e.getMessage();
    }
  }

  /** What parsing with BigDecimal first, then checking digits and range, gives. */
  private static String referenceOutcome(String text) {
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return "The parameter cannot be converted to a numeric value: " + text;
    }
    if (value.signum() == 0) {
      return "0";
    }
    value = value.stripTrailingZeros();
    long exponent = (long) value.precision() - value.scale() - 1;
    if (value.precision() > 38) {
      return "Attempting to store more than 38 significant digits in a Number";
    }
    if (exponent > 125) {
      return "Number overflow. Attempting to store a number with magnitude larger than supported"
          + " range";
    }
    if (exponent < -130) {
      return "Number underflow. Attempting to store a number with magnitude smaller than"
          + " supported range";
    }
    return value.toPlainString();
  }

  @Test
  void sets_detectEmptinessAndDuplicatesWithDynamoDbsMessages() {
    assertThatThrownBy(() -> SetValidation.stringSet(List.of()))
        .hasMessage("One or more parameter values were invalid: An string set  may not be empty");
    assertThatThrownBy(() -> SetValidation.stringSet(List.of("a", "a"))).hasMessage(
        "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
    assertThatThrownBy(() -> SetValidation.numberSet(List.of("1", "1.0")))
        .hasMessage("Input collection contains duplicates");
    assertThatThrownBy(() -> SetValidation.numberSet(List.of()))
        .hasMessage("One or more parameter values were invalid: An number set  may not be empty");
    Bytes b = Bytes.fromBase64("Yg==");
    assertThatThrownBy(() -> SetValidation.binarySet(List.of(b, b))).hasMessage(
        "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS"
            + " contains duplicates.");
    assertThatThrownBy(() -> SetValidation.binarySet(List.of()))
        .hasMessage("One or more parameter values were invalid: Binary sets should not be empty");
  }

  @Test
  void setRecords_refuseEmptySets() {
    assertThatThrownBy(() -> new AttributeValue.SS(Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttributeValue.NS(Set.<BigDecimal>of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void binary_ordersAsUnsignedBytes() {
    assertThat(Bytes.of((byte) 0x80).compareTo(Bytes.of((byte) 0x7f))).isPositive();
    assertThat(Bytes.of((byte) 1).compareTo(Bytes.of((byte) 1, (byte) 0))).isNegative();
    assertThat(Bytes.of((byte) 1, (byte) 2)).isEqualTo(Bytes.fromBase64("AQI="));
  }

  @Test
  void strings_orderByUtf8Bytes_notUtf16Units() {
    assertThat(Utf8Order.compare("B", "a")).isNegative();
    assertThat(Utf8Order.compare("\uFF61", "\uD83D\uDE00")).isNegative();
    assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();
    assertThat(Utf8Order.compare("ab", "abc")).isNegative();
    assertThat(Utf8Order.compare("abc", "abc")).isZero();
  }
}
