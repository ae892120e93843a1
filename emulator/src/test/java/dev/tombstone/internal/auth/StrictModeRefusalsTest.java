package dev.tombstone.internal.auth;

import static dev.tombstone.internal.auth.StrictClients.KEY;
import static dev.tombstone.internal.auth.StrictClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.SdkGlobalTime;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Strict mode's refusals, each with AWS's exact answer, and no state change. */
class StrictModeRefusalsTest {
  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private Tombstone tombstone;

  // The SDK keeps one clock offset for the whole JVM and moves it on every skew error; each test
  // starts from the true time.
  @BeforeEach
  @AfterEach
  void trueTime() {
    SdkGlobalTime.setGlobalTimeOffset(0);
  }

  @AfterEach
  void stop() {
    if (tombstone != null) {
      tombstone.close();
    }
  }

  private Tombstone strict(Clock clock) {
    tombstone = Tombstone.builder().credentials(KEY, SECRET).clock(clock).start();
    return tombstone;
  }

  @Test
  void dynamoDbRequestSignedAnHourAgo_isSignatureExpired() {
    Instant serverTime = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    strict(Clock.fixed(serverTime, ZoneOffset.UTC));
    try (DynamoDbClient dynamo = StrictClients.dynamoDb(tombstone.endpoint(), KEY, SECRET)) {
      DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class,
          dynamo::listTables);

      assertThat(thrown.statusCode()).isEqualTo(400);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(thrown.awsErrorDetails().errorMessage()).matches(
          "Signature expired: \\d{8}T\\d{6}Z is now earlier than "
              + BASIC.format(serverTime.minus(Duration.ofMinutes(15))) + " \\("
              + BASIC.format(serverTime) + " - 15 min.\\)");
    }
  }

  @Test
  void s3RequestSignedAnHourAgo_isRequestTimeTooSkewed_withS3sFields() {
    Instant serverTime = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    strict(Clock.fixed(serverTime, ZoneOffset.UTC)).s3().createBucket("skewed");
    try (S3Client s3 = StrictClients.s3(tombstone.endpoint(), KEY, SECRET)) {
      S3Exception thrown = catchThrowableOfType(S3Exception.class,
          () -> s3.putObject(p -> p.bucket("skewed").key("k"), RequestBody.fromString("x")));

      assertThat(thrown.statusCode()).isEqualTo(403);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("RequestTimeTooSkewed");
      assertThat(thrown.awsErrorDetails().errorMessage())
          .isEqualTo("The difference between the request time and the current time is too large.");
      assertThat(tombstone.s3().keys("skewed")).isEmpty();
    }
  }

  @Test
  void s3RequestTimeTooSkewed_carriesTheRequestAndServerTimes() throws Exception {
    Instant serverTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    strict(Clock.fixed(serverTime, ZoneOffset.UTC)).s3().createBucket("skewed");
    String requestTime = BASIC.format(serverTime.minus(Duration.ofMinutes(16)));

    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            tombstone.endpoint().resolve("/skewed"))
        .header("X-Amz-Date", requestTime)
        .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/"
            + requestTime.substring(0, 8) + "/us-east-1/s3/aws4_request, SignedHeaders=host;"
            + "x-amz-date, Signature=" + "0".repeat(64))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Error><Code>RequestTimeTooSkewed</Code><Message>The"
        + " difference between the request time and the current time is too large.</Message>"
        + "<RequestTime>" + requestTime + "</RequestTime><ServerTime>" + ISO.format(serverTime)
        + "</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>"
        + "<RequestId>");
    assertThat(tombstone.s3().bucketNames()).containsExactly("skewed");
  }

  @Test
  void expiredPresignedUrl_isAccessDenied_requestHasExpired() throws Exception {
    Instant serverTime = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    strict(Clock.fixed(serverTime, ZoneOffset.UTC)).s3().createBucket("shared");
    tombstone.s3().putObject("shared", "report.csv", "a,b");
    URI url;
    try (S3Presigner presigner = StrictClients.presigner(tombstone.endpoint())) {
      url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket("shared").key("report.csv"))).url().toURI();
    }
    Instant signedAt = Instant.from(BASIC.parse(
        url.getRawQuery().replaceAll(".*X-Amz-Date=([0-9TZ]+).*", "$1")));

    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Error><Code>AccessDenied</Code><Message>Request has"
        + " expired</Message><X-Amz-Expires>300</X-Amz-Expires><Expires>"
        + ISO.format(signedAt.plusSeconds(300)) + "</Expires><ServerTime>"
        + ISO.format(serverTime) + "</ServerTime><RequestId>");
  }

  @Test
  void presignedUrl_withinItsLifetime_isServed_andATamperedOneIsNot() throws Exception {
    strict(Clock.systemUTC()).s3().createBucket("shared");
    tombstone.s3().putObject("shared", "report.csv", "a,b");
    tombstone.s3().putObject("shared", "secret.csv", "s");
    URI url;
    try (S3Presigner presigner = StrictClients.presigner(tombstone.endpoint())) {
      url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket("shared").key("report.csv"))).url().toURI();
    }
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> served = http.send(HttpRequest.newBuilder(url).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(
            URI.create(url.toString().replace("report.csv", "secret.csv"))).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo("a,b");
    assertThat(tampered.statusCode()).isEqualTo(403);
    assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>")
        .contains("<AWSAccessKeyId>" + KEY + "</AWSAccessKeyId>")
        .contains("<CanonicalRequest>GET\n/shared/secret.csv\n");
  }

  @Test
  void tamperedChunk_isSignatureDoesNotMatch_andStoresNothing() throws Exception {
    strict(Clock.systemUTC()).s3().createBucket("chunks");
    try (TamperingProxy proxy = new TamperingProxy(tombstone.port(),
            "ORIGINAL-CHUNK-DATA", "TAMPERED-CHUNK-DATA");
        S3Client s3 = StrictClients.s3(proxy.endpoint(), KEY, SECRET)) {
      S3Exception thrown = catchThrowableOfType(S3Exception.class,
          () -> s3.putObject(p -> p.bucket("chunks").key("k"),
              RequestBody.fromString("payload: ORIGINAL-CHUNK-DATA")));

      assertThat(proxy.sent()).contains("x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-");
      assertThat(thrown.statusCode()).isEqualTo(403);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("The request signature we"
          + " calculated does not match the signature you provided. Check your key and signing"
          + " method.");
      assertThat(proxy.received()).contains("<StringToSign>AWS4-HMAC-SHA256-PAYLOAD\n");
      assertThat(tombstone.s3().keys("chunks")).isEmpty();
    }
  }

  @Test
  void unsignedRequests_areRefused_byBothServices() throws Exception {
    strict(Clock.systemUTC()).s3().createBucket("open");
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> s3 = http.send(HttpRequest.newBuilder(
        tombstone.endpoint().resolve("/open")).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> dynamo = http.send(HttpRequest.newBuilder(tombstone.endpoint())
            .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(s3.statusCode()).isEqualTo(403);
    assertThat(s3.body()).contains("<Code>AccessDenied</Code><Message>Access Denied</Message>");
    assertThat(tombstone.s3().bucketNames()).containsExactly("open");
    assertThat(dynamo.statusCode()).isEqualTo(400);
    assertThat(dynamo.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#"
        + "MissingAuthenticationTokenException\",\"message\":\"Request is missing Authentication"
        + " Token\"}");
  }

  @Test
  void withoutCredentials_nothingIsChecked() throws Exception {
    tombstone = Tombstone.builder().start();
    try (DynamoDbClient dynamo =
        StrictClients.dynamoDb(tombstone.endpoint(), "anything", "at all")) {
      assertThat(dynamo.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void credentials_areCheckedWhenConfigured() {
    Tombstone.Builder builder = Tombstone.builder();

    assertThat(org.assertj.core.api.Assertions.catchThrowable(
            () -> builder.credentials("AK/ID", SECRET)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accessKeyId must be printable ASCII without blanks, ',' or '/' (a SigV4"
            + " Credential cannot carry them), was 'AK/ID'");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> builder.credentials(KEY, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secretAccessKey must not be empty");
  }
}
