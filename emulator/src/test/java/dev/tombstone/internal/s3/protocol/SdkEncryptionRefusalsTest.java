package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The encryption headers refused on the wire: SSE-C on reads of objects not written with it, {@code x-amz-server-side-encryption} where S3 takes none, and
 * a malformed encryption context; and the DSSE and empty-key answers.
 */
class SdkEncryptionRefusalsTest {
  private static final String BUCKET = "refusals";
  private static final String SSE = "x-amz-server-side-encryption";
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEY_MD5 = md5(new byte[32]);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucketWithAnObject() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("plain"), RequestBody.fromString("x"));
  }

  private static String md5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static AwsRequestOverrideConfiguration header(String name, String value) {
    return AwsRequestOverrideConfiguration.builder().putHeader(name, value).build();
  }

  private static S3Exception refusal(ThrowingCallable call, int status) {
    S3Exception thrown = catchThrowableOfType(call, S3Exception.class);
    assertThat(thrown).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(status);
    return thrown;
  }

  private CreateMultipartUploadResponse upload(String key) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key));
  }

  @Test
  void sseC_onAReadOfAnObjectWrittenWithout_isNotApplicable() {
    S3Exception get = refusal(() -> s3.getObject(b -> b.bucket(BUCKET).key("plain")
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)), 400);
    refusal(() -> s3.headObject(b -> b.bucket(BUCKET).key("plain")
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)), 400);
    S3Exception copy = refusal(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("plain")
        .destinationBucket(BUCKET).destinationKey("copy").copySourceSSECustomerAlgorithm("AES256")
        .copySourceSSECustomerKey(KEY).copySourceSSECustomerKeyMD5(KEY_MD5)), 400);
    refusal(() -> s3.getObject(b -> b.bucket(BUCKET).key("missing")
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)), 404);

    for (S3Exception refused : List.of(get, copy)) {
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
      assertThat(refused.awsErrorDetails().errorMessage())
          .isEqualTo("The encryption parameters are not applicable to this object.");
    }
    assertThat(tombstone.s3().currentObject(BUCKET, "copy")).isEmpty();
  }

  @Test
  void theAlgorithmHeader_onOperationsThatTakeNone_isInvalidArgument() {
    String uploadId = upload("m").uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("m").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part")).eTag();

    List<S3Exception> refused = List.of(
        refusal(() -> s3.getObject(b -> b.bucket(BUCKET).key("plain")
            .overrideConfiguration(header(SSE, "AES256"))), 400),
        refusal(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("m").uploadId(uploadId)
            .partNumber(2).overrideConfiguration(header(SSE, "AES256")),
            RequestBody.fromString("part")), 400),
        refusal(() -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("m")
            .uploadId(uploadId).multipartUpload(u -> u.parts(CompletedPart.builder()
                .partNumber(1).eTag(etag).build()))
            .overrideConfiguration(header(SSE, "aws:kms"))), 400),
        refusal(() -> s3.listObjectsV2(b -> b.bucket(BUCKET)
            .overrideConfiguration(header(SSE, "AES256"))), 400),
        refusal(() -> s3.listObjects(b -> b.bucket(BUCKET)
            .overrideConfiguration(header(SSE, "AES256"))), 400));
    refusal(() -> s3.headObject(b -> b.bucket(BUCKET).key("plain")
        .overrideConfiguration(header(SSE, "aws:kms"))), 400);

    for (S3Exception thrown : refused) {
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
      assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(
          "x-amz-server-side-encryption header is not supported for this operation.");
    }
    assertThat(tombstone.s3().currentObject(BUCKET, "m")).isEmpty();
  }

  @Test
  void dsseKms_neverReportsABucketKey() {
    PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key("dsse")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS_DSSE).bucketKeyEnabled(true),
        RequestBody.fromString("x"));
    s3.putBucketEncryption(b -> b.bucket(BUCKET).serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.bucketKeyEnabled(true).applyServerSideEncryptionByDefault(d -> d
            .sseAlgorithm(ServerSideEncryption.AWS_KMS_DSSE)))));
    PutObjectResponse byDefault = s3.putObject(b -> b.bucket(BUCKET).key("by-default"),
        RequestBody.fromString("x"));

    assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS_DSSE);
    assertThat(put.bucketKeyEnabled()).isNull();
    assertThat(byDefault.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS_DSSE);
    assertThat(byDefault.bucketKeyEnabled()).isNull();
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("dsse")).bucketKeyEnabled()).isNull();
  }

  @Test
  void anEmptyKeyId_namesNoKey() {
    PutObjectResponse kms = s3.putObject(b -> b.bucket(BUCKET).key("kms")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS)
        .overrideConfiguration(header("x-amz-server-side-encryption-aws-kms-key-id", "")),
        RequestBody.fromString("x"));
    PutObjectResponse managed = s3.putObject(b -> b.bucket(BUCKET).key("managed")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("x"));

    assertThat(kms.ssekmsKeyId()).isEqualTo(managed.ssekmsKeyId()).doesNotEndWith("key/");
  }

  @Test
  void theEncryptionContext_isCheckedAndEchoed() {
    String context = Base64.getEncoder().encodeToString(
        "{\"project\":\"tombstone\"}".getBytes(StandardCharsets.UTF_8));
    PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key("ctx")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsEncryptionContext(context),
        RequestBody.fromString("x"));
    CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(BUCKET)
        .key("m").serverSideEncryption(ServerSideEncryption.AWS_KMS)
        .ssekmsEncryptionContext(context));

    for (String bad : List.of("!!notb64",
        Base64.getEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString(new byte[] {'"', (byte) 0xff, '"'}))) {
      S3Exception refused = refusal(() -> s3.putObject(b -> b.bucket(BUCKET).key("bad")
          .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsEncryptionContext(bad),
          RequestBody.fromString("x")), 400);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
      assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("The header"
          + " 'x-amz-server-side-encryption-context' shall be Base64-encoded UTF-8 string"
          + " holding JSON which represents a string-string map");
    }

    assertThat(put.ssekmsEncryptionContext()).isEqualTo(context);
    assertThat(created.ssekmsEncryptionContext()).isEqualTo(context);
    assertThat(tombstone.s3().currentObject(BUCKET, "bad")).isEmpty();
  }
}
