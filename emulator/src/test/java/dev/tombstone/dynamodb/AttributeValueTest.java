package dev.tombstone.dynamodb;

import dev.tombstone.internal.Utf8Order;
import dev.tombstone.internal.dynamodb.SetValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeValueTest {
  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";

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
      "1e126|" + OVERFLOW,
      "-1e126|" + OVERFLOW,
      "1e-131|" + UNDERFLOW,
      // numberExponent.test.ts: zero is range-checked by the exponent it is written with.
      "0e126|" + OVERFLOW,
      "0E999|" + OVERFLOW,
      "-0.0e126|" + OVERFLOW,
      "0e-131|" + UNDERFLOW,
      // The exponent is read in full: past 32 bits out of range, past 64 not a number.
      "1e99999999999|" + OVERFLOW,
      "-1e99999999999|" + OVERFLOW,
      "1e-99999999999|" + UNDERFLOW,
      "1e2147483648|" + OVERFLOW,
      "1e2147483647|" + OVERFLOW,
      "1e-2147483648|" + UNDERFLOW,
      "1.5e-2147483647|" + UNDERFLOW,
      "100e2147483647|" + OVERFLOW,
      "0e99999999999|" + OVERFLOW,
      "1e9223372036854775807|" + OVERFLOW,
      "1e-9223372036854775808|" + UNDERFLOW,
      "1e9223372036854775808|The parameter cannot be converted to a numeric value:"
          + " 1e9223372036854775808",
      "1e99999999999x|The parameter cannot be converted to a numeric value: 1e99999999999x",
      "1.2.3e99999999999|The parameter cannot be converted to a numeric value: 1.2.3e99999999999",
      "1234567890123456789012345678901234567890e99999999999|"
          + "Attempting to store more than 38 significant digits in a Number"})
  void invalidNumbers_failWithDynamoDbsMessages(String text, String message) {
    assertThatThrownBy(() -> AttributeValue.N.parse(text))
        .isInstanceOf(DynamoDbError.Validation.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"0e125", "0E-130", "-0.000e+125", "0.0e-130"})
  void zeroWithAnExponentInRange_isZero(String text) {
    assertThat(AttributeValue.N.parse(text).text()).isEqualTo("0");
  }

  @Test
  void theEdgesWrittenWithExponents_areStored() {
    assertThat(AttributeValue.N.parse("1e-130").text()).isEqualTo("0." + "0".repeat(129) + "1");
    assertThat(AttributeValue.N.parse("0.01e127").text()).isEqualTo("1" + "0".repeat(125));
  }

  @Test
  void longNumberText_isJudgedAsTheReferenceJudgesIt() {
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
    switch (random.nextInt(10)) {
      case 0 -> text.append('e').append(random.nextInt(300) - 150);
      case 1 -> text.append("E+").append(random.nextInt(20));
      case 2 -> text.append("e");
      case 3 -> text.append(random.nextBoolean() ? ".5" : "x");
      case 4 -> text.append("E99999999999");
      case 5 -> text.append(random.nextBoolean() ? "e2147483648" : "e-2147483648");
      case 6 -> text.append(random.nextBoolean() ? "E9223372036854775807" : "E9223372036854775808");
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

  private static final Pattern NUMBER =
      Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))(?:[eE]([+-]?\\d+))?");

  /**
   * DynamoDB's rules written plainly, for text of any length: BigDecimal reads the digits, the
   * exponent is read in full (not a number past 64 bits), digits are checked before the range,
   * and zero is range-checked by its written exponent.
   */
  private static String referenceOutcome(String text) {
    Matcher m = NUMBER.matcher(text);
    BigInteger exponent = !m.matches() ? null
        : m.group(2) == null ? BigInteger.ZERO : new BigInteger(m.group(2));
    if (exponent == null || exponent.bitLength() > 63) {
      return "The parameter cannot be converted to a numeric value: " + text;
    }
    BigDecimal digits = new BigDecimal(m.group(1));
    BigInteger adjusted = exponent;
    if (digits.signum() != 0) {
      digits = digits.stripTrailingZeros();
      if (digits.precision() > 38) {
        return "Attempting to store more than 38 significant digits in a Number";
      }
      adjusted = adjusted.add(BigInteger.valueOf(digits.precision() - digits.scale() - 1));
    }
    if (adjusted.compareTo(BigInteger.valueOf(125)) > 0) {
      return OVERFLOW;
    }
    if (adjusted.compareTo(BigInteger.valueOf(-130)) < 0) {
      return UNDERFLOW;
    }
    return digits.signum() == 0 ? "0"
        : digits.scaleByPowerOfTen(exponent.intValueExact()).stripTrailingZeros().toPlainString();
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
