package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tombstone.internal.RandomEdits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner reads what SDKs send, and whatever it reads Jackson reads to the same tree, member
 * order included: it may decline a document, never disagree about one.
 */
class JsonScannerTest {
  private static final List<String> SDK_BODIES = List.of(
      "{\"TableName\":\"t\",\"Key\":{\"id\":{\"S\":\"a\"}},"
          + "\"ConditionExpression\":\"#n = :v AND attribute_exists(#n)\","
          + "\"ExpressionAttributeNames\":{\"#n\":\"n\"},"
          + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}},\"ReturnValues\":\"ALL_OLD\"}",
      "{\"TableName\":\"r\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"-1.5E+3\"}},"
          + "\"ReturnValues\":\"NONE\",\"ReturnConsumedCapacity\":\"TOTAL\"}",
      "{\"TableName\":\"t\",\"Item\":{\"id\":{\"S\":\"b\"},\"m\":{\"M\":{\"k\":{\"BOOL\":true},"
          + "\"z\":{\"NULL\":true},\"l\":{\"L\":[{\"S\":\"x\"},{\"N\":\"2\"},{\"M\":{}}]}}},"
          + "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\",\"-3e2\"]},"
          + "\"bs\":{\"BS\":[\"AAE=\"]},\"b\":{\"B\":\"dGVzdA==\"},\"f\":{\"BOOL\":false}},"
          + "\"ConditionExpression\":\"attribute_not_exists(id)\"}",
      "{\n  \"TableName\": \"t\",\n  \"Key\": {\n    \"id\": {\"S\": \"a\"}\n  }\r\n}\n",
      "{\"numbers\":[0,-0,1,-1,10,123456789012345678901234567890,0.0,-0.0,1.5,1e5,1E5,1e+5,"
          + "1E-5,-0.0e-0,12.50E+007,9.999999999999999999e999]}",
      "{\"escapes\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t nul\\u0000 \\u00e9\\u00E9 "
          + "\\uD83D\\uDE00 \\ud83d\\ude00 lone\\uDC00 \\uDBFF end\",\"\\u0041\\\"name\":1}",
      "{\"a\":1,\"b\":2,\"a\":3,\"c\":{\"x\":[],\"x\":null}}",
      "{\"RequestItems\":{\"t\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"1\"}}}},"
          + "{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"2\"}}}}]}}",
      "{\"TransactItems\":[{\"ConditionCheck\":{\"TableName\":\"t\",\"Key\":{\"id\":{\"S\":\"a\"}},"
          + "\"ConditionExpression\":\"size(#l) > :zero\",\"ExpressionAttributeNames\":"
          + "{\"#l\":\"l\"},\"ExpressionAttributeValues\":{\":zero\":{\"N\":\"0\"}}}}],"
          + "\"ClientRequestToken\":\"tok-\\u007f\"}",
      "{\"TableName\":\"t\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
          + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
          + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}",
      "{}", "[]", "\"top\"", "0", "-12.5e-3", "true", "false", "null", " \t\r\n[ ] ");
  private static final byte[] EDIT_ALPHABET =
      "{}[]:,\"\\/ \t\n\r0123456789.-+eEtrufalsn".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ODD_BYTES = {0x00, 0x01, 0x1f, 0x7f, (byte) 0x80, (byte) 0xc3,
      (byte) 0xa9, (byte) 0xef, (byte) 0xff, '\'', 'x', '#', 'N'};

  /** The scanner's tree, or null; throws when Jackson disagrees with a tree it returned. */
  static Json assertAgreesWithJackson(byte[] body) {
    Json scanned = JsonScanner.scan(body);
    if (scanned == null) {
      return null;
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    Json parsed;
    try {
      parsed = Json.parseWithJackson(body);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("the scanner read what Jackson refuses: " + text, e);
    }
    assertThat(scanned).as(text).isEqualTo(parsed);
    assertThat(ordered(scanned)).as(text).isEqualTo(ordered(parsed));
    return scanned;
  }

  /** The tree as text that shows every type, string and member order. */
  private static String ordered(Json json) {
    StringBuilder out = new StringBuilder();
    appendOrdered(out, json);
    return out.toString();
  }

  private static void appendOrdered(StringBuilder out, Json json) {
    if (json instanceof Json.Obj object) {
      out.append('{');
      for (Map.Entry<String, Json> member : object.members().entrySet()) {
        out.append(DynamoDbJsonFuzzTest.quote(member.getKey())).append(':');
        appendOrdered(out, member.getValue());
        out.append(',');
      }
      out.append('}');
    } else if (json instanceof Json.Arr array) {
      out.append('[');
      for (Json element : array.elements()) {
        appendOrdered(out, element);
        out.append(',');
      }
      out.append(']');
    } else if (json instanceof Json.Str string) {
      out.append(DynamoDbJsonFuzzTest.quote(string.value()));
    } else if (json instanceof Json.Num number) {
      out.append(number.integral() ? "int " : "float ").append(number.text());
    } else {
      out.append(json);
    }
  }

  private static Json scan(String document) {
    return JsonScanner.scan(document.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sdkBodies_areReadAndAgree() {
    for (String body : SDK_BODIES) {
      assertThat(assertAgreesWithJackson(body.getBytes(StandardCharsets.UTF_8)))
          .as(body).isNotNull();
    }
  }

  @Test
  void generatedDocuments_areReadAndAgree() {
    for (String document : generated(new Random(7), 500)) {
      assertThat(assertAgreesWithJackson(document.getBytes(StandardCharsets.US_ASCII)))
          .as(document).isNotNull();
    }
  }

  @Test
  void deleteItem_becomesTheTreeJacksonBuilds() {
    Json.Obj request = (Json.Obj) scan(SDK_BODIES.get(0));

    assertThat(request.members().keySet()).containsExactly("TableName", "Key",
        "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues",
        "ReturnValues");
    assertThat(request.get("TableName")).isEqualTo(new Json.Str("t"));
    assertThat(((Json.Obj) request.get("ExpressionAttributeValues")).get(":v"))
        .isEqualTo(new Json.Obj(Map.of("N", new Json.Str("1"))));
  }

  @Test
  void duplicateNames_keepTheFirstPositionAndTheLastValue() {
    Json.Obj object = (Json.Obj) scan("{\"a\":1,\"b\":2,\"a\":3}");

    assertThat(object.members().keySet()).containsExactly("a", "b");
    assertThat(object.get("a")).isEqualTo(new Json.Num("3", true));
  }

  @Test
  void numbers_keepTheirTextAndAreIntegralWithoutFractionOrExponent() {
    Json.Arr numbers = (Json.Arr) scan("[0,-0,42,0.0,1e5,1E+2,-0.0e-0]");

    assertThat(numbers.elements()).containsExactly(new Json.Num("0", true),
        new Json.Num("-0", true), new Json.Num("42", true), new Json.Num("0.0", false),
        new Json.Num("1e5", false), new Json.Num("1E+2", false),
        new Json.Num("-0.0e-0", false));
  }

  @Test
  void escapes_becomeTheirCharsAndSurrogatesStayAsWritten() {
    Json.Str string = (Json.Str) scan(
        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u00e9\\u00E9\\uD83D\\uDE00\\uDC00\"");

    assertThat(string.value())
        .isEqualTo("\"\\/\b\f\n\r\t\u0000\u00e9\u00e9\uD83D\uDE00\uDC00");
  }

  @Test
  void surrogateEscapesInNames_areLeftToJackson() {
    assertThat(scan("{\"\\uDC00\":1}")).isNull();
    assertThat(scan("{\"\\uD83D\\uDE00\":1}")).isNull();
    assertThat(scan("{\"\\uD7FF\\uE000\":1}")).isNotNull();
    assertThat(scan("[\"\\uDC00\"]")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " \n\t\r ", "{} {}", "{}x", "{\"a\":1}}", "{\"a\" 1}", "{\"a\":1 \"b\":2}",
      "{\"a\":1,,\"b\":2}", "[1,,2]", "[,1]", "{,\"a\":1}", "{\"a\":1,}", "[1,2,]",
      "{'a':1}", "['a']", "{a:1}", "[1]//c", "/*c*/[1]", "#c\n[1]", "[NaN]", "[Infinity]",
      "[-Infinity]", "[01]", "[-01]", "[00]", "[+1]", "[.5]", "[1.]", "[1e]", "[1e+]", "[-]",
      "[1.e5]", "[truex]", "truex", "[nul]", "[True]", "{\"a\":nullx}", "[\"\\a\"]",
      "[\"\\'\"]", "[\"\\u12\"]", "[\"\\u12G4\"]", "[\"\\x41\"]", "[\"unterminated]",
      "[\"\\", "[1", "{\"a\":", "{\"a\"", "]", "}", "[1]]", "\u000b[1]", "[1]\f",
      "\u00a0[1]", "\u0000", "[\"\u0001\"]"})
  void anythingElse_isLeftToJackson(String document) {
    assertThat(scan(document)).as(document).isNull();
  }

  @Test
  void bytesOfNonAscii_areLeftToJackson() {
    assertThat(scan("[\"caf\u00e9\"]")).isNull();
    assertThat(JsonScanner.scan(new byte[] {'[', (byte) 0xef, (byte) 0xbb, (byte) 0xbf, ']'}))
        .isNull();
    assertThat(JsonScanner.scan(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', ']'}))
        .isNull();
  }

  @Test
  void rawControlBytesInStrings_areLeftToJackson() {
    for (int b = 0; b < 0x20; b++) {
      byte[] document = {'"', 'a', (byte) b, '"'};
      assertThat(JsonScanner.scan(document)).as("byte %d", b).isNull();
    }
  }

  @Test
  void deepNesting_isLeftToJackson() {
    String deepest = "[".repeat(JsonScanner.MAX_DEPTH) + "]".repeat(JsonScanner.MAX_DEPTH);
    String deeper = "[" + deepest + "]";
    String deeperObject = "{\"a\":".repeat(JsonScanner.MAX_DEPTH + 1) + "1"
        + "}".repeat(JsonScanner.MAX_DEPTH + 1);

    assertThat(scan(deepest)).isNotNull();
    assertThat(scan(deeper)).isNull();
    assertThat(scan(deeperObject)).isNull();
  }

  @Test
  void longNumbers_areLeftToJackson() {
    String longest = "-" + "1".repeat(JsonScanner.MAX_NUMBER_LENGTH - 3) + ".5";

    assertThat(scan("[" + longest + "]")).isNotNull();
    assertThat(scan("[" + longest + "0]")).isNull();
  }

  @Test
  void largeDocuments_areLeftToJackson() {
    String filler = "x".repeat(JsonScanner.MAX_LENGTH - 2);

    assertThat(scan("\"" + filler + "\"")).isNotNull();
    assertThat(scan("\"" + filler + "x\"")).isNull();
    assertThatCode(() -> Json.parse(("\"" + filler + "x\"").getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }

  @Test
  void parse_givesJacksonsErrorsForWhatTheScannerDeclines() {
    assertThatCode(() -> Json.parse("[01]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatCode(() -> Json.parse("{} {}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatCode(() -> Json.parse("[\"caf\u00e9\"]".getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }

  @Test
  void randomEdits_neverMakeTheScannerDisagree() {
    Random random = new Random(11);
    List<byte[]> bases = new ArrayList<>();
    for (String body : SDK_BODIES) {
      bases.add(body.getBytes(StandardCharsets.UTF_8));
    }
    for (String document : generated(new Random(13), 200)) {
      bases.add(document.getBytes(StandardCharsets.US_ASCII));
    }
    int rounds = 200_000;
    int read = 0;
    for (int round = 0; round < rounds; round++) {
      byte[] document = bases.get(random.nextInt(bases.size())).clone();
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        document = RandomEdits.edit(document, random,
            () -> random.nextInt(20) == 0 ? ODD_BYTES[random.nextInt(ODD_BYTES.length)]
                : EDIT_ALPHABET[random.nextInt(EDIT_ALPHABET.length)]);
      }
      if (assertAgreesWithJackson(document) != null) {
        read++;
      }
    }
    // Edits inside strings and whitespace keep many documents readable: the property was
    // checked on real acceptances, not only on refusals.
    assertThat(read).isGreaterThan(rounds / 10);
  }

  private static List<String> generated(Random random, int count) {
    List<String> documents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder out = new StringBuilder();
      space(out, random);
      value(out, random, 0);
      space(out, random);
      documents.add(out.toString());
    }
    return documents;
  }

  private static void value(StringBuilder out, Random random, int depth) {
    int kind = depth < 5 ? random.nextInt(8) : 2 + random.nextInt(6);
    switch (kind) {
      case 0 -> container(out, random, depth, '{', '}');
      case 1 -> container(out, random, depth, '[', ']');
      case 2, 3 -> string(out, random, true);
      case 4 -> number(out, random);
      case 5 -> out.append("true");
      case 6 -> out.append("false");
      default -> out.append("null");
    }
  }

  private static void container(
      StringBuilder out, Random random, int depth, char open, char close) {
    out.append(open);
    space(out, random);
    int size = random.nextInt(5);
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        out.append(',');
        space(out, random);
      }
      if (open == '{') {
        name(out, random);
        space(out, random);
        out.append(':');
        space(out, random);
      }
      value(out, random, depth + 1);
      space(out, random);
    }
    out.append(close);
  }

  /** Names often from a small set, so that objects repeat one; no surrogates (Jackson's). */
  private static void name(StringBuilder out, Random random) {
    List<String> names = List.of("\"a\"", "\"b\"", "\"#n\"", "\":v\"", "\"\"", "\"\\u0061\"",
        "\"S\"", "\"M\"");
    if (random.nextInt(4) == 0) {
      string(out, random, false);
    } else {
      out.append(names.get(random.nextInt(names.size())));
    }
  }

  private static void string(StringBuilder out, Random random, boolean surrogates) {
    List<String> escapes = List.of("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
        "\\u0000", "\\u00e9", "\\u00E9", "\\uFFFF", "\\u001f", "\\uD83D\\uDE00",
        "\\ud83d\\ude00", "\\uDC00");
    int choices = surrogates ? escapes.size() : escapes.size() - 3;
    out.append('"');
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      if (random.nextInt(4) == 0) {
        out.append(escapes.get(random.nextInt(choices)));
      } else {
        char c = (char) (0x20 + random.nextInt(0x60));
        out.append(c == '"' || c == '\\' ? 'q' : c);
      }
    }
    out.append('"');
  }

  private static void number(StringBuilder out, Random random) {
    if (random.nextBoolean()) {
      out.append('-');
    }
    if (random.nextInt(3) == 0) {
      out.append('0');
    } else {
      out.append(1 + random.nextInt(9));
      digits(out, random, random.nextInt(25));
    }
    if (random.nextBoolean()) {
      out.append('.');
      digits(out, random, 1 + random.nextInt(10));
    }
    if (random.nextInt(3) == 0) {
      out.append(random.nextBoolean() ? 'e' : 'E');
      out.append(List.of("", "+", "-").get(random.nextInt(3)));
      digits(out, random, 1 + random.nextInt(4));
    }
  }

  private static void digits(StringBuilder out, Random random, int count) {
    for (int i = 0; i < count; i++) {
      out.append(random.nextInt(10));
    }
  }

  private static void space(StringBuilder out, Random random) {
    List<String> spaces = List.of("", "", "", " ", "\n", "\t", "\r\n  ");
    out.append(spaces.get(random.nextInt(spaces.size())));
  }
}
