package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checksum type an upload keeps: the one asked for, or its algorithm's default. */
class MultipartChecksumTypeTest {
  private static final String BUCKET = "uploads";
  private S3State s3;

  @BeforeEach
  void state() {
    s3 = new S3State("us-east-1", Clock.systemUTC());
    s3.createBucket(BUCKET);
  }

  private Multipart.Upload create(Optional<String> algorithm, Optional<String> type) {
    return s3.createMultipartUpload(BUCKET, "k", ObjectMetadata.DEFAULT, algorithm, type,
        Map.of(), Optional.empty(), ObjectLock.WriteLock.NONE);
  }

  @Test
  void withoutAType_anUploadGetsItsAlgorithmsDefault() {
    assertThat(create(Optional.of("CRC32"), Optional.empty()).checksumType())
        .hasValue(Multipart.COMPOSITE);
    assertThat(create(Optional.of("CRC64NVME"), Optional.empty()).checksumType())
        .hasValue(Multipart.FULL_OBJECT);
    assertThat(create(Optional.empty(), Optional.empty()).checksumType()).isEmpty();
  }

  @Test
  void theTypeAskedFor_isKept_andListedWithTheUpload() {
    Multipart.Upload upload = create(Optional.of("CRC32C"), Optional.of(Multipart.FULL_OBJECT));

    assertThat(upload.isFullObject()).isTrue();
    assertThat(s3.multipartUploads(BUCKET)).singleElement()
        .satisfies(u -> assertThat(u.checksumType()).hasValue(Multipart.FULL_OBJECT));
  }

  @Test
  void aPairS3CannotCombine_isRefused_andStartsNoUpload() {
    Throwable composite = catchThrowable(
        () -> create(Optional.of("CRC64NVME"), Optional.of(Multipart.COMPOSITE)));
    Throwable fullObject = catchThrowable(
        () -> create(Optional.of("SHA1"), Optional.of(Multipart.FULL_OBJECT)));
    Throwable withoutAlgorithm = catchThrowable(
        () -> create(Optional.empty(), Optional.of(Multipart.COMPOSITE)));
    Throwable unknown = catchThrowable(() -> create(Optional.of("CRC32"), Optional.of("PARTS")));

    assertThat(composite).isInstanceOf(S3Error.InvalidRequest.class).hasMessage(
        "The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.");
    assertThat(fullObject).isInstanceOf(S3Error.InvalidRequest.class).hasMessage(
        "The FULL_OBJECT checksum type cannot be used with the sha1 checksum algorithm.");
    assertThat(withoutAlgorithm).isInstanceOf(S3Error.InvalidRequest.class);
    assertThat(unknown).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checksumType must be COMPOSITE or FULL_OBJECT, was PARTS");
    assertThat(s3.multipartUploads(BUCKET)).isEmpty();
  }
}
