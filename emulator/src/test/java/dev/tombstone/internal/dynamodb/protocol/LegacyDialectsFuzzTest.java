package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.internal.dynamodb.DynamoDbNamespaces;
import dev.tombstone.testing.FuzzTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Fuzzes the MagnetoDB REST codec and the 2011-12-05 JSON codec; same invariants. */
class LegacyDialectsFuzzTest {
  private static final List<String> MAGNETO_PATHS = List.of(
      "/v1/data/p1/tables", "/v1/data/p1/tables/t", "/v1/data/p1/tables/t/put_item",
      "/v1/data/p1/tables/t/get_item", "/v1/data/p1/tables/t/delete_item",
      "/v1/data/p1/tables/t/scan", "/v1/data/default_project/tables/t/delete_item",
      "/v1/data/default_tenant/tables/ttt/update_item",
      "/v1/data/default_tenant/tables/ttt/query", "/v1/data/default_tenant/batch_get_item",
      "/v1/data/default_tenant/batch_write_item", "/v1/data/default_tenant/tables/ttt/scan");
  /** MagnetoDB's exceptions and WebOb's faults, as {@code MagnetoDbFaults} names them. */
  private static final List<String> MAGNETO_ERROR_TYPES = List.of("ValidationError",
      "TableNotExistsException", "TableAlreadyExistsException", "ConditionalCheckFailedException",
      "LimitExceededException", "NotFound", "MethodNotAllowed");
  private static final List<String> LEGACY_TARGETS = List.of("DynamoDB_20111205.PutItem",
      "DynamoDB_20111205.DeleteItem", "DynamoDB_20111205.GetItem", "DynamoDB_20111205.Scan",
      "DynamoDB_20111205.CreateTable", "DynamoDB_20111205.DescribeTable",
      "DynamoDB_20111205.UpdateItem", "DynamoDB_20111205.Query",
      "DynamoDB_20111205.BatchGetItem", "DynamoDB_20111205.BatchWriteItem",
      "DynamoDB_20111205.UpdateTable");

  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "magnetodb.dict")
  void magnetoDb(FuzzedDataProvider data) {
    DynamoDbState shared = new DynamoDbState("us-east-1", Clock.systemUTC());
    DynamoDbNamespaces namespaces = new DynamoDbNamespaces(shared,
        DynamoDbNamespaces.DEFAULT_PROJECT, "us-east-1", Clock.systemUTC());
    shared.createTable("tab", KeySchema.of(KeyAttribute.s("id")));
    shared.putItem("tab", Item.of(Map.of("id", new AttributeValue.S("a"))));
    seedHashAndRange(shared);
    String method = data.pickValue(List.of("GET", "POST", "PUT", "DELETE"));
    String path = data.consumeBoolean() ? data.pickValue(MAGNETO_PATHS)
        : "/v1/data/" + data.consumeString(40);
    String query = data.consumeString(20);
    byte[] body = data.consumeRemainingAsBytes();
    String before = snapshot(shared);

    MagnetoDbResponse response = FuzzTime.bounded(
        () -> new MagnetoDbRestProtocol(namespaces).handle(method, path, query, body));

    String request = method + " " + path + " " + new String(body, StandardCharsets.UTF_8);
    assertThat(response.status()).as(request).isIn(200, 400, 404, 405, 413);
    if (response.status() != 200) {
      assertThat(errorType(response)).as(request).isIn(MAGNETO_ERROR_TYPES);
      assertThat(snapshot(shared)).as("state after a refused %s", request).isEqualTo(before);
    }
  }

  /** The {@code error.type} of a MagnetoDB fault document. */
  private static String errorType(MagnetoDbResponse response) {
    try {
      Json.Obj fault = (Json.Obj) Json.parse(response.body());
      return ((Json.Str) ((Json.Obj) fault.get("error")).get("type")).value();
    } catch (java.io.IOException | ClassCastException | NullPointerException e) {
      throw new AssertionError("not a MagnetoDB fault: "
          + new String(response.body(), StandardCharsets.UTF_8), e);
    }
  }

  /**
   * Table {@code ttt}, hash {@code pk} (S) and range {@code sk} (N), with one item: a table
   * name both dialects accept, for Query, UpdateItem and BatchGetItem to get past validation.
   */
  private static void seedHashAndRange(DynamoDbState state) {
    state.createTable("ttt", KeySchema.of(KeyAttribute.s("pk"), KeyAttribute.n("sk")));
    state.putItem("ttt", Item.of(Map.of("pk", new AttributeValue.S("p"),
        "sk", new AttributeValue.N(java.math.BigDecimal.ONE),
        "ss", new AttributeValue.SS(java.util.Set.of("x")))));
  }

  /** Every table's description (definition, counts, dates) and its items. */
  private static String snapshot(DynamoDbState state) {
    StringBuilder out = new StringBuilder();
    for (String table : state.tableNames()) {
      out.append(table).append(state.describeTable(table)).append(state.items(table));
    }
    return out.toString();
  }

  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "dynamodb-2011.dict")
  @DictionaryFile(resourcePath = "dynamodb-json.dict")
  void dynamoDb2011(FuzzedDataProvider data) {
    DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable("tab", KeySchema.of(KeyAttribute.s("id")));
    state.putItem("tab", Item.of(Map.of("id", new AttributeValue.S("a"),
        "n", new AttributeValue.N(java.math.BigDecimal.TEN))));
    seedHashAndRange(state);
    DynamoDbJsonFuzzTest.seedProvisioned(state);
    DynamoDbJsonFuzzTest.check(state, data.pickValue(LEGACY_TARGETS),
        data.consumeRemainingAsBytes());
  }
}
