package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.dynamodb.Bytes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ion text read one top-level value at a time. */
class IonReaderTest {

  static List<IonValue> all(String text) {
    IonReader reader = new IonReader(text);
    List<IonValue> values = new ArrayList<>();
    for (IonValue value = reader.next(); value != null; value = reader.next()) {
      values.add(value);
    }
    return values;
  }

  static IonValue one(String text) {
    List<IonValue> values = all(text);
    assertThat(values).hasSize(1);
    return values.get(0);
  }

  static IonSyntaxException refused(String text) {
    return catchThrowableOfType(() -> all(text), IonSyntaxException.class);
  }

  @Test
  void next_readsTheExportLineForm_skippingTheVersionMarkers() {
    List<IonValue> values = all("$ion_1_0 {Item:{id:\"a\"}}\n$ion_1_0 {Item:{id:\"b\"}}\n");

    assertThat(values).containsExactly(
        new IonValue.Struct(List.of(new IonValue.Field("Item", new IonValue.Struct(
            List.of(new IonValue.Field("id", new IonValue.Str("a"))))))),
        new IonValue.Struct(List.of(new IonValue.Field("Item", new IonValue.Struct(
            List.of(new IonValue.Field("id", new IonValue.Str("b"))))))));
  }

  @Test
  void next_skipsCommentsAndWhitespaceAnywhereBetweenValues_andSymbolTables() {
    String text = "// a file of one item\n$ion_symbol_table::{symbols:[\"x\"]}\n"
        + "{ /* the item */ Item : {\n\tid\n:\r\n\"a\" , // first\n n: 1.5 ,\n} }\n/* end */";

    IonValue value = one(text);

    assertThat(value).isEqualTo(new IonValue.Struct(List.of(new IonValue.Field("Item",
        new IonValue.Struct(List.of(new IonValue.Field("id", new IonValue.Str("a")),
            new IonValue.Field("n", new IonValue.Decimal(new BigDecimal("1.5")))))))));
    assertThat(all("")).isEmpty();
    assertThat(all("  $ion_1_0 // nothing else\n")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "0, 0", "-7, -7", "1_000, 1000", "0x1F, 31", "-0xff, -255", "0b101, 5",
      "103., 103", "1.5, 1.5", "-0.001, -0.001", "6d2, 6E+2", "2D3, 2E+3", "1.5d-3, 0.0015",
      "-0., 0", "123_456.7_8, 123456.78", "9.9999999999999999999999999999999999999d125,"
          + " 9.9999999999999999999999999999999999999E+125",
  })
  void next_readsIntsAndDecimalsExactly(String ion, String number) {
    assertThat(one(ion)).isEqualTo(new IonValue.Decimal(new BigDecimal(number)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "1e0|float", "-1.5E-3|float", "nan|float", "+inf|float", "-inf|float",
      "2007-02-23T12:14Z|timestamp", "2007T|timestamp", "2007-02-23|timestamp",
      "{{\"clob\"}}|clob", "{{'''long''' '''clob'''}}|clob", "null.string|null.string",
      "null.int|null.int",
  })
  void next_readsValidIonOfNoDynamoDbType_asOther(String ion, String kind) {
    assertThat(one(ion)).isEqualTo(new IonValue.Other(kind));
  }

  @Test
  void next_readsStringsSymbolsAndTheirEscapes() {
    assertThat(one("\"a\\\"b\\\\c\\n\\t\\x41\\u00e9\\U0001F600\\0\\a\\v\\/\\?\\'\""))
        .isEqualTo(new IonValue.Str("a\"b\\c\n\tAé😀\0\u0007\u000B/?'"));
    assertThat(one("'''long ''' /* joined */ '''string\nover lines'''"))
        .isEqualTo(new IonValue.Str("long string\nover lines"));
    assertThat(one("\"one \\\nline\"")).isEqualTo(new IonValue.Str("one line"));
    assertThat(one("\"é😀\"")).isEqualTo(new IonValue.Str("é😀"));
    assertThat(one("'quoted symbol'")).isEqualTo(new IonValue.Symbol("quoted symbol"));
    assertThat(one("plain")).isEqualTo(new IonValue.Symbol("plain"));
    assertThat(one("'null'")).isEqualTo(new IonValue.Symbol("null"));
  }

  @Test
  void next_readsFieldNamesAsIdentifiersQuotedSymbolsOrStrings() {
    IonValue value = one("{a:1, 'b c':2, \"d\\\"e\":3, '''f''':4, 'it\\'s':5, a:6}");

    assertThat(((IonValue.Struct) value).fields()).extracting(IonValue.Field::name)
        .containsExactly("a", "b c", "d\"e", "f", "it's", "a");
  }

  @Test
  void next_readsNullsBoolsBlobsListsAndAnnotations() {
    assertThat(all("null null.null true false")).containsExactly(new IonValue.Null(),
        new IonValue.Null(), new IonValue.Bool(true), new IonValue.Bool(false));
    assertThat(one("{{ aGVs\n bG8= }}")).isEqualTo(new IonValue.Blob(Bytes.of(
        "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(one("{{}}")).isEqualTo(new IonValue.Blob(Bytes.of()));
    assertThat(one("[1, [], {}, ]")).isEqualTo(new IonValue.ListValue(List.of(
        new IonValue.Decimal(BigDecimal.ONE), new IonValue.ListValue(List.of()),
        new IonValue.Struct(List.of()))));
    assertThat(one("$dynamodb_SS :: [\"a\"]")).isEqualTo(new IonValue.Annotated(
        List.of("$dynamodb_SS"), new IonValue.ListValue(List.of(new IonValue.Str("a")))));
    assertThat(one("a::'b'::c")).isEqualTo(
        new IonValue.Annotated(List.of("a", "b"), new IonValue.Symbol("c")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{Item:", "{Item:{id:\"a\"}", "[1 2]", "{a 1}", "{a::1}", "\"open", "'open",
      "'''open", "/* open", "{{aGk}}", "{{a*}}", "{{aGk=", "(sexp)", "01", "1.2.3", "1d",
      "\"\\q\"", "\"\\x4\"", "\"line\nbreak\"", "$ion_2_0", "$10", "{$10:1}", "null.", ",",
      "}", "[,]", "{1:2}",
  })
  void next_refusesTextThatIsNotIonItReads(String text) {
    IonSyntaxException thrown = refused(text);

    assertThat(thrown).isNotNull();
    assertThat(thrown.line()).isPositive();
    assertThat(thrown.column()).isPositive();
  }

  @Test
  void next_namesWhereTheTextFailed() {
    IonSyntaxException thrown = refused("$ion_1_0 {Item:{id:\"a\"}}\n{Item:{id:(\"b\")}}");

    assertThat(thrown.getMessage()).isEqualTo("S-expressions are not read (line 2, column 11)");
  }

  @Test
  void next_refusesContainersNestedPastTheLimit_withoutOverflowingTheStack() {
    String deepest = "[".repeat(IonReader.MAX_DEPTH) + "]".repeat(IonReader.MAX_DEPTH);
    String deeper = "[".repeat(100_000) + "]".repeat(100_000);

    assertThat(one(deepest)).isInstanceOf(IonValue.ListValue.class);
    assertThat(refused(deeper).problem())
        .isEqualTo("Containers are nested deeper than 100 levels");
  }
}
