package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.BucketEncryption;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Default bucket encryption through the SDK v2: SSE-S3 with SSE-C blocked unless another was
 * put; stored only.
 */
class SdkBucketEncryptionTest {
  private static final String BUCKET = "sse";
  private static final String KEY_ARN =
      "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private ServerSideEncryptionRule read() {
    List<ServerSideEncryptionRule> rules = s3.getBucketEncryption(b -> b.bucket(BUCKET))
        .serverSideEncryptionConfiguration().rules();
    assertThat(rules).hasSize(1);
    return rules.get(0);
  }

  private void put(ServerSideEncryptionRule... rules) {
    s3.putBucketEncryption(b -> b.bucket(BUCKET)
        .serverSideEncryptionConfiguration(c -> c.rules(rules)));
  }

  private static ServerSideEncryptionRule rule(String algorithm, String key, Boolean bucketKey) {
    return ServerSideEncryptionRule.builder().bucketKeyEnabled(bucketKey)
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(algorithm).kmsMasterKeyID(key))
        .build();
  }

  @Test
  void aNewBucket_hasSseS3WithoutBucketKey_andSseCBlocked_inS3sDocument() throws Exception {
    ServerSideEncryptionRule rule = read();

    assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo(ServerSideEncryption.AES256);
    assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isNull();
    assertThat(rule.bucketKeyEnabled()).isFalse();
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(tombstone.endpoint() + "/" + BUCKET + "?encryption")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(raw.body()).contains("<ServerSideEncryptionConfiguration xmlns=\"http://s3."
        + "amazonaws.com/doc/2006-03-01/\"><Rule><ApplyServerSideEncryptionByDefault>"
        + "<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
        + "<BucketKeyEnabled>false</BucketKeyEnabled><BlockedEncryptionTypes><EncryptionType>"
        + "SSE-C</EncryptionType></BlockedEncryptionTypes></Rule>"
        + "</ServerSideEncryptionConfiguration>");
  }

  @Test
  void aKmsDefault_isReturnedAsPut_andDeleteGoesBackToSseS3_idempotently() {
    put(rule("aws:kms", KEY_ARN, true));

    ServerSideEncryptionRule stored = read();
    assertThat(stored.applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(stored.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(KEY_ARN);
    assertThat(stored.bucketKeyEnabled()).isTrue();
    // A rule without BlockedEncryptionTypes keeps the bucket's block.
    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(
        new BucketEncryption("aws:kms", Optional.of(KEY_ARN), true, List.of("SSE-C")));

    s3.deleteBucketEncryption(b -> b.bucket(BUCKET));
    s3.deleteBucketEncryption(b -> b.bucket(BUCKET));

    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(BucketEncryption.DEFAULT);
    put(rule("aws:kms:dsse", null, null));
    assertThat(read().applyServerSideEncryptionByDefault().sseAlgorithmAsString())
        .isEqualTo("aws:kms:dsse");
  }

  @Test
  void blockedEncryptionTypes_areStoredAndReturned_andABadTypeIsMalformedXml() throws Exception {
    put(rule("aws:kms", KEY_ARN, true).toBuilder()
        .blockedEncryptionTypes(b -> b.encryptionType(EncryptionType.SSE_C)).build());

    ServerSideEncryptionRule stored = read();
    assertThat(stored.blockedEncryptionTypes().encryptionType())
        .containsExactly(EncryptionType.SSE_C);
    assertThat(stored.bucketKeyEnabled()).isTrue();
    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(
        new BucketEncryption("aws:kms", Optional.of(KEY_ARN), true, List.of("SSE-C")));
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(tombstone.endpoint() + "/" + BUCKET + "?encryption")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(raw.body()).contains("<BucketKeyEnabled>true</BucketKeyEnabled>"
        + "<BlockedEncryptionTypes><EncryptionType>SSE-C</EncryptionType>"
        + "</BlockedEncryptionTypes></Rule>");

    expectError(() -> put(rule("AES256", null, null).toBuilder()
        .blockedEncryptionTypes(b -> b.encryptionTypeWithStrings("BOGUS")).build()),
        "MalformedXML", WireError.MALFORMED_XML);
    put(rule("AES256", null, null).toBuilder()
        .blockedEncryptionTypes(b -> b.encryptionType(EncryptionType.NONE)).build());

    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(
        new BucketEncryption("AES256", Optional.empty(), false, List.of("NONE")));
    assertThat(read().blockedEncryptionTypes().encryptionType())
        .containsExactly(EncryptionType.NONE);
  }

  @Test
  void aRuleWithOnlyBlockedEncryptionTypes_isAccepted_andKeepsSseS3() {
    put(ServerSideEncryptionRule.builder()
        .blockedEncryptionTypes(b -> b.encryptionType(EncryptionType.SSE_C)).build());
    BucketEncryption blocked = tombstone.s3().bucketEncryption(BUCKET);
    put(ServerSideEncryptionRule.builder()
        .blockedEncryptionTypes(b -> b.encryptionType(EncryptionType.NONE)).build());

    assertThat(blocked).isEqualTo(
        new BucketEncryption("AES256", Optional.empty(), false, List.of("SSE-C")));
    ServerSideEncryptionRule unblocked = read();
    assertThat(unblocked.applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo(ServerSideEncryption.AES256);
    assertThat(unblocked.blockedEncryptionTypes().encryptionType())
        .containsExactly(EncryptionType.NONE);
    expectError(() -> put(ServerSideEncryptionRule.builder().bucketKeyEnabled(true).build()),
        "MalformedXML", WireError.MALFORMED_XML);
  }

  @Test
  void aConfigurationS3Refuses_answersS3sError_andChangesNothing() {
    put(rule("aws:kms", KEY_ARN, false));
    String malformed = WireError.MALFORMED_XML;

    expectError(() -> put(rule("AES256", KEY_ARN, null)), "InvalidArgument",
        "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or"
            + " aws:kms:dsse");
    expectError(() -> put(rule("AES512", null, null)), "MalformedXML", malformed);
    expectError(() -> put(), "MalformedXML", malformed);
    expectError(() -> put(rule("AES256", null, null), rule("AES256", null, null)),
        "MalformedXML", malformed);
    expectError(() -> put(ServerSideEncryptionRule.builder().bucketKeyEnabled(true).build()),
        "MalformedXML", malformed);

    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(
        new BucketEncryption("aws:kms", Optional.of(KEY_ARN), false, List.of("SSE-C")));
  }

  @Test
  void documentsTheSdkWouldNotSend_areMalformedXml() throws Exception {
    String open = "<ServerSideEncryptionConfiguration><Rule>";
    String close = "</Rule></ServerSideEncryptionConfiguration>";
    for (String document : List.of("not xml",
        open + "<ApplyServerSideEncryptionByDefault/>" + close,
        open + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
            + "<Colour>blue</Colour></ApplyServerSideEncryptionByDefault>" + close,
        open + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>yes</BucketKeyEnabled>"
            + close,
        open + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault><BlockedEncryptionTypes><Type>SSE-C</Type>"
            + "</BlockedEncryptionTypes>" + close,
        open + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault><BlockedEncryptionTypes><EncryptionType>"
            + "SSE-C</EncryptionType></BlockedEncryptionTypes><BlockedEncryptionTypes/>"
            + close)) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(tombstone.endpoint() + "/" + BUCKET + "?encryption"))
          .PUT(HttpRequest.BodyPublishers.ofString(document)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(document).isEqualTo(400);
      assertThat(answer.body()).as(document).contains("<Code>MalformedXML</Code>");
    }
    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(BucketEncryption.DEFAULT);
  }

  @Test
  void everyOperation_onAMissingBucket_isNoSuchBucket() {
    for (ThrowingCallable call : new ThrowingCallable[] {
        () -> s3.getBucketEncryption(b -> b.bucket("missing")),
        () -> s3.putBucketEncryption(b -> b.bucket("missing").serverSideEncryptionConfiguration(
            c -> c.rules(rule("AES256", null, null)))),
        () -> s3.deleteBucketEncryption(b -> b.bucket("missing"))}) {
      S3Exception thrown = catchThrowableOfType(S3Exception.class, call);
      assertThat(thrown.statusCode()).isEqualTo(404);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
    }
  }

  @Test
  void theSetting_diesWithItsBucket_andWithReset() {
    put(rule("aws:kms", null, true));
    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(BucketEncryption.DEFAULT);

    put(rule("aws:kms", null, true));
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));

    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(BucketEncryption.DEFAULT);
  }

  private static void expectError(ThrowingCallable call, String code, String message) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, call);

    assertThat(thrown).as("%s expected", code).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
  }
}
