package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** The checksum of a CopyObject result: the source's, or one of x-amz-checksum-algorithm. */
class SdkCopyChecksumTest {
  private static final String BUCKET = "copy-checksums";
  private static final byte[] DATA = "the bytes being copied".getBytes();

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private HeadObjectResponse headWithChecksum(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
  }

  private static String crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return Base64.getEncoder().encodeToString(
        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  @Test
  void copyNamingAnAlgorithm_getsAChecksumOfThatAlgorithmOverTheCopiedBytes() throws Exception {
    s3.putObject(b -> b.bucket(BUCKET).key("src").checksumAlgorithm(ChecksumAlgorithm.CRC32),
        RequestBody.fromBytes(DATA));
    String sha256 = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(DATA));

    CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("copy")
        .checksumAlgorithm(ChecksumAlgorithm.SHA256));

    assertThat(copy.copyObjectResult().checksumSHA256()).isEqualTo(sha256);
    assertThat(copy.copyObjectResult().checksumCRC32()).isNull();
    HeadObjectResponse head = headWithChecksum("copy");
    assertThat(head.checksumSHA256()).isEqualTo(sha256);
    assertThat(head.checksumCRC32()).isNull();
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @Test
  void copyWithoutAnAlgorithm_keepsTheSourcesChecksum() {
    s3.putObject(b -> b.bucket(BUCKET).key("src").checksumAlgorithm(ChecksumAlgorithm.CRC32),
        RequestBody.fromBytes(DATA));

    CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("copy"));

    assertThat(copy.copyObjectResult().checksumCRC32()).isEqualTo(crc32(DATA));
    assertThat(headWithChecksum("copy").checksumCRC32()).isEqualTo(crc32(DATA));
  }

  @Test
  void copyOfACompositeChecksumSource_getsAFullObjectChecksumOfTheSameAlgorithm() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("src")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
    UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key("src").uploadId(uploadId)
        .partNumber(1).checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(DATA));
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("src").uploadId(uploadId)
        .multipartUpload(u -> u.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag())
            .checksumCRC32(part.checksumCRC32()).build())));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("copy"));

    assertThat(headWithChecksum("src").checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    HeadObjectResponse copy = headWithChecksum("copy");
    assertThat(copy.checksumCRC32()).isEqualTo(crc32(DATA));
    assertThat(copy.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @Test
  void copyNamingAnUnknownAlgorithm_isInvalidRequest_andCopiesNothing() {
    s3.putObject(b -> b.bucket(BUCKET).key("src"), RequestBody.fromBytes(DATA));

    S3Exception error = catchThrowableOfType(S3Exception.class,
        () -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
            .destinationBucket(BUCKET).destinationKey("copy").checksumAlgorithm("BOGUS")));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Checksum algorithm provided is"
        + " unsupported. Please try again with any of the valid types: [CRC32, CRC32C,"
        + " CRC64NVME, SHA1, SHA256]");
    assertThat(catchThrowableOfType(NoSuchKeyException.class,
        () -> s3.headObject(b -> b.bucket(BUCKET).key("copy")))).isNotNull();
  }
}
