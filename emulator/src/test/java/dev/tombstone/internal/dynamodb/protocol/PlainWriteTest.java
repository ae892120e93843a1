package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.RandomEdits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plain write reader builds, for every PutItem and DeleteItem document it reads, the very
 * request the JSON tree path builds from the same bytes; it may decline a document, never read
 * one differently.
 */
class PlainWriteTest {
  private static final List<String> OPTIONS = List.of("ConditionExpression",
      "ConditionalOperator", "ReturnValues", "ReturnConsumedCapacity",
      "ReturnItemCollectionMetrics", "ReturnValuesOnConditionCheckFailure");
  private static final List<String> VALUES = List.of("", "t", "users", "ALL_OLD", "NONE",
      "TOTAL", "INDEXES", "SIZE", "AND", "OR", "attribute_exists(pk)", "#a = :b", "bad name!",
      "a".repeat(300), "arn:aws:dynamodb:us-east-1:000000000000:table/users", " spaced ");
  private static final List<String> NUMBERS = List.of("0", "-0", "1", "42", "1.50", "-1e3",
      "1E-130", "9.9999999999999999999999999999999999999E+125", "01", "1e200", "abc", "", " 1",
      "1.", ".5", "+1", "NaN");
  private static final byte[] EDIT_ALPHABET =
      "{}[]:,\"\\ \t\nSNBKeyItem0123456789-.+eEntrufl".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ODD_BYTES = {0x00, 0x1f, 0x7f, (byte) 0x80, (byte) 0xc3, '\''};

  private final DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());
  private final DeleteItemOperation deleteItem =
      new DeleteItemOperation(state, new ConditionSupport());
  private final PutItemOperation putItem = new PutItemOperation(state, new ConditionSupport());

  /** The plain reader's request of either operation, or null; fails when the tree differs. */
  private boolean assertSameRequest(byte[] body) {
    boolean delete = assertSameDelete(body);
    boolean put = assertSamePut(body);
    return delete || put;
  }

  private boolean assertSameDelete(byte[] body) {
    PlainWrite.Document plain = PlainWrite.read(body, "Key");
    if (plain == null) {
      return false;
    }
    DeleteItemOperation.Wire expected = deleteItem.decode(tree(body));
    DeleteItemOperation.Wire actual = DeleteItemOperation.wire(plain);
    assertThat(actual).as(text(body)).isEqualTo(expected);
    assertSameOrder(body, actual.key(), expected.key());
    return true;
  }

  private boolean assertSamePut(byte[] body) {
    PlainWrite.Document plain = PlainWrite.read(body, "Item");
    if (plain == null) {
      return false;
    }
    PutItemOperation.Wire expected = putItem.decode(tree(body));
    PutItemOperation.Wire actual = PutItemOperation.wire(plain);
    assertThat(actual).as(text(body)).isEqualTo(expected);
    assertSameOrder(body, actual.item(), expected.item());
    return true;
  }

  /** Equal maps may differ in order; the values' order is the document's in both. */
  private static void assertSameOrder(byte[] body, Decoded actual, Decoded expected) {
    assertThat(new ArrayList<>(actual.values().entrySet())).as(text(body))
        .isEqualTo(new ArrayList<>(expected.values().entrySet()));
  }

  private static Json.Obj tree(byte[] body) {
    Json tree;
    try {
      tree = Json.parse(body);
    } catch (IOException e) {
      throw new AssertionError("read a document the parser refuses: " + text(body), e);
    }
    assertThat(tree).as(text(body)).isInstanceOf(Json.Obj.class);
    return (Json.Obj) tree;
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsWhatSdksSend() {
    for (String body : List.of(
        "{\"TableName\":\"users\",\"Key\":{\"pk\":{\"S\":\"missing-1-2-3\"}}}",
        "{\"TableName\":\"users\",\"Key\":{\"pk\":{\"S\":\"k-1\"}},"
            + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ReturnValues\":\"ALL_OLD\"}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"s\"}},"
            + "\"ReturnConsumedCapacity\":\"TOTAL\",\"ReturnItemCollectionMetrics\":\"SIZE\","
            + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}",
        " {\n \"Key\" : { \"id\" : { \"S\" : \"\" } } ,\r\n\t\"TableName\" : \"x\" } ",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"-1.5E+3\"}}}")) {
      assertThat(assertSameDelete(bytes(body))).as(body).isTrue();
    }
    for (String body : List.of(
        "{\"TableName\":\"users\",\"Item\":{\"pk\":{\"S\":\"k-1\"},\"v\":{\"S\":\"vvvv\"},"
            + "\"n\":{\"N\":\"42\"}}}",
        "{\"TableName\":\"users\",\"Item\":{\"pk\":{\"S\":\"a\"}},"
            + "\"ConditionExpression\":\"attribute_not_exists(pk)\",\"ReturnValues\":\"ALL_OLD\","
            + "\"ReturnConsumedCapacity\":\"TOTAL\"}")) {
      assertThat(assertSamePut(bytes(body))).as(body).isTrue();
    }
  }

  @Test
  void declinesEveryOtherShape() {
    for (String body : List.of(
        // Other members, other value types, nulls, escapes, non-ASCII, repeats, missing parts.
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ExpressionAttributeNames\":{}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"B\":\"AA==\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"N\":\"abc\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"N\":1}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"BOOL\":true}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":null}}}",
        "{\"TableName\":null,\"Key\":{\"pk\":{\"S\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\\\"b\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"é\"}}}",
        "{\"TableName\":\"t\",\"TableName\":\"u\",\"Key\":{\"pk\":{\"S\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"},\"pk\":{\"S\":\"b\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"Key\":{\"pk\":{\"S\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Key\":{}}",
        "{\"TableName\":\"t\"}",
        "{\"Key\":{\"pk\":{\"S\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"}}",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"}}} x",
        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"}},}",
        "{\"TableName\":\"t\",\"Key\":[]}",
        "{\"TableName\":1,\"Key\":{\"pk\":{\"S\":\"a\"}}}",
        "[]", "", "{}")) {
      assertThat(PlainWrite.read(bytes(body), "Key")).as(body).isNull();
    }
  }

  @Test
  void generatedDocuments_andTheirRandomEdits_readAsTheTreeReadsThem() {
    Random random = new Random(17);
    List<byte[]> documents = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      documents.add(bytes(generated(random)));
    }
    int read = 0;
    for (byte[] document : documents) {
      if (assertSameRequest(document)) {
        read++;
      }
    }
    int edited = 0;
    for (int round = 0; round < 100_000; round++) {
      byte[] document = documents.get(random.nextInt(documents.size())).clone();
      for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
        document = RandomEdits.edit(document, random,
            () -> random.nextInt(20) == 0 ? ODD_BYTES[random.nextInt(ODD_BYTES.length)]
                : EDIT_ALPHABET[random.nextInt(EDIT_ALPHABET.length)]);
      }
      if (assertSameRequest(document)) {
        edited++;
      }
    }
    // Only a bad number declines a generated document; edits inside strings and whitespace
    // keep many documents readable. The property was checked on real acceptances.
    assertThat(read).isGreaterThan(350);
    assertThat(edited).isGreaterThan(10_000);
  }

  /**
   * TableName, a Key or an Item of one to three string or number values (some numbers bad) and
   * some options, in a random order.
   */
  private static String generated(Random random) {
    List<String> members = new ArrayList<>();
    members.add(member("TableName", quoted(pick(VALUES, random)), random));
    StringBuilder values = new StringBuilder("{");
    int names = 1 + random.nextInt(3);
    for (int i = 0; i < names; i++) {
      boolean number = random.nextInt(3) == 0;
      values.append(i == 0 ? "" : ",").append(space(random)).append("\"k").append(i).append('"')
          .append(space(random)).append(':').append(space(random))
          .append(number ? "{\"N\":" : "{\"S\":").append(space(random))
          .append(quoted(pick(number ? NUMBERS : VALUES, random))).append('}')
          .append(space(random));
    }
    members.add(member(random.nextBoolean() ? "Key" : "Item", values.append('}').toString(),
        random));
    List<String> options = new ArrayList<>(OPTIONS);
    Collections.shuffle(options, random);
    for (String option : options.subList(0, random.nextInt(OPTIONS.size() + 1))) {
      members.add(member(option, quoted(pick(VALUES, random)), random));
    }
    Collections.shuffle(members, random);
    return space(random) + "{" + String.join(",", members) + "}" + space(random);
  }

  private static String member(String name, String value, Random random) {
    return space(random) + "\"" + name + "\"" + space(random) + ":" + space(random) + value
        + space(random);
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static String space(Random random) {
    return List.of("", "", "", " ", "\n  ", "\t", "\r\n").get(random.nextInt(7));
  }

  private static String pick(List<String> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }
}
