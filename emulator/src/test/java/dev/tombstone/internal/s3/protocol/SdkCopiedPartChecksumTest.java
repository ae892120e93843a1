package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A part copied with UploadPartCopy into an upload created with a checksum algorithm gets the
 * checksum of the copied bytes with that algorithm: CopyPartResult carries it, ListParts and
 * GetObjectAttributes ObjectParts list it, and the completed object's checksum is built from it
 * (LocalStack's AWS recording test_multipart_upload_part_copy_checksum, 21-02-2026).
 */
class SdkCopiedPartChecksumTest {
  private static final String BUCKET = "copied-part-checksums";
  private static final byte[] SOURCE = "the source object, copied in part".getBytes(
      StandardCharsets.UTF_8);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucketAndSource() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("source"), RequestBody.fromBytes(SOURCE));
  }

  private static byte[] crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private String create(String key, ChecksumType type) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
        .checksumAlgorithm(ChecksumAlgorithm.CRC32_C).checksumType(type)).uploadId();
  }

  private CopyPartResult copyPart(String key, String uploadId, String range) {
    return s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("source")
        .destinationBucket(BUCKET).destinationKey(key).uploadId(uploadId).partNumber(1)
        .copySourceRange(range)).copyPartResult();
  }

  private CompleteMultipartUploadResponse complete(String key, String uploadId,
      CompletedPart part) {
    return s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .multipartUpload(u -> u.parts(part)));
  }

  private GetObjectAttributesResponse attributes(String key) {
    return s3.getObjectAttributes(b -> b.bucket(BUCKET).key(key)
        .objectAttributes(ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_PARTS));
  }

  @Test
  void compositeUploadGivesTheCopiedPartItsChecksumAndBuildsTheObjectsFromIt() {
    String uploadId = create("composite.bin", ChecksumType.COMPOSITE);
    String partChecksum = base64(crc32c(SOURCE));

    CopyPartResult copied = copyPart("composite.bin", uploadId, null);
    assertThat(copied.checksumCRC32C()).isEqualTo(partChecksum);
    assertThat(copied.checksumCRC32()).isNull();
    assertThat(copied.checksumSHA256()).isNull();

    ListPartsResponse listed = s3.listParts(b -> b.bucket(BUCKET).key("composite.bin")
        .uploadId(uploadId));
    assertThat(listed.parts()).extracting(Part::checksumCRC32C).containsExactly(partChecksum);

    // Completion does not ask for the copied part's checksum (no recording shows S3 asking).
    CompleteMultipartUploadResponse done = complete("composite.bin", uploadId,
        CompletedPart.builder().partNumber(1).eTag(copied.eTag()).build());
    String composite = base64(crc32c(crc32c(SOURCE)));
    assertThat(done.checksumCRC32C()).isEqualTo(composite + "-1");
    assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);

    GetObjectAttributesResponse attributes = attributes("composite.bin");
    assertThat(attributes.checksum().checksumCRC32C()).isEqualTo(composite);
    assertThat(attributes.objectParts().parts()).extracting(ObjectPart::checksumCRC32C)
        .containsExactly(partChecksum);
  }

  @Test
  void fullObjectUploadGivesTheCopiedPartItsChecksumAndTheObjectTheWholeCrc() {
    String uploadId = create("full.bin", ChecksumType.FULL_OBJECT);

    CopyPartResult copied = copyPart("full.bin", uploadId, null);
    assertThat(copied.checksumCRC32C()).isEqualTo(base64(crc32c(SOURCE)));
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("full.bin").uploadId(uploadId)).parts())
        .extracting(Part::checksumCRC32C).containsExactly(base64(crc32c(SOURCE)));

    CompleteMultipartUploadResponse done = complete("full.bin", uploadId,
        CompletedPart.builder().partNumber(1).eTag(copied.eTag()).build());
    assertThat(done.checksumCRC32C()).isEqualTo(base64(crc32c(SOURCE)));
    assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);

    GetObjectAttributesResponse attributes = attributes("full.bin");
    assertThat(attributes.objectParts().totalPartsCount()).isEqualTo(1);
    assertThat(attributes.objectParts().parts()).isEmpty();
  }

  @Test
  void theChecksumCoversOnlyTheCopiedRange() {
    String uploadId = create("range.bin", ChecksumType.COMPOSITE);

    CopyPartResult copied = copyPart("range.bin", uploadId, "bytes=4-9");

    assertThat(copied.checksumCRC32C())
        .isEqualTo(base64(crc32c(Arrays.copyOfRange(SOURCE, 4, 10))));
  }

  @Test
  void completionNamingTheCopiedPartsChecksumMustNameTheRightOne() {
    String uploadId = create("named.bin", ChecksumType.COMPOSITE);
    CopyPartResult copied = copyPart("named.bin", uploadId, null);

    S3Exception error = catchThrowableOfType(S3Exception.class, () -> complete("named.bin",
        uploadId, CompletedPart.builder().partNumber(1).eTag(copied.eTag())
            .checksumCRC32C("AAAAAA==").build()));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidPart");

    CompleteMultipartUploadResponse done = complete("named.bin", uploadId,
        CompletedPart.builder().partNumber(1).eTag(copied.eTag())
            .checksumCRC32C(copied.checksumCRC32C()).build());
    assertThat(done.checksumCRC32C()).isEqualTo(base64(crc32c(crc32c(SOURCE))) + "-1");
  }

  @Test
  void uploadWithoutAnAlgorithmGivesTheCopiedPartNoChecksum() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("plain.bin"))
        .uploadId();

    CopyPartResult copied = copyPart("plain.bin", uploadId, null);

    assertThat(copied.checksumCRC32()).isNull();
    assertThat(copied.checksumCRC32C()).isNull();
    assertThat(copied.checksumCRC64NVME()).isNull();
    assertThat(copied.checksumSHA1()).isNull();
    assertThat(copied.checksumSHA256()).isNull();
    Part listed = s3.listParts(b -> b.bucket(BUCKET).key("plain.bin").uploadId(uploadId))
        .parts().get(0);
    assertThat(listed.checksumCRC32()).isNull();
    assertThat(listed.checksumCRC32C()).isNull();
    assertThat(listed.checksumCRC64NVME()).isNull();
  }
}
