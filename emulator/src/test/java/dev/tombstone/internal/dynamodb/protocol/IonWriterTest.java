package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.Bytes;
import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Ion text scalars, written as ion-java's text writer writes them. */
class IonWriterTest {

  static String written(Consumer<StringBuilder> write) {
    StringBuilder out = new StringBuilder();
    write.accept(out);
    return out.toString();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0, 0.",
      "103, 103.",
      "600, 6d2",
      "2000, 2d3",
      "1.5, 1.5",
      "1.50, 1.5",
      "-1.5, -1.5",
      "0.5, 5d-1",
      "-0.001, -1d-3",
      "0.0125, 1.25d-2",
      "12.34, 12.34",
      "1E+30, 1d30",
      "-7E-130, -7d-130",
      "9.9999999999999999999999999999999999999E+125, 99999999999999999999999999999999999999d88",
  })
  void decimal_isWrittenByItsUnscaledDigits_withoutTrailingZeros(String number, String ion) {
    assertThat(written(out -> IonWriter.decimal(out, new BigDecimal(number)))).isEqualTo(ion);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Item|Item",
      "_id|_id",
      "$price|$price",
      "a1|a1",
      "1a|'1a'",
      "first name|'first name'",
      "null|'null'",
      "true|'true'",
      "false|'false'",
      "nan|'nan'",
      "$10|'$10'",
      "it's|'it\\'s'",
      "a\"b|'a\"b'",
      "é|'é'",
  })
  void symbol_isQuoted_onlyWhenItIsNoPlainIdentifier(String name, String ion) {
    assertThat(written(out -> IonWriter.symbol(out, name))).isEqualTo(ion);
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("\"", "\"\\\"\""),
        Arguments.of("'", "\"'\""),
        Arguments.of("\\", "\"\\\\\""),
        Arguments.of("\u0000", "\"\\0\""),
        Arguments.of("\u0007", "\"\\a\""),
        Arguments.of("\b\t\n\u000B\f\r", "\"\\b\\t\\n\\v\\f\\r\""),
        Arguments.of("\u0001\u001f\u007f", "\"\\x01\\x1f\\x7f\""),
        Arguments.of("é€😀 /", "\"é€😀 /\""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("escapes")
  void string_escapesWhatIonJavaEscapes_andKeepsTheRestAsUtf8(String text, String ion) {
    assertThat(written(out -> IonWriter.string(out, text))).isEqualTo(ion);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'', '{{}}'", "aGk=, '{{aGk=}}'", "/w==, '{{/w==}}'"})
  void blob_isItsBase64InDoubleBraces(String base64, String ion) {
    assertThat(written(out -> IonWriter.blob(out, Bytes.fromBase64(base64)))).isEqualTo(ion);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"\uD800, \"\\ud800\"", "a\uDC00, \"a\\udc00\""})
  void string_escapesALoneSurrogate_whichHasNoUtf8Form(String text, String ion) {
    assertThat(written(out -> IonWriter.string(out, text))).isEqualTo(ion);
  }
}
