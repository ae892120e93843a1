package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket CORS configurations through the SDK v2: validated as S3 does, stored, returned. */
class SdkBucketCorsTest {
  private static final String BUCKET = "cors";
  private static final String MALFORMED = WireError.MALFORMED_XML;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static final CORSRule FULL = CORSRule.builder().id("site")
      .allowedOrigins("https://example.com", "https://*.example.org")
      .allowedMethods("GET", "PUT", "HEAD", "POST", "DELETE")
      .allowedHeaders("Authorization", "x-amz-*").exposeHeaders("ETag")
      .maxAgeSeconds(3000).build();
  private static final CORSRule MINIMAL =
      CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build();

  private void put(CORSRule... rules) {
    s3.putBucketCors(b -> b.bucket(BUCKET).corsConfiguration(c -> c.corsRules(rules)));
  }

  @Test
  void putThenGet_returnsTheRules_inS3sElementOrder() throws Exception {
    put(FULL, MINIMAL);

    assertThat(s3.getBucketCors(b -> b.bucket(BUCKET)).corsRules()).containsExactly(FULL, MINIMAL);
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(tombstone.endpoint() + "/" + BUCKET + "?cors")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(raw.body()).contains("<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/"
        + "2006-03-01/\"><CORSRule><ID>site</ID><AllowedMethod>GET</AllowedMethod>"
        + "<AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>"
        + "<AllowedMethod>POST</AllowedMethod><AllowedMethod>DELETE</AllowedMethod>"
        + "<AllowedOrigin>https://example.com</AllowedOrigin>"
        + "<AllowedOrigin>https://*.example.org</AllowedOrigin>"
        + "<AllowedHeader>Authorization</AllowedHeader><AllowedHeader>x-amz-*</AllowedHeader>"
        + "<MaxAgeSeconds>3000</MaxAgeSeconds><ExposeHeader>ETag</ExposeHeader></CORSRule>"
        + "<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin>"
        + "</CORSRule></CORSConfiguration>");
    assertThat(tombstone.s3().bucketCors(BUCKET).orElseThrow().get(0).maxAgeSeconds())
        .contains(3000);
  }

  @Test
  void headerNames_withEveryHttpTokenCharacter_andOneHundredRules_areAccepted() {
    CORSRule symbols = MINIMAL.toBuilder().allowedHeaders("x-amz-meta-*", "!#$%&'+-.^_`|~09az")
        .exposeHeaders("x-amz-request-id", "X-Custom_Header.1").build();
    List<CORSRule> hundred = Stream.concat(Stream.of(symbols),
        Collections.nCopies(99, MINIMAL).stream()).toList();

    s3.putBucketCors(b -> b.bucket(BUCKET).corsConfiguration(c -> c.corsRules(hundred)));

    assertThat(s3.getBucketCors(b -> b.bucket(BUCKET)).corsRules()).hasSize(100)
        .first().isEqualTo(symbols);
  }

  @Test
  void noConfiguration_isNoSuchCorsConfiguration_beforePutAndAfterDelete() {
    expectError(() -> s3.getBucketCors(b -> b.bucket(BUCKET)), 404, "NoSuchCORSConfiguration",
        "The CORS configuration does not exist");
    put(MINIMAL);

    s3.deleteBucketCors(b -> b.bucket(BUCKET));
    s3.deleteBucketCors(b -> b.bucket(BUCKET));

    expectError(() -> s3.getBucketCors(b -> b.bucket(BUCKET)), 404, "NoSuchCORSConfiguration",
        "The CORS configuration does not exist");
  }

  static Stream<Arguments> refused() {
    CORSRule.Builder base = MINIMAL.toBuilder();
    return Stream.of(
        Arguments.of(List.of(base.copy().allowedMethods("GET", "PATCH").build()),
            "InvalidRequest",
            "Found unsupported HTTP method in CORS config. Unsupported method is PATCH"),
        Arguments.of(List.of(base.copy().allowedMethods("get").build()), "InvalidRequest",
            "Found unsupported HTTP method in CORS config. Unsupported method is get"),
        Arguments.of(List.of(MINIMAL, base.copy().allowedOrigins("https://*.example.*").build()),
            "InvalidRequest",
            "AllowedOrigin \"https://*.example.*\" can not have more than one wildcard."),
        Arguments.of(List.of(base.copy().allowedHeaders("x-*-meta-*").build()), "InvalidRequest",
            "AllowedHeader \"x-*-meta-*\" can not have more than one wildcard."),
        Arguments.of(List.of(base.copy().exposeHeaders("*").build()), "InvalidRequest",
            "ExposeHeader \"*\" contains wildcard. We currently do not support wildcard for"
                + " ExposeHeader."),
        Arguments.of(List.of(), "MalformedXML", MALFORMED),
        Arguments.of(Collections.nCopies(101, MINIMAL), "InvalidRequest",
            "The number of CORS rules should not exceed allowed limit of 100 rules."),
        Arguments.of(List.of(base.copy().allowedHeaders("Bad/Header").build()), "InvalidRequest",
            "AllowedHeader \"Bad/Header\" contains invalid character."),
        Arguments.of(List.of(base.copy().allowedHeaders("Invalid Header").build()),
            "InvalidRequest", "AllowedHeader \"Invalid Header\" contains invalid character."),
        Arguments.of(List.of(base.copy().allowedHeaders("X\"Quote\"").build()),
            "InvalidRequest", "AllowedHeader \"X\"Quote\"\" contains invalid character."),
        // S3 says AllowedHeader for a bad ExposeHeader too.
        Arguments.of(List.of(base.copy().exposeHeaders("X[Key]").build()), "InvalidRequest",
            "AllowedHeader \"X[Key]\" contains invalid character."),
        Arguments.of(List.of(base.copy().exposeHeaders("Bad=Name").build()), "InvalidRequest",
            "AllowedHeader \"Bad=Name\" contains invalid character."),
        // The rule count is checked after the schema: a broken rule among 101 is MalformedXML.
        Arguments.of(Stream.concat(Collections.nCopies(100, MINIMAL).stream(),
            Stream.of(CORSRule.builder().allowedMethods("GET").build())).toList(),
            "MalformedXML", MALFORMED),
        Arguments.of(List.of(CORSRule.builder().allowedOrigins("*").build()), "MalformedXML",
            MALFORMED),
        Arguments.of(List.of(CORSRule.builder().allowedMethods("GET").build()), "MalformedXML",
            MALFORMED),
        Arguments.of(List.of(base.copy().id("a".repeat(256)).build()), "MalformedXML",
            MALFORMED),
        Arguments.of(List.of(base.copy().maxAgeSeconds(-1).build()), "MalformedXML", MALFORMED),
        // Structure first: a rule without an origin outranks a bad method in another rule.
        Arguments.of(List.of(base.copy().allowedMethods("PATCH").build(),
            CORSRule.builder().allowedMethods("GET").build()), "MalformedXML", MALFORMED));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void aConfigurationS3Refuses_answersS3sError_andChangesNothing(List<CORSRule> rules,
      String code, String message) {
    put(FULL);

    expectError(() -> s3.putBucketCors(b -> b.bucket(BUCKET)
        .corsConfiguration(c -> c.corsRules(rules))), 400, code, message);

    assertThat(s3.getBucketCors(b -> b.bucket(BUCKET)).corsRules()).containsExactly(FULL);
  }

  @Test
  void documentsTheSdkWouldNotSend_areMalformedXml_andNoDigestIsInvalidRequest()
      throws Exception {
    String rule = "<AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin>";
    for (String document : List.of("not xml", "<CORSRules><CORSRule>" + rule
            + "</CORSRule></CORSRules>",
        "<CORSConfiguration><CORSRule>" + rule + "<AllowedHeaders>*</AllowedHeaders>"
            + "</CORSRule></CORSConfiguration>",
        "<CORSConfiguration><CORSRule>" + rule + "<MaxAgeSeconds>1e3</MaxAgeSeconds>"
            + "</CORSRule></CORSConfiguration>",
        "<CORSConfiguration><CORSRule>" + rule + "</CORSRule><Owner>me</Owner>"
            + "</CORSConfiguration>")) {
      HttpResponse<String> answer = putRaw(document, true);

      assertThat(answer.statusCode()).as(document).isEqualTo(400);
      assertThat(answer.body()).as(document).contains("<Code>MalformedXML</Code>");
    }
    HttpResponse<String> undigested = putRaw("<CORSConfiguration><CORSRule>" + rule
        + "</CORSRule></CORSConfiguration>", false);
    assertThat(undigested.statusCode()).isEqualTo(400);
    assertThat(undigested.body()).contains("<Code>InvalidRequest</Code>", "<Message>"
        + BucketOperations.MISSING_INTEGRITY_HEADER + "</Message>");
    assertThat(tombstone.s3().bucketCors(BUCKET)).isEmpty();
  }

  @Test
  void everyOperation_onAMissingBucket_isNoSuchBucket() {
    for (ThrowingCallable call : new ThrowingCallable[] {
        () -> s3.getBucketCors(b -> b.bucket("missing")),
        () -> s3.putBucketCors(b -> b.bucket("missing")
            .corsConfiguration(c -> c.corsRules(MINIMAL))),
        () -> s3.deleteBucketCors(b -> b.bucket("missing"))}) {
      expectError(call, 404, "NoSuchBucket", "The specified bucket does not exist");
    }
  }

  @Test
  void theRules_dieWithTheirBucket_andWithReset() {
    put(MINIMAL);
    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().bucketCors(BUCKET)).isEmpty();

    put(MINIMAL);
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));

    assertThat(tombstone.s3().bucketCors(BUCKET)).isEqualTo(Optional.empty());
  }

  private HttpResponse<String> putRaw(String document, boolean digest) throws Exception {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create(tombstone.endpoint() + "/" + BUCKET + "?cors"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (digest) {
      request.header("Content-MD5", Base64.getEncoder()
          .encodeToString(MessageDigest.getInstance("MD5").digest(bytes)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expectError(ThrowingCallable call, int status, String code,
      String message) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, call);

    assertThat(thrown).as("%s expected", code).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(status);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
  }
}
