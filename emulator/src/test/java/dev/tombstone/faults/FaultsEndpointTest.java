package dev.tombstone.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /_tombstone/faults} and the wire shape of injected errors, from a plain HTTP client. */
class FaultsEndpointTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();

  @BeforeEach
  void reset() {
    tombstone.dynamoDb().createTable("users", KeySchema.of(KeyAttribute.s("UserId")));
    tombstone.dynamoDb().putItem("users", Item.builder().put("UserId", "user003").build());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(tombstone.endpoint().resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> deleteItem(String table) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(tombstone.endpoint().resolve("/"))
        .header("X-Amz-Target", "DynamoDB_20120810.DeleteItem")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"" + table
            + "\",\"Key\":{\"UserId\":{\"S\":\"user003\"}}}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void post_answersAnId_getListsFiredCounts_deleteClears() throws Exception {
    HttpResponse<String> added = send("POST", "/_tombstone/faults", "{\"service\":\"dynamodb\","
        + "\"operation\":\"DeleteItem\",\"resource\":\"users\",\"times\":2,"
        + "\"error\":\"ProvisionedThroughputExceededException\"}");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).matches("\\{\"id\":\"fault-\\d+\"}");
    String id = added.body().replaceAll(".*\"(fault-\\d+)\".*", "$1");

    deleteItem("users");

    assertThat(send("GET", "/_tombstone/faults", null).body()).isEqualTo("{\"rules\":[{\"id\":\""
        + id + "\",\"service\":\"dynamodb\",\"operation\":\"DeleteItem\",\"resource\":\"users\","
        + "\"times\":2,\"error\":\"ProvisionedThroughputExceededException\",\"fired\":1}]}");
    assertThat(send("DELETE", "/_tombstone/faults", null).body()).isEqualTo("{\"removed\":1}");
    assertThat(send("GET", "/_tombstone/faults", null).body()).isEqualTo("{\"rules\":[]}");
  }

  @Test
  void injectedError_hasDynamoDbsWireShape() throws Exception {
    send("POST", "/_tombstone/faults", "{\"service\":\"dynamodb\",\"operation\":\"DeleteItem\","
        + "\"times\":1,\"error\":\"ProvisionedThroughputExceededException\"}");

    HttpResponse<String> response = deleteItem("users");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
        + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured"
        + " provisioned throughput for the table was exceeded. Consider increasing your"
        + " provisioning level with the UpdateTable API.\"}");
    CRC32 crc = new CRC32();
    crc.update(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
    assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(
        v -> assertThat(v).hasSize(52));
    assertThat(tombstone.dynamoDb().items("users")).hasSize(1);
  }

  private HttpResponse<String> dynamoDb(String operation, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(tombstone.endpoint().resolve("/"))
        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void partialBatch_holdingBackEveryRequest_isProvisionedThroughputExceeded() throws Exception {
    tombstone.dynamoDb().putItem("users", Item.builder().put("UserId", "user004").build());
    send("POST", "/_tombstone/faults", "{\"service\":\"dynamodb\","
        + "\"operation\":\"BatchWriteItem\",\"resource\":\"users\",\"unprocessed\":5}");
    send("POST", "/_tombstone/faults", "{\"service\":\"dynamodb\","
        + "\"operation\":\"BatchGetItem\",\"unprocessed\":2}");

    HttpResponse<String> write = dynamoDb("BatchWriteItem", "{\"RequestItems\":{\"users\":["
        + "{\"DeleteRequest\":{\"Key\":{\"UserId\":{\"S\":\"user003\"}}}},"
        + "{\"DeleteRequest\":{\"Key\":{\"UserId\":{\"S\":\"user004\"}}}}]}}");
    HttpResponse<String> read = dynamoDb("BatchGetItem", "{\"RequestItems\":{\"users\":"
        + "{\"Keys\":[{\"UserId\":{\"S\":\"user003\"}},{\"UserId\":{\"S\":\"user004\"}}]}}}");

    String expected = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
        + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured"
        + " provisioned throughput for the table was exceeded. Consider increasing your"
        + " provisioning level with the UpdateTable API.\"}";
    assertThat(write.statusCode()).isEqualTo(400);
    assertThat(write.body()).isEqualTo(expected);
    assertThat(read.statusCode()).isEqualTo(400);
    assertThat(read.body()).isEqualTo(expected);
    assertThat(tombstone.dynamoDb().items("users")).hasSize(2);
    assertThat(tombstone.faults().rules()).extracting(FaultRule::fired).containsExactly(1, 1);
  }

  @Test
  void partialBatch_ofABodyThatIsNoJson_isAnsweredAsWithoutTheRule() throws Exception {
    send("POST", "/_tombstone/faults", "{\"service\":\"dynamodb\","
        + "\"operation\":\"BatchWriteItem\",\"unprocessed\":1}");

    HttpResponse<String> response = dynamoDb("BatchWriteItem", "{\"RequestItems\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("SerializationException");
    assertThat(tombstone.faults().rules()).extracting(FaultRule::fired).containsExactly(0);
  }

  @Test
  void throttlingException_usesTheAvailabilityPrefix() throws Exception {
    send("POST", "/_tombstone/faults", "{\"service\":\"dynamodb\",\"operation\":\"DeleteItem\","
        + "\"error\":\"ThrottlingException\"}");

    assertThat(deleteItem("users").body()).isEqualTo("{\"__type\":\"com.amazon.coral.availability#"
        + "ThrottlingException\",\"message\":\"Rate of requests exceeds the allowed throughput.\"}");
  }

  @Test
  void s3SlowDown_isA503ErrorDocument() throws Exception {
    tombstone.s3().createBucket("uploads");
    send("POST", "/_tombstone/faults", "{\"service\":\"s3\",\"operation\":\"DeleteObject\","
        + "\"bucket\":\"uploads\",\"times\":1,\"error\":\"SlowDown\"}");

    HttpResponse<String> response = send("DELETE", "/uploads/a.txt", null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>"
        + "<RequestId>");
    assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
  }

  @Test
  void reset_clearsTheRules() throws Exception {
    send("POST", "/_tombstone/faults", "{\"service\":\"s3\",\"drop\":\"before\"}");

    send("POST", "/_tombstone/reset", null);

    assertThat(tombstone.faults().rules()).isEmpty();
  }

  @Test
  void badRules_get400WithAClearMessage() throws Exception {
    assertBad("not json", "{\"error\":\"the rule is not valid JSON: ");
    assertBad("[]", "{\"error\":\"a rule is a JSON object");
    assertBad("{\"operation\":\"DeleteItem\"}", "{\"error\":\"service is required");
    assertBad("{\"service\":\"sqs\"}", "{\"error\":\"service must be \\\"dynamodb\\\" or \\\"s3\\\"");
    assertBad("{\"service\":\"s3\",\"times\":\"2\",\"error\":\"SlowDown\"}",
        "{\"error\":\"times must be a number\"}");
    assertBad("{\"service\":\"s3\",\"colour\":1}", "{\"error\":\"unknown field 'colour'");
    assertBad("{\"service\":\"s3\",\"error\":\"SlowDown\",\"drop\":\"after\"}",
        "{\"error\":\"give one of error, unprocessed, drop\"}");
    assertBad("{\"service\":\"s3\",\"drop\":\"sideways\"}",
        "{\"error\":\"drop must be \\\"before\\\" or \\\"after\\\"");
    assertBad("{\"service\":\"s3\",\"error\":\"ProvisionedThroughputExceededException\"}",
        "{\"error\":\"unknown S3 error 'ProvisionedThroughputExceededException'");
    assertThat(tombstone.faults().rules()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{'service':'dynamodb','service':'s3','error':'SlowDown'}"
          + "|the rule is not valid JSON: Duplicate field 'service'",
      "{'service':'dynamodb','operation':'ListTables','key':'x','error':'ThrottlingException'}"
          + "|key never matches ListTables, which names no key; operations that do: [BatchGetItem,"
          + " BatchWriteItem, DeleteItem, GetItem, PutItem, TransactWriteItems, UpdateItem]",
      "{'service':'dynamodb','operation':'Query','keyPrefix':'x','error':'ThrottlingException'}"
          + "|keyPrefix never matches Query, which names no key; operations that do: [",
      "{'service':'s3','operation':'ListObjectsV2','key':'a.txt','error':'SlowDown'}"
          + "|key never matches ListObjectsV2, which names no key; operations that do: [",
      "{'service':'dynamodb','error':'ThrottlingException','seed':3}"
          + "|seed needs probability: it seeds the random draws",
      "{'service':'dynamodb','times':2147483648,'error':'ThrottlingException'}"
          + "|times must be at most 2147483647, was 2147483648",
      "{'service':'dynamodb','times':9223372036854775807,'error':'ThrottlingException'}"
          + "|times must be at most 2147483647, was 9223372036854775807",
      "{'service':'dynamodb','times':1.5,'error':'ThrottlingException'}"
          + "|times must be a whole number, was 1.5",
      "{'service':'dynamodb','operation':'BatchWriteItem','unprocessed':-3000000000}"
          + "|unprocessed must be at least 1, was -3000000000",
      "{'service':'dynamodb','probability':0.5,'seed':1.5,'error':'ThrottlingException'}"
          + "|seed must be a whole number, was 1.5",
      "{'service':'dynamodb','probability':0.5,'seed':9223372036854775808,'error':'ThrottlingException'}"
          + "|seed must be between -9223372036854775808 and 9223372036854775807, was"
          + " 9223372036854775808",
      "{'service':'dynamodb','latencyMs':1e30}|latencyMs must be at most 300000, was 1E+30",
      "{'service':'dynamodb','latencyMs':0.5}|latencyMs must be a whole number, was 0.5",
  })
  void badRuleInput_isRefusedWithAMessageNamingTheField(String rule, String message)
      throws Exception {
    HttpResponse<String> response = send("POST", "/_tombstone/faults", rule.replace('\'', '"'));

    assertThat(response.statusCode()).as(rule).isEqualTo(400);
    assertThat(response.body()).as(rule).startsWith("{\"error\":\"" + message);
    assertThat(tombstone.faults().rules()).isEmpty();
  }

  @Test
  void aResourceLongerThanAnyTableOrBucketName_isRefused() throws Exception {
    HttpResponse<String> response = send("POST", "/_tombstone/faults", "{\"service\":\"dynamodb\","
        + "\"resource\":\"" + "a".repeat(256) + "\",\"error\":\"ThrottlingException\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"resource must be at most 255 characters"
        + " (a table or bucket name), was 256\"}");
    assertThat(tombstone.faults().rules()).isEmpty();
    assertThat(send("POST", "/_tombstone/faults", "{\"service\":\"s3\",\"bucket\":\""
        + "a".repeat(255) + "\",\"error\":\"SlowDown\"}").statusCode()).isEqualTo(200);
  }

  private void assertBad(String body, String expectedStart) throws Exception {
    HttpResponse<String> response = send("POST", "/_tombstone/faults", body);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    assertThat(response.body()).as(body).startsWith(expectedStart);
  }

  @Test
  void oneRule_canBeReadAndRemovedById() throws Exception {
    String id = tombstone.faults().s3("*").respond(dev.tombstone.faults.Fault.INTERNAL_ERROR).id();

    assertThat(send("GET", "/_tombstone/faults/" + id, null).body())
        .isEqualTo("{\"id\":\"" + id + "\",\"service\":\"s3\",\"operation\":\"*\","
            + "\"error\":\"InternalError\",\"fired\":0}");
    assertThat(send("DELETE", "/_tombstone/faults/" + id, null).statusCode()).isEqualTo(200);
    assertThat(send("DELETE", "/_tombstone/faults/" + id, null).statusCode()).isEqualTo(404);
  }
}
