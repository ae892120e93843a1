package dev.tombstone.internal.server;

import static dev.tombstone.internal.server.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.internal.dynamodb.protocol.SdkClients;
import dev.tombstone.testing.RunningTombstone;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB's CORS on the shared port: any origin is allowed on every answer to a request with an
 * {@code Origin}, and an {@code OPTIONS} preflight to the service root is DynamoDB's, while a
 * preflight to a bucket or object stays S3's.
 */
class DynamoDbCorsTest {
  private static final String ORIGIN = "http://app.example";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private DynamoDbClient dynamo;

  @BeforeEach
  void client() {
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
  }

  @AfterEach
  void close() {
    dynamo.close();
  }

  @Test
  void answerToARequestWithAnOrigin_allowsAnyOrigin() {
    Optional<String> withOrigin = dynamo.listTables(b -> b.overrideConfiguration(
        o -> o.putHeader("Origin", ORIGIN))).sdkHttpResponse()
        .firstMatchingHeader("Access-Control-Allow-Origin");
    Optional<String> without = dynamo.listTables(b -> { }).sdkHttpResponse()
        .firstMatchingHeader("Access-Control-Allow-Origin");

    assertThat(withOrigin).contains("*");
    assertThat(without).isEmpty();
  }

  @Test
  void answerToARequestWithAnOrigin_exposesTheRequestIdButNotTheChecksum() {
    var withOrigin = dynamo.listTables(b -> b.overrideConfiguration(
        o -> o.putHeader("Origin", ORIGIN))).sdkHttpResponse();
    var without = dynamo.listTables(b -> { }).sdkHttpResponse();

    assertThat(withOrigin.firstMatchingHeader("Access-Control-Expose-Headers"))
        .contains("x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
    assertThat(withOrigin.firstMatchingHeader("x-amz-crc32")).isPresent();
    assertThat(without.firstMatchingHeader("Access-Control-Expose-Headers")).isEmpty();
  }

  @Test
  void errorAnswer_allowsAnyOriginToo() {
    ResourceNotFoundException missing = catchThrowableOfType(() -> dynamo.describeTable(
        b -> b.tableName("missing").overrideConfiguration(o -> o.putHeader("Origin", ORIGIN))),
        ResourceNotFoundException.class);

    assertThat(missing.awsErrorDetails().sdkHttpResponse()
        .firstMatchingHeader("Access-Control-Allow-Origin")).contains("*");
    assertThat(missing.awsErrorDetails().sdkHttpResponse()
        .firstMatchingHeader("Access-Control-Expose-Headers")).isPresent();
  }

  @Test
  void preflightToTheServiceRoot_echoesTheRequestedHeadersAndMethod() throws Exception {
    RawHttp.Answer answer = options("/", "localhost", "Origin: " + ORIGIN + "\r\n"
        + "Access-Control-Request-Headers: content-type, x-amz-target\r\n"
        + "Access-Control-Request-Method: POST\r\n");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains("Access-Control-Allow-Origin: *\r\n",
        "Access-Control-Allow-Headers: content-type, x-amz-target\r\n",
        "Access-Control-Allow-Methods: POST\r\n", "Access-Control-Max-Age: 172800\r\n",
        "Access-Control-Expose-Headers: x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,"
            + "Date\r\n",
        "Content-Length: 0\r\n", "x-amzn-RequestId: ").endsWith("\r\n\r\n");
  }

  @Test
  void preflightWithOnlyAnOrigin_allowsItWithoutHeadersOrMethods() throws Exception {
    RawHttp.Answer answer = options("/", "127.0.0.1", "Origin: " + ORIGIN + "\r\n");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains("Access-Control-Allow-Origin: *",
        "Access-Control-Max-Age: 172800").doesNotContain("Access-Control-Allow-Headers",
        "Access-Control-Allow-Methods");
  }

  @Test
  void optionsToTheServiceRootWithoutAnOrigin_isDynamoDbsNonPost404() throws Exception {
    RawHttp.Answer answer = options("/", "localhost", "");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.text()).doesNotContain("Access-Control-")
        .endsWith("<UnknownOperationException/>\n");
  }

  @Test
  void preflightWithADynamoDbTarget_isAnsweredAsWell() throws Exception {
    RawHttp.Answer answer = options("/", "localhost", "Origin: " + ORIGIN + "\r\n"
        + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains("Access-Control-Allow-Origin: *");
  }

  @Test
  void preflightToABucket_staysS3s_pathStyleAndVirtualHosted() throws Exception {
    RawHttp.Answer pathStyle = options("/no-such-bucket/key", "localhost",
        "Origin: " + ORIGIN + "\r\n");
    RawHttp.Answer virtualHosted = options("/", "no-such-bucket.localhost",
        "Origin: " + ORIGIN + "\r\n");

    assertThat(pathStyle.status()).isEqualTo(403);
    assertThat(pathStyle.text()).contains("CORSResponse: Bucket not found");
    assertThat(virtualHosted.status()).isEqualTo(403);
    assertThat(virtualHosted.text()).contains("CORSResponse: Bucket not found");
  }

  private RawHttp.Answer options(String path, String host, String headers) throws Exception {
    return RawHttp.send(tombstone.port(), ascii("OPTIONS " + path + " HTTP/1.1\r\nHost: " + host
        + "\r\n" + headers + "Connection: close\r\n\r\n"));
  }
}
