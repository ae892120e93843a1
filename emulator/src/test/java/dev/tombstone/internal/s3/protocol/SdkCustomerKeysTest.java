package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.ObjectEncryption;
import dev.tombstone.testing.RunningTombstone;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * SSE-C on a bucket that allows it, through the SDK v2: writes record the key's MD5 and answer
 * it, reads need the same key, copies name the source's key, and the ETag is no MD5.
 */
class SdkCustomerKeysTest {
  static final String BUCKET = "customer-keys";
  static final byte[] KEY_BYTES = "0123456789abcdef0123456789abcdef".getBytes(
      StandardCharsets.US_ASCII);
  static final String KEY = Base64.getEncoder().encodeToString(KEY_BYTES);
  static final String KEY_MD5 = CustomerKeys.md5(KEY_BYTES);
  static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final String OTHER_MD5 = CustomerKeys.md5(new byte[32]);
  private static final String BODY = "customer secret";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void unblockedBucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    allowCustomerKeys(s3, BUCKET);
  }

  /**
   * Lifts the SSE-C block a new bucket has (S3's default since April 2026) by naming only
   * {@code NONE} as blocked, as the suites written before it expect.
   */
  static void allowCustomerKeys(S3Client s3, String bucket) {
    s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.blockedEncryptionTypes(t -> t.encryptionType(EncryptionType.NONE)))));
  }

  private PutObjectResponse putSseC(String key) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key).sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5), RequestBody.fromString(BODY));
  }

  private ResponseBytes<GetObjectResponse> get(String key, String customerKey, String md5) {
    return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(BUCKET).key(key)
        .sseCustomerAlgorithm("AES256").sseCustomerKey(customerKey).sseCustomerKeyMD5(md5)
        .build());
  }

  static S3Exception refusal(ThrowingCallable call, int status, String code, String message) {
    S3Exception thrown = catchThrowableOfType(call, S3Exception.class);
    assertThat(thrown).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(status);
    if (code != null) {
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
    return thrown;
  }

  private static String md5Hex(String text) throws Exception {
    return '"' + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
        .digest(text.getBytes(StandardCharsets.UTF_8))) + '"';
  }

  @Test
  void aPut_recordsTheKeyMd5_answersIt_andGetsAnEtagThatIsNoMd5() throws Exception {
    PutObjectResponse put = putSseC("k");
    ResponseBytes<GetObjectResponse> got = get("k", KEY, KEY_MD5);
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("k")
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5));

    assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
    assertThat(put.sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
    assertThat(put.serverSideEncryption()).isNull();
    assertThat(put.eTag()).isNotEqualTo(md5Hex(BODY)).matches("\"[0-9a-f]{32}\"");
    assertThat(got.asUtf8String()).isEqualTo(BODY);
    assertThat(got.response().sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
    assertThat(got.response().eTag()).isEqualTo(put.eTag());
    assertThat(head.sseCustomerAlgorithm()).isEqualTo("AES256");
    assertThat(head.sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
    assertThat(head.serverSideEncryption()).isNull();
    assertThat(tombstone.s3().currentObject(BUCKET, "k").orElseThrow().metadata().encryption())
        .isEqualTo(ObjectEncryption.customerKey(KEY_MD5));
  }

  @Test
  void aReadWithoutTheKey_isInvalidRequest_andWithAnotherKey_accessDenied() {
    putSseC("k");

    refusal(() -> s3.getObject(b -> b.bucket(BUCKET).key("k")), 400, "InvalidRequest",
        "The object was stored using a form of Server Side Encryption. The correct parameters"
            + " must be provided to retrieve the object.");
    refusal(() -> get("k", OTHER_KEY, OTHER_MD5), 403, "AccessDenied",
        "Requests specifying Server Side Encryption with Customer provided keys must provide"
            + " the correct secret key.");
    // HEAD answers without a body, so only the status shows.
    refusal(() -> s3.headObject(b -> b.bucket(BUCKET).key("k")), 400, null, null);
    refusal(() -> s3.headObject(b -> b.bucket(BUCKET).key("k").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(OTHER_MD5)), 403, null, null);
    refusal(() -> s3.getObjectAttributes(b -> b.bucket(BUCKET).key("k")
        .objectAttributesWithStrings("ETag")), 400, "InvalidRequest",
        "The object was stored using a form of Server Side Encryption. The correct parameters"
            + " must be provided to retrieve the object.");
  }

  @Test
  void eachVersion_hasItsOwnKey() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v
        .status("Enabled")));
    String first = putSseC("k").versionId();
    s3.putObject(b -> b.bucket(BUCKET).key("k").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(OTHER_MD5), RequestBody.fromString("2"));

    assertThat(get("k", OTHER_KEY, OTHER_MD5).asUtf8String()).isEqualTo("2");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k").versionId(first)
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5))
        .asUtf8String()).isEqualTo(BODY);
    refusal(() -> get("k", KEY, KEY_MD5), 403, "AccessDenied",
        "Requests specifying Server Side Encryption with Customer provided keys must provide"
            + " the correct secret key.");
  }

  @Test
  void aCopy_namesTheSourceKey_andMayWriteAnotherKeyOrNone() throws Exception {
    putSseC("src");
    s3.putObject(b -> b.bucket(BUCKET).key("plain"), RequestBody.fromString(BODY));

    CopyObjectResponse toPlain = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("plain-copy")
        .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(KEY)
        .copySourceSSECustomerKeyMD5(KEY_MD5));
    CopyObjectResponse rekeyed = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("src")
        .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(KEY)
        .copySourceSSECustomerKeyMD5(KEY_MD5).sseCustomerAlgorithm("AES256")
        .sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(OTHER_MD5));
    CopyObjectResponse toSseC = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("plain")
        .destinationBucket(BUCKET).destinationKey("c").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5));

    assertThat(toPlain.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(toPlain.sseCustomerKeyMD5()).isNull();
    assertThat(toPlain.copyObjectResult().eTag()).isEqualTo(md5Hex(BODY));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("plain-copy")).asUtf8String())
        .isEqualTo(BODY);
    assertThat(rekeyed.sseCustomerKeyMD5()).isEqualTo(OTHER_MD5);
    assertThat(get("src", OTHER_KEY, OTHER_MD5).asUtf8String()).isEqualTo(BODY);
    assertThat(toSseC.sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
    assertThat(toSseC.copyObjectResult().eTag()).isNotEqualTo(md5Hex(BODY));
    assertThat(get("c", KEY, KEY_MD5).asUtf8String()).isEqualTo(BODY);
  }

  @Test
  void aCopyOfAnSseCSource_withoutOrWithAnotherKey_isRefused_andWritesNothing() {
    putSseC("src");

    refusal(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("copy")), 400, "InvalidRequest",
        "The object was stored using a form of Server Side Encryption. The correct parameters"
            + " must be provided to retrieve the object.");
    refusal(() -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("copy")
        .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(OTHER_KEY)
        .copySourceSSECustomerKeyMD5(OTHER_MD5)), 403, "AccessDenied",
        "Requests specifying Server Side Encryption with Customer provided keys must provide"
            + " the correct secret key.");

    assertThat(tombstone.s3().currentObject(BUCKET, "copy")).isEqualTo(Optional.empty());
  }
}
