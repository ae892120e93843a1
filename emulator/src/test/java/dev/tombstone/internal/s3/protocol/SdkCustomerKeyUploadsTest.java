package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.BUCKET;
import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.KEY;
import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.KEY_MD5;
import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.OTHER_KEY;
import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.OTHER_MD5;
import static dev.tombstone.internal.s3.protocol.SdkCustomerKeysTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * SSE-C multipart uploads, whose every part names the upload's key, and deletes, which need no
 * key: a delete marker over an SSE-C version, and the version itself deleted.
 */
class SdkCustomerKeyUploadsTest {
  private static final String PART_MISSING_KEY = "The multipart upload initiate requested"
      + " encryption. Subsequent part requests must include the appropriate encryption"
      + " parameters.";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void unblockedVersionedBucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    SdkCustomerKeysTest.allowCustomerKeys(s3, BUCKET);
    s3.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v
        .status("Enabled")));
  }

  private String putSseC(String key, String body) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key).sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5), RequestBody.fromString(body))
        .versionId();
  }

  @Test
  void everyPart_namesTheUploadsKey_andTheObjectIsReadWithIt() {
    CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(BUCKET)
        .key("m").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5));
    String id = created.uploadId();
    String plainId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("p")).uploadId();
    putSseC("src", "tail");
    byte[] first = new byte[5 * 1024 * 1024];
    Arrays.fill(first, (byte) 'a');

    refusal(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("m").uploadId(id).partNumber(1),
        RequestBody.fromString("x")), 400, "InvalidRequest", PART_MISSING_KEY);
    refusal(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("m").uploadId(id).partNumber(1)
        .sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(OTHER_MD5),
        RequestBody.fromString("x")), 400, "InvalidRequest",
        "The provided encryption parameters did not match the ones used originally.");
    refusal(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("p").uploadId(plainId).partNumber(1)
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5),
        RequestBody.fromString("x")), 400, "InvalidRequest", PART_MISSING_KEY);
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("m").uploadId(id)).parts()).isEmpty();

    UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key("m").uploadId(id)
        .partNumber(1).sseCustomerAlgorithm("AES256").sseCustomerKey(KEY)
        .sseCustomerKeyMD5(KEY_MD5), RequestBody.fromBytes(first));
    UploadPartCopyResponse copied = s3.uploadPartCopy(b -> b.sourceBucket(BUCKET)
        .sourceKey("src").destinationBucket(BUCKET).destinationKey("m").uploadId(id)
        .partNumber(2).copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(KEY)
        .copySourceSSECustomerKeyMD5(KEY_MD5).sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5));
    CompleteMultipartUploadResponse completed = s3.completeMultipartUpload(b -> b
        .bucket(BUCKET).key("m").uploadId(id).multipartUpload(u -> u.parts(
            CompletedPart.builder().partNumber(1).eTag(part.eTag()).build(),
            CompletedPart.builder().partNumber(2).eTag(copied.copyPartResult().eTag())
                .build())));

    assertThat(created.sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
    assertThat(part.sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
    assertThat(copied.sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
    assertThat(completed.eTag()).endsWith("-2\"");
    byte[] read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("m")
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5))
        .asByteArray();
    assertThat(read).hasSize(first.length + 4);
    assertThat(new String(read, first.length, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("tail");
    refusal(() -> s3.getObject(b -> b.bucket(BUCKET).key("m")), 400, "InvalidRequest",
        "The object was stored using a form of Server Side Encryption. The correct parameters"
            + " must be provided to retrieve the object.");
  }

  @Test
  void aDeleteNeedsNoKey_aMarkerHidesTheSseCVersion_andTheVersionIsDeleted() {
    String version = putSseC("k", "v1");
    String other = putSseC("k2", "v2");

    DeleteObjectResponse marker = s3.deleteObject(b -> b.bucket(BUCKET).key("k"));

    assertThat(marker.deleteMarker()).isTrue();
    refusal(() -> s3.getObject(b -> b.bucket(BUCKET).key("k").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)), 404, "NoSuchKey",
        "The specified key does not exist.");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k").versionId(version)
        .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5))
        .asUtf8String()).isEqualTo("v1");

    s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version));
    var deleted = s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(
        ObjectIdentifier.builder().key("k2").versionId(other).build())));

    assertThat(deleted.errors()).isEmpty();
    assertThat(deleted.deleted()).singleElement()
        .satisfies(d -> assertThat(d.versionId()).isEqualTo(other));
    assertThat(tombstone.s3().versions(BUCKET, "k"))
        .noneMatch(v -> v.versionId().equals(version));
    assertThat(tombstone.s3().versions(BUCKET, "k2")).isEmpty();
  }
}
