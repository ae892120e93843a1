package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.ConsumedCapacity;
import dev.tombstone.dynamodb.Item;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  /** Default settings, as the generator this writer replaces was made. */
  private static final JsonFactory JACKSON = new JsonFactory();

  @Test
  void writesTheBytesJacksonWritesForRandomDocuments() {
    Random random = new Random(20240611);
    for (int n = 0; n < 4000; n++) {
      List<Call> calls = new ArrayList<>();
      int roots = random.nextInt(20) == 0 ? 2 + random.nextInt(2) : 1;
      for (int i = 0; i < roots; i++) {
        if (random.nextInt(4) == 0) {
          value(random, calls, 0);
        } else {
          object(random, calls, 0);
        }
      }
      byte[] jackson = jackson(calls);
      int index = n;
      assertThat(ours(calls))
          .as(() -> "document " + index + ", calls " + calls + "\nJackson wrote: "
              + new String(jackson, StandardCharsets.UTF_8))
          .isEqualTo(jackson);
    }
  }

  @Test
  void deleteItemAnswerWithAttributesAndConsumedCapacity() {
    Item old = Item.builder()
        .put("Id", new AttributeValue.S("thread \"7\"\n"))
        .put("Price", AttributeValue.n("1.50"))
        .put("Open", AttributeValue.Bool.TRUE)
        .put("Tags", AttributeValue.ss("a/b", "caf\u00e9"))
        .put("Replies", AttributeValue.l(AttributeValue.Null.INSTANCE, AttributeValue.n("-10")))
        .build();
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.item("Attributes", old);
    ConsumedCapacity capacity = new ConsumedCapacity("Thread", 1, 1, Map.of(), Map.of());
    out.consumedCapacity("ConsumedCapacity", capacity, "TOTAL");
    out.json().writeEndObject();

    assertThat(new String(out.finish(), StandardCharsets.UTF_8)).isEqualTo("{\"Attributes\":{"
        + "\"Id\":{\"S\":\"thread \\\"7\\\"\\n\"},"
        + "\"Price\":{\"N\":\"1.5\"},"
        + "\"Open\":{\"BOOL\":true},"
        + "\"Tags\":{\"SS\":[\"a/b\",\"caf\u00e9\"]},"
        + "\"Replies\":{\"L\":[{\"NULL\":true},{\"N\":\"-10\"}]}},"
        + "\"ConsumedCapacity\":{\"CapacityUnits\":1.0,\"TableName\":\"Thread\"}}");
  }

  @Test
  void consumedCapacityByIndex() {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.consumedCapacity("ConsumedCapacity",
        new ConsumedCapacity("T", 2.5, 2, Map.of("byDate", 0.5), Map.of()), "INDEXES");
    out.json().writeEndObject();

    assertThat(new String(out.finish(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"ConsumedCapacity\":{\"CapacityUnits\":2.5,\"TableName\":\"T\","
            + "\"Table\":{\"CapacityUnits\":2.0},"
            + "\"GlobalSecondaryIndexes\":{\"byDate\":{\"CapacityUnits\":0.5}}}}");
  }

  @Test
  void escapesQuotesBackslashesAndControlCharactersButNotSlashes() {
    List<Call> calls = List.of(new Call("writeStartArray", null, null),
        new Call("writeString", null, "\"\\/\b\t\n\f\r\u0000\u001f\u007f"),
        new Call("writeEndArray", null, null));

    String expected = "[\"\\\"\\\\/\\b\\t\\n\\f\\r\\u0000\\u001F\u007f\"]";
    assertThat(new String(ours(calls), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(new String(jackson(calls), StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void everyControlCharacterIsEscapedAsJacksonDoes() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    List<Call> calls = List.of(new Call("writeStartObject", null, null),
        new Call("writeStringField", controls.toString(), controls.toString()),
        new Call("writeEndObject", null, null));

    String text = new String(ours(calls), StandardCharsets.UTF_8);
    assertThat(text).startsWith("{\"\\u0000\\u0001").contains("\\u0007\\b\\t\\n\\u000B\\f\\r");
    assertThat(ours(calls)).isEqualTo(jackson(calls));
  }

  @Test
  void writesNonAsciiAsUtf8AndSurrogatesAsEscapes() {
    List<Call> calls = List.of(new Call("writeStartArray", null, null),
        new Call("writeString", null, "\u00e9\u4e2d\ud83d\ude00"),
        new Call("writeEndArray", null, null));

    assertThat(new String(ours(calls), StandardCharsets.UTF_8))
        .isEqualTo("[\"\u00e9\u4e2d\\uD83D\\uDE00\"]");
    assertThat(ours(calls)).isEqualTo(jackson(calls));
  }

  @Test
  void anUnpairedSurrogateInAStringIsEscapedAsJacksonDoes() {
    List<Call> calls = List.of(new Call("writeStartObject", null, null),
        new Call("writeStringField", "a\udc00", "b\ud800"),
        new Call("writeEndObject", null, null));

    assertThat(new String(ours(calls), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\\uDC00\":\"b\\uD800\"}");
    assertThat(ours(calls)).isEqualTo(jackson(calls));
  }

  /** The deliberate difference: raw number text with an unpaired surrogate. */
  @Test
  void anUnpairedSurrogateInRawNumberTextIsWrittenAsUtf8DoesWhereJacksonThrows() {
    List<Call> calls = List.of(new Call("writeStartArray", null, null),
        new Call("writeNumber", null, "1\ud800"),
        new Call("writeEndArray", null, null));

    assertThat(new String(ours(calls), StandardCharsets.UTF_8)).isEqualTo("[1?]");
    assertThatThrownBy(() -> jackson(calls)).hasCauseInstanceOf(JsonGenerationException.class);
  }

  @Test
  void numbersNaNAndNulls() {
    List<Call> calls = List.of(new Call("writeStartObject", null, null),
        new Call("writeNumberField", "i", Integer.MIN_VALUE),
        new Call("writeNumberField", "l", Long.MIN_VALUE),
        new Call("writeNumberField", "d", 1e21),
        new Call("writeNumberField", "nan", Double.NaN),
        new Call("writeNumberField", "big", new BigDecimal("1E+3")),
        new Call("writeNumberField", "none", null),
        new Call("writeStringField", "s", null),
        new Call("writeFieldName", "raw", null),
        new Call("writeNumber", null, "12.50"),
        new Call("writeNullField", "z", null),
        new Call("writeEndObject", null, null));

    assertThat(new String(ours(calls), StandardCharsets.UTF_8)).isEqualTo(
        "{\"i\":-2147483648,\"l\":-9223372036854775808,\"d\":1.0E21,\"nan\":\"NaN\","
            + "\"big\":1E+3,\"none\":null,\"s\":null,\"raw\":12.50,\"z\":null}");
    assertThat(ours(calls)).isEqualTo(jackson(calls));
  }

  @Test
  void closesWhatIsStillOpenAsJacksonsCloseDoes() {
    List<Call> calls = List.of(new Call("writeStartObject", null, null),
        new Call("writeArrayFieldStart", "a", null),
        new Call("writeStartObject", null, null));

    assertThat(new String(ours(calls), StandardCharsets.UTF_8)).isEqualTo("{\"a\":[{}]}");
    assertThat(ours(calls)).isEqualTo(jackson(calls));
  }

  @Test
  void refusesAnEndThatDoesNotMatchWhatIsOpen() {
    JsonWriter json = new JsonWriter();
    json.writeStartObject();
    assertThatThrownBy(json::writeEndArray).isInstanceOf(IllegalStateException.class);
    json.writeEndObject();
    assertThatThrownBy(json::writeEndObject).isInstanceOf(IllegalStateException.class);
    assertThat(json.toByteArray()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void separatesRootValuesWithASpaceAsJacksonDoes() {
    List<Call> calls = List.of(new Call("writeStartObject", null, null),
        new Call("writeEndObject", null, null),
        new Call("writeBoolean", null, true),
        new Call("writeString", null, "x"));

    assertThat(new String(ours(calls), StandardCharsets.UTF_8)).isEqualTo("{} true \"x\"");
    assertThat(ours(calls)).isEqualTo(jackson(calls));
  }

  @Test
  void aFinishedWriterIsTheNextOneItsThreadTakesAndStartsEmpty() {
    JsonWriter first = JsonWriter.take();
    first.writeStartObject();
    first.writeArrayFieldStart("open");
    first.writeString("left open");
    assertThat(first.toByteArray()).asString(StandardCharsets.UTF_8)
        .isEqualTo("{\"open\":[\"left open\"]}");

    JsonWriter second = JsonWriter.take();
    assertThat(second).isSameAs(first);
    second.writeString("x");
    assertThat(second.toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("\"x\"");
  }

  @Test
  void aWriterInUseIsNotTakenTwice() {
    JsonWriter outer = JsonWriter.take();
    outer.writeStartObject();
    JsonWriter inner = JsonWriter.take();
    inner.writeStartArray();

    assertThat(inner).isNotSameAs(outer);
    assertThat(inner.toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("[]");
    assertThat(outer.toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("{}");
  }

  @Test
  void aWriterGrownByALargeAnswerIsNotKept() {
    JsonWriter large = JsonWriter.take();
    large.writeString("x".repeat(20_000));
    assertThat(large.toByteArray()).hasSize(20_002);

    assertThat(JsonWriter.take()).isNotSameAs(large);
  }

  // ---- random documents ----

  private static void object(Random random, List<Call> calls, int depth) {
    calls.add(new Call("writeStartObject", null, null));
    members(random, calls, depth + 1);
    calls.add(new Call("writeEndObject", null, null));
  }

  private static void members(Random random, List<Call> calls, int depth) {
    int count = random.nextInt(depth < 4 ? 6 : 2);
    for (int i = 0; i < count; i++) {
      String name = string(random, true);
      switch (random.nextInt(depth < 4 ? 11 : 9)) {
        case 0 -> {
          calls.add(new Call("writeFieldName", name, null));
          value(random, calls, depth);
        }
        case 1 -> calls.add(new Call("writeStringField", name,
            nullOr(random, string(random, true))));
        case 2 -> calls.add(new Call("writeNumberField", name, anInt(random)));
        case 3 -> calls.add(new Call("writeNumberField", name, aLong(random)));
        case 4 -> calls.add(new Call("writeNumberField", name, aDouble(random)));
        case 5 -> calls.add(new Call("writeNumberField", name, nullOr(random, decimal(random))));
        case 6 -> calls.add(new Call("writeBooleanField", name, random.nextBoolean()));
        case 7 -> calls.add(new Call("writeNullField", name, null));
        case 8 -> {
          calls.add(new Call("writeFieldName", name, null));
          calls.add(new Call("writeNumber", null, numberText(random)));
        }
        case 9 -> {
          calls.add(new Call("writeArrayFieldStart", name, null));
          elements(random, calls, depth + 1);
          calls.add(new Call("writeEndArray", null, null));
        }
        default -> {
          calls.add(new Call("writeObjectFieldStart", name, null));
          members(random, calls, depth + 1);
          calls.add(new Call("writeEndObject", null, null));
        }
      }
    }
  }

  private static void elements(Random random, List<Call> calls, int depth) {
    int count = random.nextInt(depth < 4 ? 6 : 2);
    for (int i = 0; i < count; i++) {
      value(random, calls, depth);
    }
  }

  private static void value(Random random, List<Call> calls, int depth) {
    switch (random.nextInt(depth < 4 ? 6 : 4)) {
      case 0 -> calls.add(new Call("writeString", null, nullOr(random, string(random, true))));
      case 1 -> calls.add(new Call("writeBoolean", null, random.nextBoolean()));
      case 2 -> calls.add(new Call("writeNumber", null, nullOr(random, numberText(random))));
      case 3 -> calls.add(new Call("writeString", null, ""));
      case 4 -> object(random, calls, depth);
      default -> {
        calls.add(new Call("writeStartArray", null, null));
        elements(random, calls, depth + 1);
        calls.add(new Call("writeEndArray", null, null));
      }
    }
  }

  /** Mostly short strings, some long enough to make both writers grow or flush their buffers. */
  private static String string(Random random, boolean unpairedSurrogates) {
    int length = switch (random.nextInt(40)) {
      case 0 -> 0;
      case 1 -> 1000 + random.nextInt(9000);
      default -> random.nextInt(12);
    };
    StringBuilder s = new StringBuilder();
    while (s.length() < length) {
      switch (random.nextInt(unpairedSurrogates ? 9 : 8)) {
        case 0 -> s.append((char) random.nextInt(0x20));
        case 1 -> s.append("\"\\/".charAt(random.nextInt(3)));
        case 2 -> s.append((char) (0x7f + random.nextInt(0x800 - 0x7f)));
        case 3 -> s.append((char) (0x800 + random.nextInt(0xd800 - 0x800)));
        case 4 -> s.append((char) (0xe000 + random.nextInt(0x10000 - 0xe000)));
        case 5 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 8 -> s.append((char) (0xd800 + random.nextInt(0x800)));
        default -> s.append((char) (0x20 + random.nextInt(0x7f - 0x20)));
      }
    }
    return s.toString();
  }

  private static int anInt(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Integer.MIN_VALUE;
      case 1 -> Integer.MAX_VALUE;
      case 2 -> random.nextInt(21) - 10;
      default -> random.nextInt();
    };
  }

  private static long aLong(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Long.MIN_VALUE;
      case 1 -> Long.MAX_VALUE;
      case 2 -> random.nextInt(21) - 10;
      default -> random.nextLong() >> random.nextInt(64);
    };
  }

  private static final double[] DOUBLES = {0.1, 1e21, 1e-7, -0.0, 0.0, 1.0, 100.0, 1e7, 1e-3,
      1e23, 0.5, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY};

  private static double aDouble(Random random) {
    return switch (random.nextInt(5)) {
      case 0, 1 -> DOUBLES[random.nextInt(DOUBLES.length)];
      case 2 -> random.nextInt(2001) - 1000;
      case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(50) - 25);
      default -> Double.longBitsToDouble(random.nextLong());
    };
  }

  private static BigDecimal decimal(Random random) {
    BigInteger unscaled = new BigInteger(random.nextInt(130), random);
    BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(),
        random.nextInt(61) - 30);
    return random.nextInt(4) == 0 ? value.stripTrailingZeros() : value;
  }

  /** Text for {@code writeNumber(String)}: mostly what the emulator writes, sometimes anything. */
  private static String numberText(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> decimal(random).toPlainString();
      case 1 -> decimal(random).stripTrailingZeros().toPlainString();
      case 2 -> decimal(random).toString();
      default -> string(random, false);
    };
  }

  private static <T> T nullOr(Random random, T value) {
    return random.nextInt(30) == 0 ? null : value;
  }

  // ---- the two writers ----

  /** One call, made on both writers; {@code name} is the field name, if the method takes one. */
  private record Call(String method, String name, Object value) {
    @Override
    public String toString() {
      return method + (name == null ? "" : "(" + name) + (value == null ? "" : ", " + value)
          + (name == null ? "" : ")");
    }
  }

  // Taken as the protocol takes it: the random documents run one after another on one thread's
  // spare writer, so each starts where the previous one left that writer.
  private static byte[] ours(List<Call> calls) {
    JsonWriter json = JsonWriter.take();
    for (Call call : calls) {
      String name = call.name();
      Object value = call.value();
      switch (call.method()) {
        case "writeStartObject" -> json.writeStartObject();
        case "writeEndObject" -> json.writeEndObject();
        case "writeStartArray" -> json.writeStartArray();
        case "writeEndArray" -> json.writeEndArray();
        case "writeFieldName" -> json.writeFieldName(name);
        case "writeString" -> json.writeString((String) value);
        case "writeBoolean" -> json.writeBoolean((Boolean) value);
        case "writeNumber" -> json.writeNumber((String) value);
        case "writeStringField" -> json.writeStringField(name, (String) value);
        case "writeNumberField" -> {
          if (value instanceof Integer i) {
            json.writeNumberField(name, i.intValue());
          } else if (value instanceof Long l) {
            json.writeNumberField(name, l.longValue());
          } else if (value instanceof Double d) {
            json.writeNumberField(name, d.doubleValue());
          } else {
            json.writeNumberField(name, (BigDecimal) value);
          }
        }
        case "writeBooleanField" -> json.writeBooleanField(name, (Boolean) value);
        case "writeNullField" -> json.writeNullField(name);
        case "writeArrayFieldStart" -> json.writeArrayFieldStart(name);
        case "writeObjectFieldStart" -> json.writeObjectFieldStart(name);
        default -> throw new IllegalArgumentException(call.method());
      }
    }
    return json.toByteArray();
  }

  private static byte[] jackson(List<Call> calls) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JACKSON.createGenerator(bytes)) {
      for (Call call : calls) {
        String name = call.name();
        Object value = call.value();
        switch (call.method()) {
          case "writeStartObject" -> json.writeStartObject();
          case "writeEndObject" -> json.writeEndObject();
          case "writeStartArray" -> json.writeStartArray();
          case "writeEndArray" -> json.writeEndArray();
          case "writeFieldName" -> json.writeFieldName(name);
          case "writeString" -> json.writeString((String) value);
          case "writeBoolean" -> json.writeBoolean((Boolean) value);
          case "writeNumber" -> json.writeNumber((String) value);
          case "writeStringField" -> json.writeStringField(name, (String) value);
          case "writeNumberField" -> {
            if (value instanceof Integer i) {
              json.writeNumberField(name, i.intValue());
            } else if (value instanceof Long l) {
              json.writeNumberField(name, l.longValue());
            } else if (value instanceof Double d) {
              json.writeNumberField(name, d.doubleValue());
            } else {
              json.writeNumberField(name, (BigDecimal) value);
            }
          }
          case "writeBooleanField" -> json.writeBooleanField(name, (Boolean) value);
          case "writeNullField" -> json.writeNullField(name);
          case "writeArrayFieldStart" -> json.writeArrayFieldStart(name);
          case "writeObjectFieldStart" -> json.writeObjectFieldStart(name);
          default -> throw new IllegalArgumentException(call.method());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
