package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesParts;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * GetObjectAttributes {@code ObjectParts} of multipart objects through the SDK v2 at default
 * settings: the part count always, and a page of parts with sizes and checksums when the upload
 * was a COMPOSITE one (created with a checksum algorithm and that type, the default for all
 * but CRC64NVME).
 */
class SdkObjectPartsTest {
  private static final String BUCKET = "object-parts";
  private static final int MIB = 1024 * 1024;
  private static final byte[][] PARTS = {filled(5 * MIB, 1), filled(5 * MIB, 2), filled(700, 3)};

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static byte[] filled(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  /** Uploads {@link #PARTS} with SHA-256 part checksums the SDK computes, and completes. */
  private List<UploadPartResponse> uploadWithSha256(String key) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
        .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
    List<UploadPartResponse> uploaded = new ArrayList<>();
    List<CompletedPart> completed = new ArrayList<>();
    for (int i = 0; i < PARTS.length; i++) {
      int number = i + 1;
      UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
          .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.SHA256),
          RequestBody.fromBytes(PARTS[i]));
      uploaded.add(part);
      completed.add(CompletedPart.builder().partNumber(number).eTag(part.eTag())
          .checksumSHA256(part.checksumSHA256()).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(completed)));
    return uploaded;
  }

  private GetObjectAttributesParts objectParts(String key,
      Function<GetObjectAttributesRequest.Builder, GetObjectAttributesRequest.Builder> paging) {
    GetObjectAttributesRequest.Builder request = GetObjectAttributesRequest.builder()
        .bucket(BUCKET).key(key).objectAttributes(ObjectAttributes.OBJECT_PARTS);
    return s3.getObjectAttributes(paging.apply(request).build()).objectParts();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void uploadCreatedWithSha256_listsEveryPartWithItsNumberSizeAndChecksum() throws Exception {
    List<UploadPartResponse> uploaded = uploadWithSha256("video.mp4");

    GetObjectAttributesParts parts = objectParts("video.mp4", r -> r);

    assertThat(parts.totalPartsCount()).isEqualTo(3);
    assertThat(parts.partNumberMarker()).isZero();
    assertThat(parts.nextPartNumberMarker()).isEqualTo(3);
    assertThat(parts.maxParts()).isEqualTo(1000);
    assertThat(parts.isTruncated()).isFalse();
    assertThat(parts.parts())
        .extracting(ObjectPart::partNumber, ObjectPart::size, ObjectPart::checksumSHA256)
        .containsExactly(
            tuple(1, 5L * MIB, uploaded.get(0).checksumSHA256()),
            tuple(2, 5L * MIB, uploaded.get(1).checksumSHA256()),
            tuple(3, 700L, uploaded.get(2).checksumSHA256()));
    assertThat(parts.parts().get(2).checksumSHA256()).isEqualTo(sha256(PARTS[2]));
    assertThat(parts.parts()).extracting(ObjectPart::checksumCRC32).containsOnlyNulls();
  }

  @Test
  void maxPartsAndPartNumberMarker_pageThroughTheParts() {
    uploadWithSha256("video.mp4");

    GetObjectAttributesParts first = objectParts("video.mp4", r -> r.maxParts(2));
    GetObjectAttributesParts rest = objectParts("video.mp4",
        r -> r.maxParts(2).partNumberMarker(first.nextPartNumberMarker()));

    assertThat(first.parts()).extracting(ObjectPart::partNumber).containsExactly(1, 2);
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.nextPartNumberMarker()).isEqualTo(2);
    assertThat(first.maxParts()).isEqualTo(2);
    assertThat(first.totalPartsCount()).isEqualTo(3);
    assertThat(rest.parts()).extracting(ObjectPart::partNumber).containsExactly(3);
    assertThat(rest.partNumberMarker()).isEqualTo(2);
    assertThat(rest.nextPartNumberMarker()).isEqualTo(3);
    assertThat(rest.isTruncated()).isFalse();
    assertThat(rest.totalPartsCount()).isEqualTo(3);
  }

  // CRC64NVME uploads are FULL_OBJECT, whose parts are not listed (see the test below).
  @ParameterizedTest
  @EnumSource(names = {"CRC32", "CRC32_C", "SHA1", "SHA256"})
  void eachChecksumAlgorithm_isReportedOnThePartsUnderItsOwnElement(ChecksumAlgorithm algorithm) {
    byte[] content = filled(1000, 9);
    // The value is given, not computed by the SDK: its CRC64NVME needs the CRT library.
    String value = dev.tombstone.internal.s3.protocol.ChecksumAlgorithm.named(
        algorithm.toString()).orElseThrow().encode(ByteBuffer.wrap(content));
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")
        .checksumAlgorithm(algorithm)).uploadId();
    UploadPartRequest.Builder part = UploadPartRequest.builder().bucket(BUCKET).key("k")
        .uploadId(uploadId).partNumber(1);
    String etag = s3.uploadPart(withChecksum(part, algorithm, value).build(),
        RequestBody.fromBytes(content)).eTag();
    // S3 asks each part's checksum of a composite upload.
    CompletedPart completed = completedWithChecksum(
        CompletedPart.builder().partNumber(1).eTag(etag), algorithm, value).build();
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
        .multipartUpload(m -> m.parts(completed)));

    ObjectPart reported = objectParts("k", r -> r).parts().get(0);

    assertThat(checksumOf(reported, algorithm)).isEqualTo(value);
    assertThat(Arrays.asList(reported.checksumCRC32(), reported.checksumCRC32C(),
        reported.checksumCRC64NVME(), reported.checksumSHA1(), reported.checksumSHA256()))
        .filteredOn(Objects::nonNull).containsExactly(value);
    assertThat(reported.size()).isEqualTo(1000L);
  }

  private static UploadPartRequest.Builder withChecksum(UploadPartRequest.Builder part,
      ChecksumAlgorithm algorithm, String value) {
    return switch (algorithm) {
      case CRC32 -> part.checksumCRC32(value);
      case CRC32_C -> part.checksumCRC32C(value);
      case CRC64_NVME -> part.checksumCRC64NVME(value);
      case SHA1 -> part.checksumSHA1(value);
      case SHA256 -> part.checksumSHA256(value);
      default -> throw new IllegalArgumentException(algorithm.toString());
    };
  }

  private static CompletedPart.Builder completedWithChecksum(CompletedPart.Builder part,
      ChecksumAlgorithm algorithm, String value) {
    return switch (algorithm) {
      case CRC32 -> part.checksumCRC32(value);
      case CRC32_C -> part.checksumCRC32C(value);
      case SHA1 -> part.checksumSHA1(value);
      case SHA256 -> part.checksumSHA256(value);
      default -> throw new IllegalArgumentException(algorithm.toString());
    };
  }

  private static String checksumOf(ObjectPart part, ChecksumAlgorithm algorithm) {
    return switch (algorithm) {
      case CRC32 -> part.checksumCRC32();
      case CRC32_C -> part.checksumCRC32C();
      case CRC64_NVME -> part.checksumCRC64NVME();
      case SHA1 -> part.checksumSHA1();
      case SHA256 -> part.checksumSHA256();
      default -> throw new IllegalArgumentException(algorithm.toString());
    };
  }

  /**
   * A FULL_OBJECT upload's object reports its part count alone, as LocalStack's AWS recordings of
   * test_complete_multipart_parts_checksum_full_object show (21-02-2026).
   */
  @ParameterizedTest
  @EnumSource(names = {"CRC32", "CRC32_C", "CRC64_NVME"})
  void fullObjectUpload_reportsOnlyThePartCount(ChecksumAlgorithm algorithm) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")
        .checksumAlgorithm(algorithm).checksumType(ChecksumType.FULL_OBJECT)).uploadId();
    List<CompletedPart> completed = new ArrayList<>();
    for (int i = 0; i < PARTS.length; i++) {
      int number = i + 1;
      byte[] content = PARTS[i];
      // Given, not computed by the SDK: its CRC64NVME needs the CRT library.
      String value = dev.tombstone.internal.s3.protocol.ChecksumAlgorithm.named(
          algorithm.toString()).orElseThrow().encode(ByteBuffer.wrap(content));
      UploadPartRequest.Builder part = UploadPartRequest.builder().bucket(BUCKET).key("k")
          .uploadId(uploadId).partNumber(number);
      String etag = s3.uploadPart(withChecksum(part, algorithm, value).build(),
          RequestBody.fromBytes(content)).eTag();
      completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
        .multipartUpload(m -> m.parts(completed)));

    GetObjectAttributesParts parts = objectParts("k", r -> r);

    assertThat(parts.totalPartsCount()).isEqualTo(3);
    assertThat(parts.hasParts()).isFalse();
    assertThat(parts.partNumberMarker()).isNull();
    assertThat(parts.nextPartNumberMarker()).isNull();
    assertThat(parts.maxParts()).isNull();
    assertThat(parts.isTruncated()).isNull();
  }

  @Test
  void compositeUploadOfOnePart_listsThatPart() throws Exception {
    byte[] content = filled(14, 5);
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")
        .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumType(ChecksumType.COMPOSITE))
        .uploadId();
    UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
        .partNumber(1).checksumAlgorithm(ChecksumAlgorithm.SHA256),
        RequestBody.fromBytes(content));
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag())
            .checksumSHA256(part.checksumSHA256()).build())));

    GetObjectAttributesParts parts = objectParts("k", r -> r);

    assertThat(parts.totalPartsCount()).isEqualTo(1);
    assertThat(parts.partNumberMarker()).isZero();
    assertThat(parts.nextPartNumberMarker()).isEqualTo(1);
    assertThat(parts.maxParts()).isEqualTo(1000);
    assertThat(parts.isTruncated()).isFalse();
    assertThat(parts.parts())
        .extracting(ObjectPart::partNumber, ObjectPart::size, ObjectPart::checksumSHA256)
        .containsExactly(tuple(1, 14L, sha256(content)));
  }

  @Test
  void uploadCreatedWithoutAnAlgorithm_reportsOnlyThePartCount() {
    // The SDK still sends a CRC32 with each part; S3 lists parts only for objects whose upload
    // named an algorithm.
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")).uploadId();
    List<CompletedPart> completed = new ArrayList<>();
    for (int i = 0; i < PARTS.length; i++) {
      int number = i + 1;
      String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
          .partNumber(number), RequestBody.fromBytes(PARTS[number - 1])).eTag();
      completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
        .multipartUpload(m -> m.parts(completed)));

    GetObjectAttributesParts parts = objectParts("k", r -> r.maxParts(1));

    assertThat(parts.totalPartsCount()).isEqualTo(3);
    assertThat(parts.hasParts()).isFalse();
    assertThat(parts.maxParts()).isNull();
    assertThat(parts.isTruncated()).isNull();
    assertThat(parts.partNumberMarker()).isNull();
  }

  @Test
  void aPartChecksumOfAnotherAlgorithm_isRefusedAtUploadPart() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")
        .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();

    // Without an algorithm of its own, the SDK checksums the part with CRC32.
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.uploadPart(
        b -> b.bucket(BUCKET).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part")));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Checksum Type mismatch"
        + " occurred, expected checksum Type: sha256, actual checksum Type: crc32");
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)).hasParts())
        .isFalse();
  }

  @Test
  void aNegativeMaxParts_isInvalidArgument() {
    uploadWithSha256("video.mp4");

    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> objectParts("video.mp4", r -> r.maxParts(-1)));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Provided x-amz-max-parts not an integer or within integer range");
  }

  @Test
  void aCopyOrAPutOverTheKey_hasNoParts_whileTheOldVersionKeepsThem() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    uploadWithSha256("video.mp4");
    String multipartVersion = s3.headObject(b -> b.bucket(BUCKET).key("video.mp4")).versionId();
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("video.mp4")
        .destinationBucket(BUCKET).destinationKey("copy.mp4"));
    s3.putObject(b -> b.bucket(BUCKET).key("video.mp4"), RequestBody.fromString("replaced"));

    var copy = s3.getObjectAttributes(b -> b.bucket(BUCKET).key("copy.mp4")
        .objectAttributes(ObjectAttributes.OBJECT_PARTS, ObjectAttributes.OBJECT_SIZE));
    var current = s3.getObjectAttributes(b -> b.bucket(BUCKET).key("video.mp4")
        .objectAttributes(ObjectAttributes.OBJECT_PARTS, ObjectAttributes.OBJECT_SIZE));
    var old = s3.getObjectAttributes(b -> b.bucket(BUCKET).key("video.mp4")
        .versionId(multipartVersion).objectAttributes(ObjectAttributes.OBJECT_PARTS));

    assertThat(copy.objectParts()).isNull();
    assertThat(copy.objectSize()).isEqualTo(10L * MIB + 700);
    assertThat(current.objectParts()).isNull();
    assertThat(old.objectParts().totalPartsCount()).isEqualTo(3);
    assertThat(old.objectParts().parts()).hasSize(3);
  }
}
