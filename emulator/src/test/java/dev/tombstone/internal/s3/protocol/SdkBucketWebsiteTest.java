package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.Protocol;
import software.amazon.awssdk.services.s3.model.RoutingRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.WebsiteConfiguration;

/** Bucket website configurations through the SDK v2: validated, stored, returned, not served. */
class SdkBucketWebsiteTest {
  private static final String BUCKET = "site";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final ErrorDocuments errors = new ErrorDocuments();
  private final S3Client s3 = S3Client.builder()
      .endpointOverride(tombstone.endpoint())
      .region(Region.US_EAST_1)
      .forcePathStyle(true)
      .credentialsProvider(AnonymousCredentialsProvider.create())
      .overrideConfiguration(o -> o.addExecutionInterceptor(errors))
      .build();

  @AfterEach
  void closeClient() {
    s3.close();
  }

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static final RoutingRule DOCS = RoutingRule.builder()
      .condition(c -> c.keyPrefixEquals("docs/"))
      .redirect(r -> r.replaceKeyPrefixWith("documents/").httpRedirectCode("301")).build();
  private static final RoutingRule NOT_FOUND = RoutingRule.builder()
      .condition(c -> c.httpErrorCodeReturnedEquals("404"))
      .redirect(r -> r.hostName("example.com").protocol(Protocol.HTTPS)
          .replaceKeyWith("missing.html")).build();

  private void put(Consumer<WebsiteConfiguration.Builder> website) {
    s3.putBucketWebsite(b -> b.bucket(BUCKET).websiteConfiguration(website));
  }

  @Test
  void putThenGet_returnsTheSite_inTheDocumentedElementOrder() throws Exception {
    put(w -> w.indexDocument(i -> i.suffix("index.html")).errorDocument(e -> e.key("err.html"))
        .routingRules(DOCS, NOT_FOUND));

    GetBucketWebsiteResponse got = s3.getBucketWebsite(b -> b.bucket(BUCKET));
    assertThat(got.indexDocument().suffix()).isEqualTo("index.html");
    assertThat(got.errorDocument().key()).isEqualTo("err.html");
    assertThat(got.routingRules()).containsExactly(DOCS, NOT_FOUND);
    assertThat(got.redirectAllRequestsTo()).isNull();
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(tombstone.endpoint() + "/" + BUCKET + "?website")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(raw.body()).contains("<WebsiteConfiguration xmlns=\"http://s3.amazonaws.com/doc/"
        + "2006-03-01/\"><IndexDocument><Suffix>index.html</Suffix></IndexDocument>"
        + "<ErrorDocument><Key>err.html</Key></ErrorDocument><RoutingRules><RoutingRule>"
        + "<Condition><KeyPrefixEquals>docs/</KeyPrefixEquals></Condition><Redirect>"
        + "<HttpRedirectCode>301</HttpRedirectCode><ReplaceKeyPrefixWith>documents/"
        + "</ReplaceKeyPrefixWith></Redirect></RoutingRule><RoutingRule><Condition>"
        + "<HttpErrorCodeReturnedEquals>404</HttpErrorCodeReturnedEquals></Condition><Redirect>"
        + "<HostName>example.com</HostName><Protocol>https</Protocol><ReplaceKeyWith>"
        + "missing.html</ReplaceKeyWith></Redirect></RoutingRule></RoutingRules>"
        + "</WebsiteConfiguration>");
  }

  @Test
  void redirectAllRequests_isStoredAlone_andDeleteIsIdempotent() {
    expectError(() -> s3.getBucketWebsite(b -> b.bucket(BUCKET)), 404,
        "NoSuchWebsiteConfiguration", "The specified bucket does not have a website"
            + " configuration");
    put(w -> w.redirectAllRequestsTo(r -> r.hostName("www.example.com").protocol("https")));

    GetBucketWebsiteResponse got = s3.getBucketWebsite(b -> b.bucket(BUCKET));
    assertThat(got.redirectAllRequestsTo().hostName()).isEqualTo("www.example.com");
    assertThat(got.redirectAllRequestsTo().protocol()).isEqualTo(Protocol.HTTPS);
    assertThat(got.indexDocument()).isNull();

    s3.deleteBucketWebsite(b -> b.bucket(BUCKET));
    s3.deleteBucketWebsite(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().bucketWebsite(BUCKET)).isEmpty();
  }

  private static Arguments refusal(Consumer<WebsiteConfiguration.Builder> website, String code,
      String message, String element) {
    return Arguments.of(website, code, message, element);
  }

  static Stream<Arguments> refused() {
    Consumer<WebsiteConfiguration.Builder> index = w -> w.indexDocument(i -> i.suffix("i.html"));
    return Stream.of(
        refusal(w -> { }, "InvalidArgument",
            "A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is"
                + " empty", "<ArgumentName>IndexDocument</ArgumentName><ArgumentValue>null"),
        refusal(
            w -> w.indexDocument(i -> i.suffix("a/index.html")), "InvalidArgument",
            "The IndexDocument Suffix is not well formed",
            "<ArgumentValue>a/index.html</ArgumentValue>"),
        refusal(
            w -> w.indexDocument(i -> i.suffix("")), "InvalidArgument",
            "The IndexDocument Suffix is not well formed", "<ArgumentName>IndexDocument"),
        refusal(index.andThen(
            w -> w.redirectAllRequestsTo(r -> r.hostName("example.com"))), "InvalidArgument",
            "RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.",
            "<ArgumentValue>not null</ArgumentValue>"),
        refusal(
            w -> w.redirectAllRequestsTo(r -> r.hostName("example.com").protocol("ftp")),
            "InvalidRequest", "Invalid protocol, protocol can be http or https. If not defined"
                + " the protocol will be selected automatically.", ""),
        refusal(
            w -> w.redirectAllRequestsTo(r -> r.hostName("")), "InvalidRequest",
            "A host name must be provided to redirect all requests (e.g. \"example.com\").", ""),
        refusal(index.andThen(w -> w.routingRules(
            RoutingRule.builder().condition(c -> c.build()).redirect(r -> r.hostName("h"))
                .build())), "InvalidRequest", "Condition cannot be empty. To redirect all"
                + " requests without a condition, the condition element shouldn't be present.",
            ""),
        refusal(index.andThen(w -> w.routingRules(
            RoutingRule.builder().redirect(r -> r.replaceKeyWith("a").replaceKeyPrefixWith("b"))
                .build())), "InvalidRequest",
            "You can only define ReplaceKeyPrefix or ReplaceKey but not both.", ""),
        refusal(index.andThen(w -> w.routingRules(
            RoutingRule.builder().redirect(r -> r.httpRedirectCode("300")).build())),
            "InvalidRequest",
            "The provided HTTP redirect code (300) is not valid. Valid codes are 3XX except 300.",
            ""),
        refusal(index.andThen(w -> w.routingRules(
            RoutingRule.builder().condition(c -> c.httpErrorCodeReturnedEquals("302"))
                .redirect(r -> r.hostName("h")).build())), "InvalidRequest",
            "The provided HTTP error code (302) is not valid. Valid codes are 4XX or 5XX.", ""),
        refusal(index.andThen(w -> w.routingRules(
            Collections.nCopies(51, DOCS))), "InvalidRequest",
            "51 routing rules provided, the number of routing rules in a website configuration"
                + " is limited to 50.", ""),
        refusal(index.andThen(w -> w.routingRules(
            RoutingRule.builder().redirect(r -> r.httpRedirectCode("3o1")).build())),
            "MalformedXML", WireError.MALFORMED_XML, ""));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void aConfigurationS3Refuses_answersS3sError_andChangesNothing(
      Consumer<WebsiteConfiguration.Builder> website, String code, String message,
      String element) {
    put(w -> w.indexDocument(i -> i.suffix("index.html")));

    expectError(() -> put(website), 400, code, message);

    assertThat(s3.getBucketWebsite(b -> b.bucket(BUCKET)).indexDocument().suffix())
        .isEqualTo("index.html");
    assertThat(errors.last).contains(element);
  }

  @Test
  void documentsTheSdkWouldNotSend_areMalformedXml_andNoDigestIsInvalidRequest()
      throws Exception {
    for (String document : List.of("not xml", "<WebsiteConfiguration><IndexDocument/>"
            + "</WebsiteConfiguration>",
        "<WebsiteConfiguration><IndexDocument><Suffix>i.html</Suffix></IndexDocument>"
            + "<Colour>blue</Colour></WebsiteConfiguration>",
        "<WebsiteConfiguration><IndexDocument><Suffix>i.html</Suffix></IndexDocument>"
            + "<RoutingRules/></WebsiteConfiguration>",
        "<WebsiteConfiguration><IndexDocument><Suffix>i.html</Suffix></IndexDocument>"
            + "<RoutingRules><RoutingRule/></RoutingRules></WebsiteConfiguration>")) {
      HttpResponse<String> answer = putRaw(document, true);

      assertThat(answer.statusCode()).as(document).isEqualTo(400);
      assertThat(answer.body()).as(document).contains("<Code>MalformedXML</Code>");
    }
    HttpResponse<String> undigested = putRaw("<WebsiteConfiguration><IndexDocument><Suffix>i.html</Suffix></IndexDocument>"
            + "</WebsiteConfiguration>", false);
    assertThat(undigested.body()).contains("<Code>InvalidRequest</Code>");
    assertThat(tombstone.s3().bucketWebsite(BUCKET)).isEmpty();
  }

  @Test
  void everyOperation_onAMissingBucket_isNoSuchBucket_andTheSiteDiesWithReset() {
    for (ThrowingCallable call : new ThrowingCallable[] {
        () -> s3.getBucketWebsite(b -> b.bucket("missing")),
        () -> s3.putBucketWebsite(b -> b.bucket("missing")
            .websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html")))),
        () -> s3.deleteBucketWebsite(b -> b.bucket("missing"))}) {
      expectError(call, 404, "NoSuchBucket", "The specified bucket does not exist");
    }
    put(w -> w.indexDocument(i -> i.suffix("index.html")));
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));

    assertThat(tombstone.s3().bucketWebsite(BUCKET)).isEmpty();
  }

  private static void expectError(ThrowingCallable call, int status, String code,
      String message) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, call);

    assertThat(thrown).as("%s expected", code).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(status);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  private HttpResponse<String> putRaw(String document, boolean digest) throws Exception {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create(tombstone.endpoint() + "/" + BUCKET + "?website"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (digest) {
      request.header("Content-MD5", Base64.getEncoder()
          .encodeToString(MessageDigest.getInstance("MD5").digest(bytes)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Keeps the last error document, for the elements the SDK's exception does not expose. */
  private static final class ErrorDocuments implements ExecutionInterceptor {
    private volatile String last = "";

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
        ExecutionAttributes attributes) {
      Optional<InputStream> body = context.responseBody();
      if (body.isEmpty() || context.httpResponse().isSuccessful()) {
        return body;
      }
      try {
        byte[] document = body.get().readAllBytes();
        last = new String(document, StandardCharsets.UTF_8);
        return Optional.of(new ByteArrayInputStream(document));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
