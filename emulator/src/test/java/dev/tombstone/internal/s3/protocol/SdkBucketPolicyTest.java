package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket policies through the SDK v2: validated as S3 does, stored as sent, not enforced. */
class SdkBucketPolicyTest {
  private static final String BUCKET = "policies";
  private static final String ARN = "arn:aws:s3:::" + BUCKET;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static String policy(String principal, String action, String resource,
      String condition) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"s\",\"Effect\":\"Allow\","
        + "\"Principal\":" + principal + ",\"Action\":\"" + action + "\",\"Resource\":\""
        + resource + "\"" + condition + "}]}";
  }

  private static final String ACCOUNT_READ =
      policy("{\"AWS\":\"arn:aws:iam::111122223333:root\"}", "s3:GetObject", ARN + "/*", "");
  private static final String PUBLIC_READ = policy("\"*\"", "s3:GetObject", ARN + "/*", "");

  private void put(String policy) {
    s3.putBucketPolicy(b -> b.bucket(BUCKET).policy(policy));
  }

  @Test
  void putThenGet_returnsThePolicyAsSent_andStatusSaysNotPublic() {
    String spaced = "{\n  \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
        + "[\"arn:aws:iam::111122223333:user/a\"]}, \"Action\": [\"s3:ListBucket\", \"s3:Get*\"],"
        + " \"Resource\": [\"" + ARN + "\", \"" + ARN + "/*\"]}\n}\n";

    put(spaced);

    assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(spaced);
    assertThat(s3.getBucketPolicyStatus(b -> b.bucket(BUCKET)).policyStatus().isPublic())
        .isFalse();
  }

  @Test
  void noPolicy_isNoSuchBucketPolicy_beforePutAndAfterDelete_andDeleteIsIdempotent() {
    expectError(() -> s3.getBucketPolicy(b -> b.bucket(BUCKET)), 404, "NoSuchBucketPolicy",
        "The bucket policy does not exist");
    expectError(() -> s3.getBucketPolicyStatus(b -> b.bucket(BUCKET)), 404,
        "NoSuchBucketPolicy", "The bucket policy does not exist");
    put(ACCOUNT_READ);

    s3.deleteBucketPolicy(b -> b.bucket(BUCKET));
    s3.deleteBucketPolicy(b -> b.bucket(BUCKET));

    expectError(() -> s3.getBucketPolicy(b -> b.bucket(BUCKET)), 404, "NoSuchBucketPolicy",
        "The bucket policy does not exist");
    assertThat(tombstone.s3().bucketPolicy(BUCKET)).isEmpty();
  }

  @Test
  void aPublicPolicy_isAccessDenied_whileBlockPublicPolicyIsOn_andPublicOnceItIsOff() {
    put(ACCOUNT_READ);

    expectError(() -> put(PUBLIC_READ), 403, "AccessDenied", "User: arn:aws:iam::000000000000"
        + ":root is not authorized to perform: s3:PutBucketPolicy on resource: \"" + ARN
        + "\" because public policies are blocked by the BlockPublicPolicy block public access"
        + " setting.");
    assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(ACCOUNT_READ);

    s3.putPublicAccessBlock(b -> b.bucket(BUCKET).publicAccessBlockConfiguration(
        c -> c.blockPublicPolicy(false)));
    put(PUBLIC_READ);
    assertThat(s3.getBucketPolicyStatus(b -> b.bucket(BUCKET)).policyStatus().isPublic())
        .isTrue();
  }

  @Test
  void aWildcardPrincipal_limitedToASourceAccountOrAnAddressRange_isNotPublic() {
    String account = policy("{\"AWS\":\"*\"}", "s3:GetObject", ARN + "/*",
        ",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}");
    String range = policy("\"*\"", "s3:GetObject", ARN + "/*",
        ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"192.0.2.0/24\"]}}");
    String everywhere = policy("\"*\"", "s3:GetObject", ARN + "/*",
        ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}");

    put(account);
    put(range);

    assertThat(s3.getBucketPolicyStatus(b -> b.bucket(BUCKET)).policyStatus().isPublic())
        .isFalse();
    expectError(() -> put(everywhere), 403, "AccessDenied", null);
  }

  @Test
  void anAccountIdPrincipal_readsBackAsTheAccountsRootArn_andNothingElseChanges() {
    String sent = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
        + "\"111122223333\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"" + ARN + "/*\","
        + " \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"444455556666\"}}},\n"
        + "  {\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": [\"arn:aws:iam::111122223333:"
        + "user/a\", \"777788889999\"], \"Service\": \"123456789012\"}, \"Action\": \"s3:*\","
        + " \"Resource\": \"" + ARN + "\"}]}";

    put(sent);

    assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(sent
        .replace("\"111122223333\"", "\"arn:aws:iam::111122223333:root\"")
        .replace("\"777788889999\"", "\"arn:aws:iam::777788889999:root\""));
  }

  @Test
  void aPolicyOver20Kb_withoutWhitespace_isMalformedPolicy_whileIndentationIsNotCounted() {
    put(ACCOUNT_READ);
    String tooLarge = ACCOUNT_READ.replace("\"Sid\":\"s\"", "\"Sid\":\"" + "x".repeat(30_000)
        + "\"");
    String padding = " ".repeat(PolicyDocument.MAX_SIZE);
    String fits = ACCOUNT_READ.replace("\"Sid\":\"s\"", "\"Sid\":\"" + "y".repeat(20_000)
        + "\"").replace("\"Statement\":", "\"Statement\":" + padding);
    assertThat(fits.length()).isGreaterThan(PolicyDocument.MAX_SIZE * 3 / 2);
    assertThat(PolicyJson.compactLength(fits.getBytes(StandardCharsets.UTF_8)))
        .isBetween(20_000, PolicyDocument.MAX_SIZE);

    expectError(() -> put(tooLarge), 400, "MalformedPolicy", PolicyDocument.TOO_LARGE);
    assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(ACCOUNT_READ);

    put(fits);
    assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(fits);
  }

  static Stream<Arguments> publicConditions() {
    return Stream.of(
        Arguments.of("{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/1\"}}", true),
        Arguments.of("{\"IpAddress\":{\"aws:SourceIp\":\"1.0.0.0/7\"}}", true),
        Arguments.of("{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8::/31\"}}", true),
        Arguments.of("{\"IpAddress\":{\"aws:SourceIp\":[\"192.0.2.0/24\",\"0.0.0.0/4\"]}}",
            true),
        Arguments.of("{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}", false),
        Arguments.of("{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8::/32\"}}", false),
        Arguments.of("{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.7\"}}", false),
        Arguments.of("{\"StringLike\":{\"s3:DataAccessPointArn\":"
            + "\"arn:aws:s3:us-west-2:123456789012:accesspoint/*\"}}", false),
        Arguments.of("{\"StringLike\":{\"s3:DataAccessPointArn\":"
            + "\"arn:aws:s3:us-west-2:*:accesspoint/*\"}}", true),
        Arguments.of("{\"StringLike\":{\"s3:DataAccessPointArn\":\"*\"}}", true));
  }

  @ParameterizedTest
  @MethodSource("publicConditions")
  void aWildcardPrincipal_isPublic_exactlyWhenItsConditionIsBroad(String condition,
      boolean isPublic) {
    String policy = policy("\"*\"", "s3:GetObject", ARN + "/*", ",\"Condition\":" + condition);

    if (isPublic) {
      expectError(() -> put(policy), 403, "AccessDenied", null);
      s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));
    }
    put(policy);

    assertThat(s3.getBucketPolicyStatus(b -> b.bucket(BUCKET)).policyStatus().isPublic())
        .isEqualTo(isPublic);
  }

  static Stream<Arguments> malformed() {
    String good = "{\"AWS\":\"111122223333\"}";
    return Stream.of(
        Arguments.of(" " + ACCOUNT_READ, PolicyDocument.FIRST_BYTE),
        Arguments.of("[" + ACCOUNT_READ + "]", PolicyDocument.FIRST_BYTE),
        Arguments.of("{\"Statement\": [", PolicyDocument.INVALID_JSON),
        Arguments.of(ACCOUNT_READ + "}", PolicyDocument.INVALID_JSON),
        Arguments.of("{\"Version\":\"2012-10-17\"}", "Missing required field Statement"),
        Arguments.of("{\"Statement\":[]}", PolicyDocument.EMPTY_STATEMENT),
        Arguments.of(ACCOUNT_READ.replace("2012-10-17", "2012-10-18"),
            PolicyDocument.INVALID_VERSION),
        Arguments.of(ACCOUNT_READ.replace("\"Allow\"", "\"hello\""), "Invalid effect: hello"),
        Arguments.of(ACCOUNT_READ.replace("\"Principal\":" + "{\"AWS\":"
            + "\"arn:aws:iam::111122223333:root\"},", ""), "Missing required field Principal"),
        Arguments.of(policy("{\"AWS\":\"someone\"}", "s3:GetObject", ARN + "/*", ""),
            PolicyDocument.INVALID_PRINCIPAL),
        Arguments.of(policy("{\"Robot\":\"111122223333\"}", "s3:GetObject", ARN + "/*", ""),
            PolicyDocument.INVALID_PRINCIPAL),
        Arguments.of(policy(good, "s3:GetObjekt", ARN + "/*", ""),
            PolicyDocument.INVALID_ACTION),
        Arguments.of(policy(good, "ec2:RunInstances", ARN + "/*", ""),
            PolicyDocument.INVALID_ACTION),
        Arguments.of(policy(good, "s3:GetObject", "arn:aws:s3:::other/*", ""),
            PolicyDocument.INVALID_RESOURCE),
        Arguments.of(policy(good, "s3:GetObject", "*", ""), PolicyDocument.INVALID_RESOURCE),
        Arguments.of(policy(good, "s3:GetObject", ARN, ""), PolicyDocument.RESOURCE_MISMATCH),
        Arguments.of(policy(good, "s3:ListBucket", ARN + "/*", ""),
            PolicyDocument.RESOURCE_MISMATCH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3:PutBucketAbac", "s3:GetBucketABAC", "s3:TagResource",
      "s3:UntagResource", "s3:ListTagsForResource"})
  void theActionsOfAbacBuckets_areBucketActions(String action) {
    String abac = policy("{\"AWS\":\"arn:aws:iam::111122223333:root\"}", action, ARN, "");

    put(abac);

    assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(abac);
    expectError(() -> put(policy("{\"AWS\":\"111122223333\"}", action, ARN + "/*", "")), 400,
        "MalformedPolicy", PolicyDocument.RESOURCE_MISMATCH);
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aPolicyS3Refuses_isMalformedPolicy_withS3sText_andChangesNothing(String policy,
      String message) {
    put(ACCOUNT_READ);

    expectError(() -> put(policy), 400, "MalformedPolicy", message);

    assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(ACCOUNT_READ);
  }

  @Test
  void everyOperation_onAMissingBucket_isNoSuchBucket() {
    for (ThrowingCallable call : new ThrowingCallable[] {
        () -> s3.getBucketPolicy(b -> b.bucket("missing")),
        () -> s3.putBucketPolicy(b -> b.bucket("missing").policy(ACCOUNT_READ)),
        () -> s3.deleteBucketPolicy(b -> b.bucket("missing")),
        () -> s3.getBucketPolicyStatus(b -> b.bucket("missing"))}) {
      expectError(call, 404, "NoSuchBucket", "The specified bucket does not exist");
    }
  }

  @Test
  void thePolicy_diesWithItsBucket_andWithReset() {
    put(ACCOUNT_READ);
    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().bucketPolicy(BUCKET)).isEmpty();

    put(ACCOUNT_READ);
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));

    expectError(() -> s3.getBucketPolicy(b -> b.bucket(BUCKET)), 404, "NoSuchBucketPolicy",
        "The bucket policy does not exist");
  }

  private static void expectError(ThrowingCallable call, int status, String code,
      String message) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, call);

    assertThat(thrown).as("%s expected", code).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(status);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(code);
    if (message != null) {
      assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
  }
}
