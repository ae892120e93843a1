package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.JsonStrings;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.testing.FuzzTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the DynamoDB JSON protocol end to end below HTTP: the JSON reader, the AttributeValue
 * decoder, the expression tokenizer, parser and binder, the legacy Expected compiler and the
 * 2011-12-05 codec. Invariants: no 500, bounded time, and a refused request changes nothing;
 * and whatever the JSON scanner reads, Jackson reads the same way.
 * {@code mvn verify} replays the committed inputs; {@code -Pfuzz} searches for new ones.
 */
class DynamoDbJsonFuzzTest {
  private static final List<String> TARGETS = List.of(
      "DynamoDB_20120810.PutItem", "DynamoDB_20120810.DeleteItem", "DynamoDB_20120810.GetItem",
      "DynamoDB_20120810.Scan", "DynamoDB_20120810.BatchWriteItem",
      "DynamoDB_20120810.TransactWriteItems", "DynamoDB_20120810.CreateTable",
      "DynamoDB_20120810.DeleteTable", "DynamoDB_20120810.DescribeTable",
      "DynamoDB_20111205.PutItem", "DynamoDB_20111205.DeleteItem", "DynamoDB_20111205.GetItem",
      "DynamoDB_20111205.Scan", "DynamoDB_20111205.CreateTable", "DynamoDB_20120810.Nope",
      "DynamoDB_20111205.BatchWriteItem", "DynamoDB_20111205.UpdateTable");
  /** PartiQL parameters, the first n of which a statement gets. */
  private static final List<String> PARAMETERS = List.of(
      "{\"S\":\"a\"}", "{\"N\":\"1\"}", "{\"L\":[{\"S\":\"x\"},{\"SS\":[\"y\"]}]}");

  private static DynamoDbState seeded() {
    DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable("tab", KeySchema.of(KeyAttribute.s("id")));
    state.createTable("rrr", KeySchema.of(KeyAttribute.s("pk"), KeyAttribute.n("sk")));
    state.putItem("tab", Item.of(Map.of("id", new AttributeValue.S("a"),
        "n", new AttributeValue.N(new java.math.BigDecimal("1")),
        "l", new AttributeValue.L(List.of(new AttributeValue.S("x"))),
        "m", new AttributeValue.M(Map.of("k", new AttributeValue.Bool(true))))));
    state.putItem("rrr", Item.of(Map.of("pk", new AttributeValue.S("p"),
        "sk", new AttributeValue.N(java.math.BigDecimal.ONE))));
    seedProvisioned(state);
    return state;
  }

  /**
   * Table {@code prv}, hash {@code id} (S), provisioned at 5 reads and 5 writes, with one item:
   * a table whose throughput UpdateTable can change.
   */
  static void seedProvisioned(DynamoDbState state) {
    state.createTable(new TableDefinition("prv", KeySchema.of(KeyAttribute.s("id")),
        Map.of("id", AttributeType.S), TableDefinition.BillingMode.PROVISIONED, 5, 5,
        List.of(), List.of(), false));
    state.putItem("prv", Item.of(Map.of("id", new AttributeValue.S("a"))));
  }

  /**
   * Every table's description (its definition with the throughput and billing mode, its id,
   * counts and dates), the dates of its last throughput increase and decrease, and its items.
   */
  private static String snapshot(DynamoDbState state, TableAttachments attachments) {
    StringBuilder out = new StringBuilder();
    for (String table : state.tableNames()) {
      TableDescription description = state.describeTable(table);
      out.append(table).append(description)
          .append(ThroughputChangeDates.of(attachments, description))
          .append(state.items(table));
    }
    return out.toString();
  }

  static void check(DynamoDbState state, String target, byte[] body) {
    TableAttachments attachments = new TableAttachments(Clock.systemUTC());
    DynamoDbJsonProtocol protocol = new DynamoDbJsonProtocol(state, attachments);
    String before = snapshot(state, attachments);

    JsonResponse response = FuzzTime.bounded(() -> protocol.handle(target, body));

    assertThat(response.status())
        .as("%s %s -> %s", target, new String(body, StandardCharsets.UTF_8),
            new String(response.body(), StandardCharsets.UTF_8))
        .isIn(200, 400, 413);
    if (response.status() != 200) {
      assertThat(snapshot(state, attachments)).as("state after a refused request")
          .isEqualTo(before);
    }
  }

  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "dynamodb-json.dict")
  @DictionaryFile(resourcePath = "dynamodb-2011.dict")
  void anyBody(FuzzedDataProvider data) {
    String target = data.pickValue(TARGETS);
    check(seeded(), target, data.consumeRemainingAsBytes());
  }

  /** A well-formed DeleteItem whose condition, names and values are the fuzzer's. */
  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "/dev/tombstone/internal/dynamodb/expression/expressions.dict")
  void deleteItemCondition(FuzzedDataProvider data) {
    String condition = data.consumeString(200);
    String name = data.consumeString(20);
    String value = data.consumeString(60);
    String body = "{\"TableName\":\"tab\",\"Key\":{\"id\":{\"S\":\"a\"}},"
        + "\"ConditionExpression\":" + quote(condition) + ","
        + "\"ExpressionAttributeNames\":{\"#n\":" + quote(name) + "},"
        + "\"ExpressionAttributeValues\":{\":v\":{\"S\":" + quote(value) + "},"
        + "\":w\":{\"N\":\"1\"},\":l\":{\"L\":[{\"S\":\"x\"}]}},"
        + "\"ReturnValues\":\"ALL_OLD\"}";
    check(seeded(), "DynamoDB_20120810.DeleteItem", body.getBytes(StandardCharsets.UTF_8));
  }

  /** A well-formed PutItem whose item is any JSON the fuzzer makes, under a fixed key. */
  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "dynamodb-json.dict")
  void putItemValues(FuzzedDataProvider data) {
    String value = data.consumeRemainingAsString();
    String body = "{\"TableName\":\"tab\",\"Item\":{\"id\":{\"S\":\"b\"},\"v\":" + value + "}}";
    check(seeded(), "DynamoDB_20120810.PutItem", body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A PartiQL statement the fuzzer writes, with zero to three parameters, sent as an
   * ExecuteStatement, as one statement of a BatchExecuteStatement or of an ExecuteTransaction:
   * the lexer, parser, planner and value binder.
   */
  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "partiql.dict")
  void partiqlStatement(FuzzedDataProvider data) {
    int form = data.consumeInt(0, 2);
    List<String> parameters = PARAMETERS.subList(0, data.consumeInt(0, PARAMETERS.size()));
    String text = data.consumeRemainingAsString();
    String statement = "{\"Statement\":" + quote(text)
        + (parameters.isEmpty() ? "" : ",\"Parameters\":[" + String.join(",", parameters) + "]")
        + "}";
    String body = switch (form) {
      case 0 -> statement;
      case 1 -> "{\"Statements\":[" + statement + "]}";
      default -> "{\"TransactStatements\":[" + statement + "]}";
    };
    String target = switch (form) {
      case 0 -> "DynamoDB_20120810.ExecuteStatement";
      case 1 -> "DynamoDB_20120810.BatchExecuteStatement";
      default -> "DynamoDB_20120810.ExecuteTransaction";
    };
    check(seeded(), target, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Any bytes: whatever {@link JsonScanner} reads, Jackson reads to the same tree. */
  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "dynamodb-json.dict")
  void scannerAgreesWithJackson(FuzzedDataProvider data) {
    JsonScannerTest.assertAgreesWithJackson(data.consumeRemainingAsBytes());
  }

  static String quote(String text) {
    return JsonStrings.escape(text, new StringBuilder("\"")).append('"').toString();
  }
}
