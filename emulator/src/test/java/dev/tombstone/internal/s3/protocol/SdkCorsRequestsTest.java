package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.CorsRule;
import dev.tombstone.testing.RunningTombstone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A bucket's CORS configuration on the wire: preflight {@code OPTIONS} answers and the
 * {@code Access-Control-*} headers of cross-origin requests, with the answers S3 was recorded
 * giving.
 */
class SdkCorsRequestsTest {
  private static final String BUCKET = "site";
  private static final String KEY = "page.txt";
  private static final String ORIGIN = "https://app.example.com";
  private static final String VARY =
      "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
  private static final String NOT_ALLOWED = "CORSResponse: This CORS request is not allowed."
      + " This is usually because the evalution of Origin, request method /"
      + " Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by"
      + " the resource's CORS spec.";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucketWithAnObject() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromString("hello"));
  }

  private void cors(CORSRule... rules) {
    s3.putBucketCors(b -> b.bucket(BUCKET).corsConfiguration(c -> c.corsRules(rules)));
  }

  private static CORSRule.Builder rule(String origin, String... methods) {
    return CORSRule.builder().allowedOrigins(origin).allowedMethods(methods);
  }

  @Test
  void preflight_ofAnAllowedOrigin_answersTheRulesHeaders_withCredentials() {
    cors(rule(ORIGIN, "GET", "PUT").allowedHeaders("*").exposeHeaders("ETag", "x-amz-version-id")
        .maxAgeSeconds(3000).build());

    HttpResponse<String> answer = options("/" + BUCKET + "/" + KEY,
        "Origin", ORIGIN, "Access-Control-Request-Method", "PUT");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    assertThat(corsHeaders(answer)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "access-control-allow-origin", ORIGIN,
        "access-control-allow-methods", "GET, PUT",
        "access-control-expose-headers", "ETag, x-amz-version-id",
        "access-control-max-age", "3000",
        "access-control-allow-credentials", "true"));
    assertThat(answer.headers().firstValue("Vary")).contains(VARY);
  }

  @Test
  void preflight_ofARuleForAnyOrigin_answersStar_withoutCredentials() {
    cors(rule("*", "GET").build());

    HttpResponse<String> answer = options("/" + BUCKET + "/" + KEY,
        "Origin", "http://localhost:4200", "Access-Control-Request-Method", "GET");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(corsHeaders(answer)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "access-control-allow-origin", "*",
        "access-control-allow-methods", "GET"));
  }

  @Test
  void preflight_matchesAWildcardOrigin_caseSensitively() {
    cors(rule("https://*.example.com", "PUT").build());

    assertThat(options("/" + BUCKET + "/new", "Origin", "https://a.b.example.com",
        "Access-Control-Request-Method", "PUT").headers()
        .firstValue("Access-Control-Allow-Origin")).contains("https://a.b.example.com");
    assertForbidden(options("/" + BUCKET + "/new", "Origin", "https://APP.EXAMPLE.COM",
        "Access-Control-Request-Method", "PUT"), NOT_ALLOWED, "PUT", "OBJECT");
    assertForbidden(options("/" + BUCKET + "/new", "Origin", "http://app.example.com",
        "Access-Control-Request-Method", "PUT"), NOT_ALLOWED, "PUT", "OBJECT");
  }

  @Test
  void preflight_requestedHeaders_matchCaseInsensitively_andComeBackLowerCased() {
    cors(rule(ORIGIN, "PUT").allowedHeaders("Content-Type", "x-amz-meta-*").build());

    HttpResponse<String> allowed = options("/" + BUCKET + "/new", "Origin", ORIGIN,
        "Access-Control-Request-Method", "PUT",
        "Access-Control-Request-Headers", "content-type, X-Amz-Meta-Owner");

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers"))
        .contains("content-type, x-amz-meta-owner");
    assertForbidden(options("/" + BUCKET + "/new", "Origin", ORIGIN,
        "Access-Control-Request-Method", "PUT",
        "Access-Control-Request-Headers", "content-type, x-amz-acl"), NOT_ALLOWED, "PUT",
        "OBJECT");
  }

  @Test
  void preflight_aRuleWithoutAllowedHeaders_refusesAnyRequestedHeader() {
    cors(rule("*", "GET").build());

    assertForbidden(options("/" + BUCKET, "Origin", ORIGIN, "Access-Control-Request-Method",
        "GET", "Access-Control-Request-Headers", "x-amz-request-payer"), NOT_ALLOWED, "GET",
        "BUCKET");
  }

  @Test
  void preflight_theFirstMatchingRuleWins() {
    cors(rule(ORIGIN, "DELETE").build(), rule(ORIGIN, "GET", "PUT").maxAgeSeconds(10).build(),
        rule("*", "PUT").maxAgeSeconds(20).build());

    HttpResponse<String> answer = options("/" + BUCKET + "/" + KEY, "Origin", ORIGIN,
        "Access-Control-Request-Method", "PUT");

    assertThat(answer.headers().firstValue("Access-Control-Max-Age")).contains("10");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, PUT");
  }

  @Test
  void preflight_refusals_inS3sOrder() {
    assertError(options("/" + BUCKET + "/" + KEY, "Access-Control-Request-Method", "GET"), 400,
        "BadRequest", "Insufficient information. Origin request header needed.");
    assertForbidden(options("/no-such-bucket/" + KEY, "Origin", ORIGIN),
        "CORSResponse: Bucket not found", "OPTIONS", "BUCKET");
    assertForbidden(options("/" + BUCKET + "/" + KEY, "Origin", ORIGIN,
        "Access-Control-Request-Method", "PUT"),
        "CORSResponse: CORS is not enabled for this bucket.", "PUT", "BUCKET");
    assertForbidden(options("/" + BUCKET + "/" + KEY, "Origin", ORIGIN),
        "CORSResponse: CORS is not enabled for this bucket.", "OPTIONS", "BUCKET");

    cors(rule(ORIGIN, "GET").build());

    assertError(options("/" + BUCKET + "/" + KEY, "Origin", ORIGIN), 400, "BadRequest",
        "Invalid Access-Control-Request-Method: null");
    assertError(options("/" + BUCKET + "/" + KEY, "Origin", ORIGIN,
        "Access-Control-Request-Method", "PATCH"), 400, "BadRequest",
        "Invalid Access-Control-Request-Method: PATCH");
    assertForbidden(options("/" + BUCKET + "/" + KEY, "Origin", ORIGIN,
        "Access-Control-Request-Method", "PUT"), NOT_ALLOWED, "PUT", "OBJECT");
  }

  @Test
  void preflight_toAPresignedUrlsQuery_isAnsweredWithoutCheckingIt() {
    cors(rule(ORIGIN, "PUT").build());

    HttpResponse<String> answer = options("/" + BUCKET + "/new?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Date=20000101T000000Z&X-Amz-Expires=1", "Origin", ORIGIN,
        "Access-Control-Request-Method", "PUT");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void getObject_fromAnAllowedOrigin_carriesTheRulesHeaders() {
    cors(rule(ORIGIN, "GET").exposeHeaders("ETag").maxAgeSeconds(600).build());

    ResponseBytes<GetObjectResponse> read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(KEY)
        .overrideConfiguration(o -> o.putHeader("Origin", ORIGIN)));

    assertThat(read.asUtf8String()).isEqualTo("hello");
    Map<String, List<String>> headers = read.response().sdkHttpResponse().headers();
    assertThat(headers).containsEntry("Access-Control-Allow-Origin", List.of(ORIGIN))
        .containsEntry("Access-Control-Allow-Methods", List.of("GET"))
        .containsEntry("Access-Control-Expose-Headers", List.of("ETag"))
        .containsEntry("Access-Control-Max-Age", List.of("600"))
        .containsEntry("Access-Control-Allow-Credentials", List.of("true"))
        .containsEntry("Vary", List.of(VARY));
  }

  @Test
  void requests_thatNoRuleAllows_runWithoutCorsHeaders() {
    cors(rule(ORIGIN, "GET").build());

    ResponseBytes<GetObjectResponse> otherOrigin = s3.getObjectAsBytes(b -> b.bucket(BUCKET)
        .key(KEY).overrideConfiguration(o -> o.putHeader("Origin", "https://evil.example")));
    s3.putObject(b -> b.bucket(BUCKET).key("put.txt")
        .overrideConfiguration(o -> o.putHeader("Origin", ORIGIN)), RequestBody.fromString("x"));
    HttpResponse<String> namedPut = send("GET", "/" + BUCKET + "/" + KEY, "Origin", ORIGIN,
        "Access-Control-Request-Method", "PUT");
    ResponseBytes<GetObjectResponse> noOrigin =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(KEY));

    assertThat(otherOrigin.asUtf8String()).isEqualTo("hello");
    assertThat(otherOrigin.response().sdkHttpResponse().headers().keySet())
        .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    assertThat(tombstone.s3().currentObject(BUCKET, "put.txt")).isPresent();
    assertThat(namedPut.statusCode()).isEqualTo(200);
    assertThat(corsHeaders(namedPut)).isEmpty();
    assertThat(noOrigin.response().sdkHttpResponse().headers().keySet())
        .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
  }

  @Test
  void errorAnswers_toAnAllowedOrigin_carryTheHeadersToo() {
    cors(rule("*", "GET").build());

    HttpResponse<String> missing = send("GET", "/" + BUCKET + "/missing", "Origin", ORIGIN);

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }

  @Test
  void preflight_inStrictMode_needsNoSignature() {
    try (Tombstone strict = Tombstone.builder().credentials("AKIDEXAMPLE", "secret").start()) {
      strict.s3().createBucket(BUCKET);
      strict.s3().putBucketCors(BUCKET, Optional.of(List.of(new CorsRule(Optional.empty(),
          List.of("PUT"), List.of(ORIGIN), List.of("*"), Optional.empty(), List.of()))));

      HttpResponse<String> preflight = send(strict, "OPTIONS", "/" + BUCKET + "/new",
          "Origin", ORIGIN, "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", "content-type");
      HttpResponse<String> unsignedPut = send(strict, "PUT", "/" + BUCKET + "/new",
          "Origin", ORIGIN);

      assertThat(preflight.statusCode()).as(preflight.body()).isEqualTo(200);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
      assertError(unsignedPut, 403, "AccessDenied", "Access Denied");
      assertThat(strict.s3().currentObject(BUCKET, "new")).isEmpty();
    }
  }

  private static Map<String, String> corsHeaders(HttpResponse<String> answer) {
    Map<String, String> cors = new java.util.TreeMap<>();
    answer.headers().map().forEach((name, values) -> {
      if (name.toLowerCase().startsWith("access-control-")) {
        cors.put(name.toLowerCase(), String.join(",", values));
      }
    });
    return cors;
  }

  private static void assertForbidden(HttpResponse<String> answer, String message, String method,
      String resourceType) {
    assertError(answer, 403, "AccessForbidden", message);
    assertThat(answer.body()).contains("<Method>" + method + "</Method><ResourceType>"
        + resourceType + "</ResourceType>");
    assertThat(corsHeaders(answer)).isEmpty();
  }

  private static void assertError(HttpResponse<String> answer, int status, String code,
      String message) {
    RawBucketRequests.assertError(answer, status, code, message);
  }

  private HttpResponse<String> options(String path, String... headers) {
    return send("OPTIONS", path, headers);
  }

  private HttpResponse<String> send(String method, String path, String... headers) {
    return send(tombstone, method, path, headers);
  }

  private static HttpResponse<String> send(Tombstone target, String method, String path,
      String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.endpoint() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
