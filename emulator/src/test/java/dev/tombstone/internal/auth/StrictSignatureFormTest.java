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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How strict mode reads a signature before checking it, as S3 and DynamoDB do: one mechanism
 * only, the form of the Authorization header or presigned query, the request time (X-Amz-Date or
 * an ISO 8601 Date), the credential scope's date, and S3's required x-amz-content-sha256.
 */
class StrictSignatureFormTest {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  @RegisterExtension
  static final RunningTombstone strict = RunningTombstone.perClass(b -> b.credentials(KEY, SECRET));

  @RegisterExtension
  static final RunningTombstone lenient = RunningTombstone.perClass();

  private final Tombstone tombstone = strict.tombstone();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .build();

  @Test
  void s3HeaderSignatureWithoutContentSha256_isInvalidRequest_andStoresNothing() throws Exception {
    HttpResponse<String> answer = putSigned(signer("s3"), Map.of(), "UNSIGNED-PAYLOAD",
        List.of("host", "x-amz-date"), Set.of());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Error><Code>InvalidRequest</Code><Message>Missing"
        + " required header for this request: x-amz-content-sha256</Message><RequestId>");
    assertThat(tombstone.s3().keys("guarded")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"yesterday", "2026", "tomorrow"})
  void s3CredentialDatedAnotherDay_isAuthorizationHeaderMalformed(String scopeDate)
      throws Exception {
    HttpResponse<String> answer = putSigned(signer("s3").scopeDated(day(scopeDate)),
        Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), "UNSIGNED-PAYLOAD",
        List.of("host", "x-amz-content-sha256", "x-amz-date"), Set.of());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>AuthorizationHeaderMalformed</Code><Message>The"
        + " authorization header is malformed; Invalid credential date. Date is not the same as"
        + " X-Amz-Date.</Message>");
    assertThat(tombstone.s3().keys("guarded")).isEmpty();
  }

  @Test
  void presignedUrlWithCredentialDatedYesterday_isAuthorizationQueryParametersError()
      throws Exception {
    String query = signer("s3").scopeDated(day("yesterday")).presignedQuery("/shared/report.csv",
        Map.of("host", tombstone.endpoint().getAuthority()), 300);

    HttpResponse<String> answer = getPresigned(query);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>AuthorizationQueryParametersError</Code><Message>"
        + "Error parsing the X-Amz-Credential parameter; Invalid credential date. Date is not the"
        + " same as X-Amz-Date.</Message>");
  }

  @Test
  void dynamoDbCredentialDatedYesterday_isInvalidSignatureException() throws Exception {
    RawSigner signer = signer("dynamodb").scopeDated(day("yesterday"));

    HttpResponse<String> answer = postSigned(signer, "/", List.of("host", "x-amz-date"),
        Set.of());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo(dynamoDbError("InvalidSignatureException", "Date in"
        + " Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
        + day("yesterday") + "' != '" + signer.amzDate().substring(0, 8) + "', from '"
        + signer.amzDate() + "'."));
  }

  @Test
  void s3SignedWithAnIso8601DateHeader_isServed() throws Exception {
    HttpResponse<String> answer = putSigned(signer("s3").timeIn("date"),
        Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), "UNSIGNED-PAYLOAD",
        List.of("date", "host", "x-amz-content-sha256"), Set.of());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().keys("guarded")).containsExactly("k");
  }

  @Test
  void dynamoDbSignedWithAnIso8601DateHeader_isServed() throws Exception {
    HttpResponse<String> answer = postSigned(signer("dynamodb").timeIn("date"), "/",
        List.of("date", "host"), Set.of());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"TableNames\":[]}");
  }

  @Test
  void presignedUrlAndAuthorizationHeader_isInvalidArgument_namingTheHeader() throws Exception {
    String query = signer("s3").presignedQuery("/shared/report.csv",
        Map.of("host", tombstone.endpoint().getAuthority()), 300);
    RawSigner.Signed header = signer("s3").sign("GET", "/shared/report.csv",
        Map.of("host", tombstone.endpoint().getAuthority(), "x-amz-content-sha256",
            "UNSIGNED-PAYLOAD"), "UNSIGNED-PAYLOAD", List.of("host", "x-amz-content-sha256",
            "x-amz-date"));

    HttpResponse<String> answer = http.send(request(
            URI.create(tombstone.endpoint() + "/shared/report.csv?" + query), header.headers(),
            Set.of()).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Error><Code>InvalidArgument</Code><Message>Only one auth"
        + " mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string"
        + " parameter or the Authorization header should be specified</Message><ArgumentName>"
        + "Authorization</ArgumentName><ArgumentValue>" + header.headers().get("Authorization")
        + "</ArgumentValue><RequestId>");
  }

  @Test
  void dynamoDbPresignQueryAndAuthorizationHeader_isInvalidSignatureException()
      throws Exception {
    HttpResponse<String> answer = postSigned(signer("dynamodb"),
        "/?X-Amz-Algorithm=AWS4-HMAC-SHA256", List.of("host", "x-amz-date"), Set.of());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo(dynamoDbError("InvalidSignatureException", "Found both"
        + " 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."));
  }

  /** Strict mode answers a malformed presigned URL exactly as the S3 protocol does without it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "X-Amz-Signature=[0-9a-f]+ | | Query-string authentication version 4 requires the"
          + " X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date,"
          + " X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
      "X-Amz-SignedHeaders=host | | Query-string authentication version 4 requires the"
          + " X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date,"
          + " X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
      "X-Amz-Expires=300 | X-Amz-Expires=abc | X-Amz-Expires should be a number",
      "X-Amz-Expires=300 | X-Amz-Expires=1.5 | X-Amz-Expires should be a number",
      "X-Amz-Expires=300 | X-Amz-Expires= | X-Amz-Expires should be a number",
      "X-Amz-Expires=300 | X-Amz-Expires=-1 | X-Amz-Expires must be non-negative",
      "X-Amz-Expires=300 | X-Amz-Expires=604801 | X-Amz-Expires must be less than a week (in"
          + " seconds); that is, the given X-Amz-Expires must be less than 604800 seconds",
      "AWS4-HMAC-SHA256 | AWS4-HMAC-SHA512 | X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256"
          + " and AWS4-ECDSA-P256-SHA256\"",
      "%2Fus-east-1 | | Error parsing the X-Amz-Credential parameter; the Credential is"
          + " mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".",
      "aws4_request | aws5_request | Error parsing the X-Amz-Credential parameter; the"
          + " Credential is mal-formed; expecting"
          + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."})
  void malformedPresignedUrl_getsTheSameSpecificErrorInBothModes(String pattern,
      String replacement, String message) throws Exception {
    String query = signer("s3").presignedQuery("/shared/report.csv",
            Map.of("host", tombstone.endpoint().getAuthority()), 300)
        .replaceFirst(pattern, replacement == null ? "" : replacement);

    HttpResponse<String> checked = getPresigned(query);
    HttpResponse<String> unchecked = http.send(HttpRequest.newBuilder(URI.create(
            lenient.tombstone().endpoint() + "/shared/report.csv?" + query)).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    String expected = "<Code>AuthorizationQueryParametersError</Code><Message>"
        + message.replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
        + "</Message>";
    assertThat(checked.statusCode()).isEqualTo(400);
    assertThat(checked.body()).contains(expected);
    assertThat(unchecked.statusCode()).isEqualTo(400);
    assertThat(unchecked.body()).contains(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "AWS4-HMAC-SHA256 garbage | AuthorizationHeaderMalformed | The authorization header is"
          + " malformed; the authorization header requires three components: Credential,"
          + " SignedHeaders, and Signature.",
      "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3, SignedHeaders=host,"
          + " Signature=00 | AuthorizationHeaderMalformed | The authorization header is"
          + " malformed; the Credential is mal-formed; expecting"
          + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".",
      "AWS AKID:c2lnbmF0dXJl | InvalidRequest | The authorization mechanism you have provided is"
          + " not supported. Please use AWS4-HMAC-SHA256."})
  void s3UnreadableAuthorizationHeader_isRefusedWithS3sText(String authorization, String code,
      String message) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            tombstone.endpoint().resolve("/shared/report.csv"))
        .header("Authorization", authorization)
        .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
        .header("x-amz-date", signer("s3").amzDate()).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>" + code + "</Code><Message>"
        + message.replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
        + "</Message><RequestId>");
  }

  @ParameterizedTest
  @CsvSource({"Bearer abc", "AWS4-HMAC-SHA512 Credential=AKID/20260101/us-east-1/s3/aws4_request",
      "', ,'"})
  void s3OtherAuthorizationScheme_isInvalidArgument_unsupportedAuthorizationType(
      String authorization) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            tombstone.endpoint().resolve("/shared/report.csv"))
        .header("Authorization", authorization).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>InvalidArgument</Code><Message>Unsupported"
        + " Authorization Type</Message><ArgumentName>Authorization</ArgumentName><ArgumentValue>"
        + authorization + "</ArgumentValue><RequestId>");
  }

  @Test
  void s3SignatureWithoutARequestTime_isAccessDenied() throws Exception {
    HttpResponse<String> answer = putSigned(signer("s3"),
        Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), "UNSIGNED-PAYLOAD",
        List.of("host", "x-amz-content-sha256", "x-amz-date"), Set.of("x-amz-date"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>AccessDenied</Code><Message>AWS authentication"
        + " requires a valid Date or x-amz-date header</Message>");
    assertThat(tombstone.s3().keys("guarded")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "AWS4- | IncompleteSignatureException | Authorization header requires 'Credential'"
          + " parameter. Authorization header requires 'Signature' parameter. Authorization"
          + " header requires 'SignedHeaders' parameter. Authorization header requires"
          + " existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-",
      "Bearer abc | MissingAuthenticationTokenException | Request is missing Authentication"
          + " Token",
      "`, ,` | MissingAuthenticationTokenException | Request is missing Authentication Token",
      "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb, SignedHeaders=host,"
          + " Signature=00 | IncompleteSignatureException | Authorization header requires"
          + " existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256"
          + " Credential=AKID/20260101/us-east-1/dynamodb, SignedHeaders=host, Signature=00"})
  void dynamoDbUnreadableAuthorizationHeader_isRefusedWithDynamoDbsText(String authorization,
      String type, String message) throws Exception {
    HttpResponse<String> answer = http.send(dynamoDbRequest(tombstone.endpoint())
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo(dynamoDbError(type, message));
  }

  @Test
  void dynamoDbMalformedCredential_isIncompleteSignature_quotingIt() throws Exception {
    HttpResponse<String> answer = http.send(dynamoDbRequest(tombstone.endpoint())
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb,"
            + " SignedHeaders=host, Signature=00")
        .header("X-Amz-Date", signer("dynamodb").amzDate())
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.body()).isEqualTo(dynamoDbError("IncompleteSignatureException",
        "Credential must have exactly 5 slash-delimited elements, e.g."
            + " keyid/date/region/service/term, got 'AKID/20260101/us-east-1/dynamodb'"));
  }

  @Test
  void dynamoDbIncompletePresignQuery_namesEachMissingParameter() throws Exception {
    HttpResponse<String> answer = http.send(dynamoDbRequest(tombstone.endpoint().resolve(
            "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo(dynamoDbError("IncompleteSignatureException", "AWS"
        + " query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters"
        + " must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include"
        + " 'X-Amz-Date'. Re-examine the query-string parameters."));
  }

  private static RawSigner signer(String service) {
    return new RawSigner(KEY, SECRET, service, Instant.now());
  }

  private static String day(String name) {
    Instant now = Instant.now();
    return switch (name) {
      case "yesterday" -> DAY.format(now.minus(1, ChronoUnit.DAYS));
      case "tomorrow" -> DAY.format(now.plus(1, ChronoUnit.DAYS));
      default -> name;
    };
  }

  private static String dynamoDbError(String type, String message) {
    return "{\"__type\":\"com.amazon.coral.service#" + type + "\",\"message\":\""
        + message.replace("\"", "\\\"") + "\"}";
  }

  private HttpResponse<String> getPresigned(String query) throws Exception {
    tombstone.s3().createBucket("shared");
    tombstone.s3().putObject("shared", "report.csv", "a,b");
    return http.send(HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/shared/report.csv?" + query)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * PUTs "payload" to /guarded/k with {@code headers} (and host), signing only {@code signed},
   * then leaving out the headers in {@code dropped}.
   */
  private HttpResponse<String> putSigned(RawSigner signer, Map<String, String> headers,
      String payloadHash, List<String> signed, Set<String> dropped) throws Exception {
    tombstone.s3().createBucket("guarded");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("host", tombstone.endpoint().getAuthority());
    all.putAll(headers);
    RawSigner.Signed signature = signer.sign("PUT", "/guarded/k", all, payloadHash, signed);
    return http.send(request(tombstone.endpoint().resolve("/guarded/k"), signature.headers(),
            dropped).PUT(HttpRequest.BodyPublishers.ofString("payload")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs a ListTables to {@code target} (a path and query), signing only {@code signed}. */
  private HttpResponse<String> postSigned(RawSigner signer, String target, List<String> signed,
      Set<String> dropped) throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", tombstone.endpoint().getAuthority());
    RawSigner.Signed signature =
        signer.sign("POST", "/", headers, RawSigner.sha256(body), signed);
    HttpRequest.Builder request = request(tombstone.endpoint().resolve(target),
        signature.headers(), dropped);
    return http.send(request.header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder dynamoDbRequest(URI uri) {
    return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables");
  }

  private static HttpRequest.Builder request(URI uri, Map<String, String> headers,
      Set<String> dropped) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    headers.forEach((name, value) -> {
      if (!name.equals("host") && !dropped.contains(name)) {
        request.header(name, value);
      }
    });
    return request;
  }
}
