package dev.tombstone.internal.auth;

import static dev.tombstone.internal.auth.StrictClients.KEY;
import static dev.tombstone.internal.auth.StrictClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strict mode checks a DynamoDB signature after the body has parsed and the target names an
 * operation, and before anything else: an unsigned request whose body is not JSON is a
 * SerializationException, one with an unknown operation an UnknownOperationException, and only
 * then is a missing signature refused (dynalite test/connection.js, 'should return
 * SerializationException if body is application/x-amz-json-1.0 but not JSON', 'should return
 * UnknownOperationException if incorrect target operation', 'should return
 * MissingAuthenticationTokenException if no Authorization header').
 */
class StrictModeCheckOrderTest {
  private static final String MISSING = "{\"__type\":\"com.amazon.coral.service#"
      + "MissingAuthenticationTokenException\",\"message\":\"Request is missing Authentication"
      + " Token\"}";
  private static Tombstone tombstone;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().credentials(KEY, SECRET).start();
    tombstone.dynamoDb().createTable("guarded", KeySchema.of(KeyAttribute.s("pk")));
  }

  @AfterAll
  static void stop() {
    tombstone.close();
  }

  private static HttpResponse<String> unsigned(String target, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(tombstone.endpoint())
        .header("X-Amz-Target", target)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bodyThatIsNotJson_isASerializationException_beforeTheSignature() throws Exception {
    HttpResponse<String> answer =
        unsigned("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "hi");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
  }

  @Test
  void unknownOperation_isAnUnknownOperationException_beforeTheSignature() throws Exception {
    HttpResponse<String> answer =
        unsigned("DynamoDB_20120810.ListTable", "application/x-amz-json-1.0", "{}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
  }

  @Test
  void knownOperation_withAnEmptyBody_isRefusedForTheSignature_asJson() throws Exception {
    HttpResponse<String> answer = unsigned("DynamoDB_20120810.ListTables", null, "");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo(MISSING);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void queryWithoutXAmzAlgorithm_isNoSignatureAtAll() throws Exception {
    // dynalite test/connection.js, 'should return MissingAuthenticationTokenException if all
    // query params except X-Amz-Algorithm'.
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(tombstone.endpoint().resolve(
            "/?X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=c&X-Amz-Date=d"))
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo(MISSING);
  }

  @Test
  void emptyXAmzAlgorithm_isNamedAmongTheMissingParameters() throws Exception {
    // dynalite test/connection.js, 'should return IncompleteSignatureException if empty
    // X-Amz-Algorithm query'.
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(tombstone.endpoint().resolve(
            "/?X-Amz-Algorithm"))
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#"
        + "IncompleteSignatureException\",\"message\":\"AWS query-string parameters must"
        + " include 'X-Amz-Algorithm'. AWS query-string parameters must include"
        + " 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'."
        + " AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string"
        + " parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.\"}");
  }

  @Test
  void unsignedPutItem_isRefused_andWritesNothing() throws Exception {
    HttpResponse<String> answer = unsigned("DynamoDB_20120810.PutItem",
        "application/x-amz-json-1.0",
        "{\"TableName\":\"guarded\",\"Item\":{\"pk\":{\"S\":\"a\"}}}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo(MISSING);
    assertThat(answer.headers().firstValue("Content-Type"))
        .contains("application/x-amz-json-1.0");
    assertThat(tombstone.dynamoDb().items("guarded")).isEmpty();
  }
}
