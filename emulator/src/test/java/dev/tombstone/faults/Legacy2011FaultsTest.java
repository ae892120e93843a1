package dev.tombstone.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.testing.RunningTombstone;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules with {@code key} or {@code keyPrefix} against API 2011-12-05, whose keys name the
 * partition key {@code HashKeyElement}, over raw HTTP (the SDK v2 speaks 2012-08-10 only).
 */
class Legacy2011FaultsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MINGUS_KEY =
      "{\"HashKeyElement\":{\"S\":\"Mingus\"},\"RangeKeyElement\":{\"N\":\"200\"}}";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();

  @BeforeEach
  void compTable() {
    tombstone.dynamoDb().createTable("comp-table",
        KeySchema.of(KeyAttribute.s("user"), KeyAttribute.n("time")));
    for (String user : new String[] {"Mingus", "Dooley"}) {
      tombstone.dynamoDb().putItem("comp-table", Item.builder().put("user", user)
          .put("time", dev.tombstone.dynamodb.AttributeValue.n(200)).build());
    }
  }

  private HttpResponse<String> post(String target, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(tombstone.endpoint().resolve("/"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      request.header("X-Amz-Target", "DynamoDB_20111205." + target);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String addRule(String json) throws Exception {
    HttpResponse<String> added = HTTP.send(HttpRequest.newBuilder(
        tombstone.endpoint().resolve("/_tombstone/faults"))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    return added.body().replaceAll(".*\"(fault-\\d+)\".*", "$1");
  }

  private String rule(String id) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(
        tombstone.endpoint().resolve("/_tombstone/faults/" + id)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private int items() {
    return tombstone.dynamoDb().items("comp-table").size();
  }

  @Test
  void deleteItem_keyRule_firesForTheHashKeyElement_andChangesNothing() throws Exception {
    String id = addRule("{\"service\":\"dynamodb\",\"operation\":\"DeleteItem\",\"key\":\"Mingus\","
        + "\"times\":1,\"error\":\"ProvisionedThroughputExceededException\"}");

    HttpResponse<String> response = post("DeleteItem",
        "{\"TableName\":\"comp-table\",\"Key\":" + MINGUS_KEY + "}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20111205#"
        + "ProvisionedThroughputExceededException\"");
    assertThat(rule(id)).endsWith("\"fired\":1}");
    assertThat(items()).isEqualTo(2);
  }

  @Test
  void deleteItem_keyPrefixDropBefore_closesTheConnection_andChangesNothing() throws Exception {
    String id = addRule("{\"service\":\"dynamodb\",\"operation\":\"DeleteItem\","
        + "\"keyPrefix\":\"Min\",\"times\":1,\"drop\":\"before\"}");

    Throwable thrown = catchThrowable(() -> post("DeleteItem",
        "{\"TableName\":\"comp-table\",\"Key\":" + MINGUS_KEY + "}"));

    assertThat(thrown).isInstanceOf(IOException.class);
    assertThat(rule(id)).endsWith("\"fired\":1}");
    assertThat(items()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GetItem|{\"TableName\":\"comp-table\",\"Key\":KEY}",
      "UpdateItem|{\"TableName\":\"comp-table\",\"Key\":KEY,"
          + "\"AttributeUpdates\":{\"status\":{\"Value\":{\"S\":\"done\"},\"Action\":\"PUT\"}}}",
      "PutItem|{\"TableName\":\"comp-table\",\"Item\":{\"user\":{\"S\":\"Mingus\"},"
          + "\"time\":{\"N\":\"300\"}}}",
  })
  void singleItemOperations_keyRule_firesForTheItemsPartitionKey(String operation, String body)
      throws Exception {
    String other = addRule("{\"service\":\"dynamodb\",\"operation\":\"" + operation + "\","
        + "\"key\":\"Dooley\",\"error\":\"InternalServerError\"}");
    String id = addRule("{\"service\":\"dynamodb\",\"operation\":\"" + operation + "\","
        + "\"key\":\"Mingus\",\"times\":1,\"error\":\"ThrottlingException\"}");

    HttpResponse<String> response = post(operation, body.replace("KEY", MINGUS_KEY));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("ThrottlingException");
    assertThat(rule(id)).endsWith("\"fired\":1}");
    assertThat(rule(other)).endsWith("\"fired\":0}");
  }

  @Test
  void batchGetItem_keyRule_holdsBackTheKeysForThatKey() throws Exception {
    addRule("{\"service\":\"dynamodb\",\"operation\":\"BatchGetItem\",\"key\":\"Mingus\","
        + "\"times\":1,\"unprocessed\":1}");

    HttpResponse<String> response = post("BatchGetItem", "{\"RequestItems\":{\"comp-table\":"
        + "{\"Keys\":[" + MINGUS_KEY + ",{\"HashKeyElement\":{\"S\":\"Dooley\"},"
        + "\"RangeKeyElement\":{\"N\":\"200\"}}]}}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(
        "\"UnprocessedKeys\":{\"comp-table\":{\"Keys\":[" + MINGUS_KEY + "]}}")
        .contains("Dooley");
  }

  @Test
  void batchWriteItem_keyRule_holdsBackTheWritesForThatKey_inThe2011Shape() throws Exception {
    String id = addRule("{\"service\":\"dynamodb\",\"operation\":\"BatchWriteItem\","
        + "\"key\":\"Mingus\",\"times\":1,\"unprocessed\":1}");
    String dooleyKey = MINGUS_KEY.replace("Mingus", "Dooley");

    HttpResponse<String> response = post("BatchWriteItem", "{\"RequestItems\":{\"comp-table\":"
        + "[{\"DeleteRequest\":{\"Key\":" + MINGUS_KEY + "}},"
        + "{\"DeleteRequest\":{\"Key\":" + dooleyKey + "}}]}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"Responses\":{\"comp-table\":"
        + "{\"ConsumedCapacityUnits\":1}},\"UnprocessedItems\":{\"comp-table\":"
        + "[{\"DeleteRequest\":{\"Key\":" + MINGUS_KEY + "}}]}}");
    assertThat(rule(id)).endsWith("\"fired\":1}");
    assertThat(tombstone.dynamoDb().items("comp-table"))
        .extracting(item -> item.get("user"))
        .containsExactly(dev.tombstone.dynamodb.AttributeValue.s("Mingus"));
  }

  @Test
  void batchWriteItem_throttlingRule_refusesTheWholeBatch_with2011Prefix() throws Exception {
    String id = addRule("{\"service\":\"dynamodb\",\"operation\":\"BatchWriteItem\","
        + "\"times\":1,\"error\":\"ProvisionedThroughputExceededException\"}");

    HttpResponse<String> response = post("BatchWriteItem", "{\"RequestItems\":{\"comp-table\":"
        + "[{\"DeleteRequest\":{\"Key\":" + MINGUS_KEY + "}}]}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20111205#"
        + "ProvisionedThroughputExceededException\"");
    assertThat(rule(id)).endsWith("\"fired\":1}");
    assertThat(items()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "TransactWriteItems|{\"service\":\"dynamodb\",\"operation\":\"TransactWriteItems\","
          + "\"error\":\"TransactionCanceledException\"}",
      "TransactWriteItems|{\"service\":\"dynamodb\",\"error\":\"ThrottlingException\"}",
  })
  void operationThisVersionDoesNotServe_isAnsweredAsWithoutTheRule(String operation, String rule)
      throws Exception {
    String id = addRule(rule);

    HttpResponse<String> response = post(operation, "{\"RequestItems\":{\"comp-table\":"
        + "[{\"DeleteRequest\":{\"Key\":" + MINGUS_KEY + "}}]},\"TransactItems\":[]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("#UnknownOperationException");
    assertThat(rule(id)).endsWith("\"fired\":0}");
    assertThat(items()).isEqualTo(2);
  }
}
