package dev.tombstone.internal.auth;

import static dev.tombstone.internal.auth.StrictClients.KEY;
import static dev.tombstone.internal.auth.StrictClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SigV4 requires {@code host} among the signed headers, and S3 every {@code x-amz-*} header the
 * request carries; strict mode refuses a signature that leaves one out, however valid, as
 * DynamoDB and S3 do.
 */
class StrictSignedHeadersTest {
  @RegisterExtension
  static final RunningTombstone server =
      RunningTombstone.perClass(b -> b.credentials(KEY, SECRET));

  private final Tombstone tombstone = server.tombstone();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .build();

  @Test
  void dynamoDbSignatureWithoutHost_isInvalidSignatureException_andCreatesNothing()
      throws Exception {
    HttpResponse<String> answer = postSigned("CreateTable", "{\"TableName\":\"orders\","
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}",
        List.of("content-type", "x-amz-date", "x-amz-target"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#"
        + "InvalidSignatureException\",\"message\":\"'Host' or ':authority' must be a"
        + " 'SignedHeader' in the AWS Authorization.\"}");
    assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
  }

  @Test
  void s3SignatureWithoutHost_isAccessDenied_headersNotSigned_andStoresNothing()
      throws Exception {
    HttpResponse<String> answer =
        putSigned(Map.of(), List.of("x-amz-content-sha256", "x-amz-date"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Error><Code>AccessDenied</Code><Message>There were"
        + " headers present in the request which were not signed</Message><HeadersNotSigned>"
        + "host</HeadersNotSigned><RequestId>");
    assertThat(tombstone.s3().keys("guarded")).isEmpty();
  }

  @Test
  void s3SignatureWithHost_isServed() throws Exception {
    HttpResponse<String> answer =
        putSigned(Map.of(), List.of("host", "x-amz-content-sha256", "x-amz-date"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().keys("guarded")).containsExactly("k");
  }

  @Test
  void s3UnsignedAmzHeaders_areAccessDenied_namedInOrder_andStoreNothing() throws Exception {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("x-amz-tagging", "team=payments");
    extra.put("x-amz-meta-owner", "ops");

    HttpResponse<String> answer =
        putSigned(extra, List.of("host", "x-amz-content-sha256", "x-amz-date"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>AccessDenied</Code><Message>There were headers"
        + " present in the request which were not signed</Message><HeadersNotSigned>"
        + "x-amz-meta-owner, x-amz-tagging</HeadersNotSigned>");
    assertThat(tombstone.s3().keys("guarded")).isEmpty();
  }

  @Test
  void s3UnsignedContentSha256_isServed() throws Exception {
    HttpResponse<String> answer = putSigned(Map.of("x-amz-meta-owner", "ops"),
        List.of("host", "x-amz-date", "x-amz-meta-owner"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().keys("guarded")).containsExactly("k");
  }

  @Test
  void presignedUrlWithoutHost_isAccessDenied_headersNotSigned() throws Exception {
    tombstone.s3().createBucket("shared");
    tombstone.s3().putObject("shared", "report.csv", "a,b");
    String query = new RawSigner(KEY, SECRET, "s3", Instant.now())
        .presignedQuery("/shared/report.csv", Map.of("range", "bytes=0-0"), 300);

    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/shared/report.csv?" + query))
        .header("Range", "bytes=0-0").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>AccessDenied</Code><Message>There were headers"
        + " present in the request which were not signed</Message><HeadersNotSigned>host"
        + "</HeadersNotSigned>");
  }

  @Test
  void presignedUrlWithUnsignedAmzHeader_isAccessDenied_headersNotSigned() throws Exception {
    tombstone.s3().createBucket("shared");
    tombstone.s3().putObject("shared", "report.csv", "a,b");
    String query = new RawSigner(KEY, SECRET, "s3", Instant.now()).presignedQuery(
        "/shared/report.csv", Map.of("host", tombstone.endpoint().getAuthority()), 300);

    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/shared/report.csv?" + query))
        .header("x-amz-request-payer", "requester").GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<HeadersNotSigned>x-amz-request-payer"
        + "</HeadersNotSigned>");
  }

  @Test
  void dynamoDbUnsignedAmzHeader_isServed() throws Exception {
    HttpResponse<String> answer =
        postSigned("ListTables", "{}", List.of("content-type", "host", "x-amz-date"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"TableNames\":[]}");
  }

  /** POSTs a DynamoDB {@code operation} with {@code json}, signing only {@code signed}. */
  private HttpResponse<String> postSigned(String operation, String json, List<String> signed)
      throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", tombstone.endpoint().getAuthority());
    headers.put("content-type", "application/x-amz-json-1.0");
    headers.put("x-amz-target", "DynamoDB_20120810." + operation);
    RawSigner.Signed signature = new RawSigner(KEY, SECRET, "dynamodb", Instant.now()).sign(
        "POST", "/", headers, RawSigner.sha256(body), signed);
    return http.send(request(tombstone.endpoint(), signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** PUTs "payload" to /guarded/k with {@code extra} headers, signing only {@code signed}. */
  private HttpResponse<String> putSigned(Map<String, String> extra, List<String> signed)
      throws Exception {
    tombstone.s3().createBucket("guarded");
    byte[] body = "payload".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", tombstone.endpoint().getAuthority());
    headers.put("x-amz-content-sha256", RawSigner.sha256(body));
    headers.putAll(extra);
    RawSigner.Signed signature = new RawSigner(KEY, SECRET, "s3", Instant.now()).sign(
        "PUT", "/guarded/k", headers, RawSigner.sha256(body), signed);
    return http.send(request(tombstone.endpoint().resolve("/guarded/k"), signature)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(URI uri, RawSigner.Signed signed) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    signed.headers().forEach((name, value) -> {
      if (!name.equals("host")) {
        request.header(name, value);
      }
    });
    return request;
  }
}
