package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.BucketEncryption;
import dev.tombstone.testing.RunningTombstone;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * SSE-C blocked by default, as on S3 since April 2026: what GetBucketEncryption shows, the 403
 * every SSE-C write gets before its key is looked at, and unblocking with {@code NONE}.
 */
class SdkCustomerKeyBlockTest {
  private static final String BUCKET = "blocked";
  private static final byte[] KEY_BYTES = new byte[32];
  private static final String KEY = Base64.getEncoder().encodeToString(KEY_BYTES);
  private static final String KEY_MD5 = CustomerKeys.md5(KEY_BYTES);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucketWithAnObject() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("plain"), RequestBody.fromString("x"));
  }

  private ServerSideEncryptionRule rule() {
    List<ServerSideEncryptionRule> rules = s3.getBucketEncryption(b -> b.bucket(BUCKET))
        .serverSideEncryptionConfiguration().rules();
    assertThat(rules).hasSize(1);
    return rules.get(0);
  }

  private static void assertBlocked(ThrowingCallable call, String action, String key) {
    S3Exception thrown = catchThrowableOfType(call, S3Exception.class);
    assertThat(thrown).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("User:"
        + " arn:aws:iam::000000000000:root is not authorized to perform: " + action
        + " on resource: \"arn:aws:s3:::" + BUCKET + "/" + key + "\" because this bucket has"
        + " blocked upload requests that specify Server Side Encryption with Customer provided"
        + " keys (SSE-C). Please specify a different server-side encryption type");
  }

  @Test
  void aNewBucket_blocksSseC_andShowsIt() {
    ServerSideEncryptionRule rule = rule();

    assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo(ServerSideEncryption.AES256);
    assertThat(rule.blockedEncryptionTypes().encryptionType())
        .containsExactly(EncryptionType.SSE_C);
    assertThat(tombstone.s3().bucketEncryption(BUCKET)).isEqualTo(BucketEncryption.DEFAULT);
    assertThat(tombstone.s3().bucketEncryption(BUCKET).blocksCustomerKeys()).isTrue();
  }

  @Test
  void everySseCWrite_toABlockedBucket_isAccessDenied_beforeTheKeyIsChecked() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("m")).uploadId();
    // A wrong MD5: the block answers first.
    String badMd5 = CustomerKeys.md5(new byte[] {1});

    assertBlocked(() -> s3.putObject(b -> b.bucket(BUCKET).key("k").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(badMd5), RequestBody.fromString("x")),
        "s3:PutObject", "k");
    assertBlocked(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("plain")
        .destinationBucket(BUCKET).destinationKey("copy").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)), "s3:CopyObject", "copy");
    assertBlocked(() -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key("m2")
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)),
        "s3:PutObject", "m2");
    assertBlocked(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("m").uploadId(uploadId)
        .partNumber(1).sseCustomerAlgorithm("AES256").sseCustomerKey(KEY)
        .sseCustomerKeyMD5(KEY_MD5), RequestBody.fromString("part")), "s3:PutObject", "m");
    assertBlocked(() -> s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("plain")
        .destinationBucket(BUCKET).destinationKey("m").uploadId(uploadId).partNumber(1)
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)),
        "s3:PutObject", "m");

    assertThat(tombstone.s3().currentObject(BUCKET, "k")).isEmpty();
    assertThat(tombstone.s3().currentObject(BUCKET, "copy")).isEmpty();
    assertThat(tombstone.s3().multipartUploads(BUCKET)).hasSize(1);
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("m").uploadId(uploadId)).parts())
        .isEmpty();
  }

  @Test
  void noneUnblocks_aPutWithoutTheElementKeepsTheBlock_andDeleteBlocksAgain() {
    s3.putBucketEncryption(b -> b.bucket(BUCKET).serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.blockedEncryptionTypes(t -> t.encryptionType(EncryptionType.NONE)))));
    s3.putBucketEncryption(b -> b.bucket(BUCKET).serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.applyServerSideEncryptionByDefault(d -> d
            .sseAlgorithm(ServerSideEncryption.AWS_KMS)))));

    assertThat(rule().blockedEncryptionTypes().encryptionType())
        .containsExactly(EncryptionType.NONE);
    assertThat(s3.putObject(b -> b.bucket(BUCKET).key("k").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5), RequestBody.fromString("x"))
        .sseCustomerKeyMD5()).isEqualTo(KEY_MD5);

    s3.deleteBucketEncryption(b -> b.bucket(BUCKET));
    assertThat(rule().blockedEncryptionTypes().encryptionType())
        .containsExactly(EncryptionType.SSE_C);
    assertBlocked(() -> s3.putObject(b -> b.bucket(BUCKET).key("k2")
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5),
        RequestBody.fromString("x")), "s3:PutObject", "k2");
    // Blocking stops writes only: the SSE-C object written before is still read with its key.
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)).asUtf8String()).isEqualTo("x");
  }
}
