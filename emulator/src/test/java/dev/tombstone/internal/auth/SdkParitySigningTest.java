package dev.tombstone.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.AwsS3V4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The SDK for Java v2's S3 signer integration tests (EmptyQueryStringSigner,
 * SigningExcludeHeaders, AwsS3V4Signer) and DynamoDB's SignersIntegrationTest, replayed with
 * signatures checked: raw query parameters
 * with an empty name, headers left out of the signature on purpose, and the signer choice S3
 * needs ({@code AwsS3V4Signer}; the generic {@code Aws4Signer} sends no payload hash).
 */
class SdkParitySigningTest {
  private static final String BUCKET = "signed";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(
      b -> b.credentials(StrictClients.KEY, StrictClients.SECRET));

  private S3Client client(java.util.function.Consumer<
      software.amazon.awssdk.services.s3.S3ClientBuilder> settings) {
    var builder = S3Client.builder().endpointOverride(server.tombstone().endpoint())
        .region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StrictClients.credentials(StrictClients.KEY, StrictClients.SECRET));
    settings.accept(builder);
    return builder.build();
  }

  @Test
  void rawQueryParametersWithAnEmptyName_areLeftOutOfTheSignature_asS3LeavesThemOut() {
    try (S3Client s3 = client(b -> { })) {
      s3.createBucket(b -> b.bucket(BUCKET));

      for (String value : new String[] {null, "foo", ""}) {
        assertThat(s3.listBuckets(r -> r.overrideConfiguration(
            c -> c.putRawQueryParameter("", value))).buckets()).hasSize(1);
      }
    }
  }

  @Test
  void headersExcludedFromTheSignature_areAccepted_whenTheyAreNotAmzHeaders() {
    Recorder recorder = new Recorder();
    try (S3Client s3 = client(b -> b
        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
        .putAuthScheme(new UnsignedHeadersScheme(List.of("header1", "header3"))))) {
      s3.createBucket(b -> b.bucket(BUCKET));

      s3.putObject(r -> r.bucket(BUCKET).key("test.txt").overrideConfiguration(o -> o
          .putHeader("header1", "value1").putHeader("header2", "value2")
          .putHeader("header3", "value3")), RequestBody.fromString("test"));

      assertThat(recorder.signedHeaders).contains("header2").doesNotContain("header1", "header3");
      assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("test.txt")).asUtf8String())
          .isEqualTo("test");
    }
  }

  @Test
  @SuppressWarnings("deprecation") // the signers these tests name are the deprecated ones
  void theS3Signer_isServed_andTheGenericSigner_isRefusedForItsMissingPayloadHash() {
    try (S3Client s3 = client(b -> b.overrideConfiguration(o -> o.putAdvancedOption(
        SdkAdvancedClientOption.SIGNER, AwsS3V4Signer.create())));
         S3Client generic = client(b -> b.overrideConfiguration(o -> o.putAdvancedOption(
             SdkAdvancedClientOption.SIGNER, Aws4Signer.create())))) {
      s3.createBucket(b -> b.bucket(BUCKET));
      s3.putObject(r -> r.bucket(BUCKET).key("test-key"), RequestBody.fromString("Hello world"));

      assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("test-key")).asUtf8String())
          .isEqualTo("Hello world");
      S3Exception refused = catchThrowableOfType(S3Exception.class,
          () -> generic.getObjectAsBytes(r -> r.bucket(BUCKET).key("test-key")));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorMessage())
          .isEqualTo("Missing required header for this request: x-amz-content-sha256");
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void dynamoDb_signedByTheGenericSigner_inTheClientOrByHand_isServed() throws Exception {
    java.net.URI endpoint = server.tombstone().endpoint();
    try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StrictClients.credentials(StrictClients.KEY, StrictClients.SECRET))
        .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.SIGNER,
            Aws4Signer.create()))
        .build();
         SdkHttpClient http = ApacheHttpClient.builder().build()) {
      dynamo.createTable(b -> b.tableName("signed").billingMode("PAY_PER_REQUEST")
          .keySchema(k -> k.attributeName("hashKey").keyType("HASH"))
          .attributeDefinitions(a -> a.attributeName("hashKey").attributeType("S")));
      dynamo.putItem(b -> b.tableName("signed").item(Map.of("hashKey",
          AttributeValue.fromS("123789"), "foo", AttributeValue.fromS("bar"))));

      String content = "{\"TableName\":\"signed\",\"Key\":{\"hashKey\":{\"S\":\"123789\"}}}";
      SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
          .uri(endpoint).encodedPath("/")
          .putHeader("Content-Type", "application/x-amz-json-1.0")
          .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
          .contentStreamProvider(() -> new java.io.ByteArrayInputStream(
              content.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .build();
      SdkHttpFullRequest signed = Aws4Signer.create().sign(request, Aws4SignerParams.builder()
          .awsCredentials(StrictClients.credentials(StrictClients.KEY, StrictClients.SECRET)
              .resolveCredentials())
          .signingName("dynamodb").signingRegion(Region.US_EAST_1).build());
      HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
          .request(signed).contentStreamProvider(signed.contentStreamProvider().orElse(null))
          .build()).call();

      assertThat(response.httpResponse().statusCode()).isEqualTo(200);
      assertThat(new String(response.responseBody().orElseThrow().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8)).contains("\"foo\":{\"S\":\"bar\"}",
          "\"hashKey\":{\"S\":\"123789\"}");
    }
  }

  /** SigV4 that signs a request without some of its headers and then sends them along. */
  private record UnsignedHeadersScheme(List<String> excluded)
      implements AuthScheme<AwsCredentialsIdentity> {
    @Override
    public String schemeId() {
      return "aws.auth#sigv4";
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
      return providers.identityProvider(AwsCredentialsIdentity.class);
    }

    @Override
    public HttpSigner<AwsCredentialsIdentity> signer() {
      HttpSigner<AwsCredentialsIdentity> sigV4 = AwsV4HttpSigner.create();
      return new HttpSigner<>() {
        @Override
        public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
          SdkHttpRequest.Builder stripped = request.request().toBuilder();
          excluded.forEach(stripped::removeHeader);
          SignedRequest signed = sigV4.sign(request.copy(c -> c.request(stripped.build())));
          SdkHttpRequest.Builder restored = signed.request().toBuilder();
          excluded.forEach(name -> request.request().firstMatchingHeader(name)
              .ifPresent(value -> restored.putHeader(name, value)));
          return signed.copy(c -> c.request(restored.build()));
        }

        @Override
        public CompletableFuture<AsyncSignedRequest> signAsync(
            AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
          throw new UnsupportedOperationException("synchronous client only");
        }
      };
    }
  }

  /** Keeps the signed header names of the last request sent. */
  private static final class Recorder implements ExecutionInterceptor {
    private List<String> signedHeaders = List.of();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context,
        ExecutionAttributes attributes) {
      String authorization = context.httpRequest().firstMatchingHeader("Authorization")
          .orElse("");
      int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
      signedHeaders = List.of(authorization.substring(start, authorization.indexOf(',', start))
          .split(";"));
    }
  }
}
