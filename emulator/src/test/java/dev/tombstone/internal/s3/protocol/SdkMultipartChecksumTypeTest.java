package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The checksum type CreateMultipartUpload names ({@code x-amz-checksum-type}) is kept with the
 * upload: echoed by the listings, used at completion, and checked against the algorithm.
 */
class SdkMultipartChecksumTypeTest {
  private static final String BUCKET = "checksum-types";
  private static final int MIB = 1024 * 1024;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void emptyBucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  /** A client that sends no checksum unless the operation requires one or it is asked to. */
  private S3Client clientSendingNoChecksums() {
    return S3Client.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .build();
  }

  private static byte[] filled(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 7 + seed);
    }
    return bytes;
  }

  private static String crc32(byte[]... pieces) {
    CRC32 crc = new CRC32();
    for (byte[] piece : pieces) {
      crc.update(piece);
    }
    return Base64.getEncoder().encodeToString(
        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private String createCrc32(String key, ChecksumType type) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
        .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(type)).uploadId();
  }

  private CompletedPart uploadCrc32(String key, String uploadId, int number, byte[] content) {
    UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
        RequestBody.fromBytes(content));
    return CompletedPart.builder().partNumber(number).eTag(part.eTag())
        .checksumCRC32(part.checksumCRC32()).build();
  }

  private static void assertInvalidRequest(S3Exception error, String message) {
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @Test
  void fullObjectCrc32Upload_completedWithoutChecksumOrType_getsTheWholeObjectsCrc32() {
    byte[] first = filled(5 * MIB, 1);
    byte[] second = filled(1000, 2);
    String uploadId = createCrc32("full.bin", ChecksumType.FULL_OBJECT);
    CompletedPart one = uploadCrc32("full.bin", uploadId, 1, first);
    CompletedPart two = uploadCrc32("full.bin", uploadId, 2, second);

    CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(BUCKET)
        .key("full.bin").uploadId(uploadId).multipartUpload(u -> u.parts(one, two)));

    assertThat(done.checksumCRC32()).isEqualTo(crc32(first, second));
    assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("full.bin")
        .checksumMode(ChecksumMode.ENABLED)))
        .satisfies(head -> {
          assertThat(head.checksumCRC32()).isEqualTo(crc32(first, second));
          assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        });
  }

  @Test
  void checksumType_isEchoedByCreate_listParts_andListMultipartUploads() {
    CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(BUCKET)
        .key("full.bin").checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
        .checksumType(ChecksumType.FULL_OBJECT));
    s3.createMultipartUpload(b -> b.bucket(BUCKET).key("plain.bin"));

    ListPartsResponse parts = s3.listParts(b -> b.bucket(BUCKET).key("full.bin")
        .uploadId(created.uploadId()));
    List<MultipartUpload> uploads = s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads();

    assertThat(created.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32_C);
    assertThat(created.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(parts.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32_C);
    assertThat(parts.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(uploads).extracting(u -> u.key(), u -> u.checksumAlgorithmAsString(),
            u -> u.checksumTypeAsString())
        .containsExactly(
            tuple("full.bin", "CRC32C", "FULL_OBJECT"), tuple("plain.bin", null, null));
  }

  @Test
  void algorithmWithoutAType_getsItsDefaultType_inTheListings() {
    String sha = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("sha.bin")
        .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
    String nvme = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("nvme.bin")
        .checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME)).uploadId();

    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("sha.bin").uploadId(sha)).checksumType())
        .isEqualTo(ChecksumType.COMPOSITE);
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("nvme.bin").uploadId(nvme))
        .checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @ParameterizedTest
  @CsvSource({
      "CRC64NVME, COMPOSITE, The COMPOSITE checksum type cannot be used with the crc64nvme"
          + " checksum algorithm.",
      "SHA1, FULL_OBJECT, The FULL_OBJECT checksum type cannot be used with the sha1 checksum"
          + " algorithm.",
      "SHA256, FULL_OBJECT, The FULL_OBJECT checksum type cannot be used with the sha256"
          + " checksum algorithm."
  })
  void createMultipartUpload_refusesAPairS3CannotCombine_andStartsNoUpload(
      String algorithm, String type, String message) {
    S3Exception error = catchThrowableOfType(S3Exception.class,
        () -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")
            .checksumAlgorithm(algorithm).checksumType(type)));

    assertInvalidRequest(error, message);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void createMultipartUpload_refusesATypeWithoutAnAlgorithm_orAnUnknownType() {
    S3Exception withoutAlgorithm = catchThrowableOfType(S3Exception.class,
        () -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")
            .checksumType(ChecksumType.FULL_OBJECT)));
    S3Exception unknown = catchThrowableOfType(S3Exception.class,
        () -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")
            .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType("PARTIAL")));

    assertInvalidRequest(withoutAlgorithm, "The x-amz-checksum-type header can only be used"
        + " with the x-amz-checksum-algorithm header.");
    assertInvalidRequest(unknown, "Value for x-amz-checksum-type header is invalid.");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void completion_namingAnotherTypeThanTheUploads_isRefused_andTheUploadStaysOpen() {
    byte[] content = filled(100, 3);
    String composite = createCrc32("composite.bin", ChecksumType.COMPOSITE);
    CompletedPart part = uploadCrc32("composite.bin", composite, 1, content);
    String plain = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("plain.bin")).uploadId();
    UploadPartResponse plainPart = s3.uploadPart(b -> b.bucket(BUCKET).key("plain.bin")
        .uploadId(plain).partNumber(1), RequestBody.fromBytes(content));

    S3Exception toFullObject = catchThrowableOfType(S3Exception.class,
        () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("composite.bin")
            .uploadId(composite).checksumCRC32(crc32(content))
            .checksumType(ChecksumType.FULL_OBJECT).multipartUpload(u -> u.parts(part))));
    S3Exception withoutAlgorithm = catchThrowableOfType(S3Exception.class,
        () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("plain.bin").uploadId(plain)
            .checksumType(ChecksumType.FULL_OBJECT).multipartUpload(u -> u.parts(p -> p
                .partNumber(1).eTag(plainPart.eTag())))));

    assertInvalidRequest(toFullObject, "The upload was created using the COMPOSITE checksum"
        + " mode. The complete request must use the same checksum mode.");
    assertInvalidRequest(withoutAlgorithm, "The upload was created using the null checksum"
        + " mode. The complete request must use the same checksum mode.");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).extracting(u -> u.uploadId())
        .containsExactlyInAnyOrder(composite, plain);
  }

  @Test
  void uploadPart_withoutAChecksum_isRefusedByACompositeUpload() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("sha.bin")
        .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();

    S3Exception error;
    try (S3Client plain = clientSendingNoChecksums()) {
      error = catchThrowableOfType(S3Exception.class,
          () -> plain.uploadPart(b -> b.bucket(BUCKET).key("sha.bin").uploadId(uploadId)
              .partNumber(1), RequestBody.fromBytes(filled(100, 4))));
    }

    assertInvalidRequest(error, "Checksum Type mismatch occurred, expected checksum Type: sha256,"
        + " actual checksum Type: null");
    assertThat(tombstone.s3().listParts(BUCKET, "sha.bin", uploadId)).isEmpty();
  }

  @Test
  void uploadPart_withoutAChecksum_isAcceptedByAFullObjectUpload() {
    byte[] content = filled(100, 5);
    String uploadId = createCrc32("full.bin", ChecksumType.FULL_OBJECT);

    CompleteMultipartUploadResponse done;
    try (S3Client plain = clientSendingNoChecksums()) {
      UploadPartResponse part = plain.uploadPart(b -> b.bucket(BUCKET).key("full.bin")
          .uploadId(uploadId).partNumber(1), RequestBody.fromBytes(content));
      done = plain.completeMultipartUpload(b -> b.bucket(BUCKET).key("full.bin")
          .uploadId(uploadId).multipartUpload(u -> u.parts(p -> p.partNumber(1)
              .eTag(part.eTag()))));
    }

    assertThat(done.checksumCRC32()).isEqualTo(crc32(content));
    assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }
}
