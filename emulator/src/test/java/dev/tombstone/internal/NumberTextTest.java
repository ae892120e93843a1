package dev.tombstone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.internal.NumberText.Tail;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one pass over a number's text that the store's parser and the older layer judge from. */
class NumberTextTest {

  @ParameterizedTest
  @CsvSource({
      // text,        sign, digits, pointAt, first, last, tail,     exponent, significand
      "-00120.50e3,   1,    7,      5,       2,     5,    EXPONENT, 3,        1205",
      "+.5,           1,    1,      0,       0,     0,    NONE,     0,        5",
      "7.,            0,    1,      1,       0,     0,    NONE,     0,        7",
      "000.000E-12,   0,    6,      3,       -1,    -1,   EXPONENT, -12,      ''",
      "12e+9223372036854775807, 0, 2, 2,     0,     1,    EXPONENT, 9223372036854775807, 12",
      "1e9223372036854775808,   0, 1, 1,     0,     0,    OTHER,    0,        1",
      "1.2.3,         0,    2,      1,       0,     1,    OTHER,    0,        12",
      "1e5e5,         0,    1,      1,       0,     0,    OTHER,    0,        1",
      "e7,            0,    0,      0,       -1,    -1,   EXPONENT, 7,        ''",
      "-,             1,    0,      0,       -1,    -1,   NONE,     0,        ''",
      "'',            0,    0,      0,       -1,    -1,   NONE,     0,        ''",
      "10x,           0,    2,      2,       0,     0,    OTHER,    0,        1"})
  void onePass_findsSignDigitsPointAndExponent(String text, int sign, int digits, int pointAt,
      int first, int last, Tail tail, long exponent, String significand) {
    NumberText number = NumberText.of(text);

    assertThat(number).isEqualTo(
        new NumberText(text, sign, digits, pointAt, first, last, tail, exponent));
    assertThat(number.significand()).isEqualTo(significand);
    assertThat(number.significantDigits()).isEqualTo(significand.length());
    assertThat(number.isZero()).isEqualTo(significand.isEmpty());
  }

  @ParameterizedTest
  @CsvSource({"1e\u0661\u0662, 12", "1e-\u0663, -3"})
  void theExponent_isReadAsLongParseLongReadsIt(String text, long exponent) {
    assertThat(NumberText.of(text).tail()).isEqualTo(Tail.EXPONENT);
    assertThat(NumberText.of(text).exponent()).isEqualTo(exponent);
  }

  @ParameterizedTest
  @CsvSource({"\u0661e5", "1\u0661"})
  void aDigitOutsideAscii_endsTheSignificand(String text) {
    assertThat(NumberText.of(text).tail()).isEqualTo(Tail.OTHER);
  }
}
