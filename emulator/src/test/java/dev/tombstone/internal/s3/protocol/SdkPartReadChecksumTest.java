package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * GetObject and HeadObject with {@code partNumber} of multipart objects through the SDK v2: with
 * {@code x-amz-checksum-mode: ENABLED}, a COMPOSITE object's part read carries that part's own
 * checksum, a FULL_OBJECT object's carries the object's checksum when it has one part and none
 * when it has several (LocalStack's AWS recordings test_get_object_part_checksum and
 * test_complete_multipart_parts_checksum_*, 21-02-2026); without checksum mode, none.
 */
class SdkPartReadChecksumTest {
  private static final String BUCKET = "part-read-checksums";
  private static final int MIB = 1024 * 1024;
  private static final byte[][] THREE = {filled(5 * MIB + 1, 1), filled(5 * MIB + 1, 2),
      filled(10, 3)};
  private static final byte[][] ONE = {filled(16, 4)};

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
      bytes[i] = (byte) (i * 13 + seed);
    }
    return bytes;
  }

  private static String crc(Checksum crc, byte[]... pieces) {
    for (byte[] piece : pieces) {
      crc.update(piece);
    }
    return Base64.getEncoder().encodeToString(
        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A client that asks for checksums only when told to (the default asks on every GET). */
  private S3Client clientWithoutChecksumMode() {
    return S3Client.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /** A CRC32 upload of the given type whose parts carry the checksums the SDK computes. */
  private void uploadCrc32(String key, ChecksumType type, byte[][] parts) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
        .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(type)).uploadId();
    List<CompletedPart> completed = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      int number = i + 1;
      UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
          .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
          RequestBody.fromBytes(parts[i]));
      completed.add(CompletedPart.builder().partNumber(number).eTag(part.eTag())
          .checksumCRC32(part.checksumCRC32()).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(completed)));
  }

  private ResponseBytes<GetObjectResponse> getPart(String key, int number) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).partNumber(number)
        .checksumMode(ChecksumMode.ENABLED));
  }

  private HeadObjectResponse headPart(String key, int number) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key).partNumber(number)
        .checksumMode(ChecksumMode.ENABLED));
  }

  @Test
  void compositeOfSeveralParts_eachPartReadCarriesThatPartsChecksum() {
    uploadCrc32("composite.bin", ChecksumType.COMPOSITE, THREE);

    ResponseBytes<GetObjectResponse> second = getPart("composite.bin", 2);
    HeadObjectResponse third = headPart("composite.bin", 3);

    assertThat(second.asByteArray()).isEqualTo(THREE[1]);
    assertThat(second.response().checksumCRC32()).isEqualTo(crc(new CRC32(), THREE[1]));
    assertThat(second.response().checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(second.response().partsCount()).isEqualTo(3);
    assertThat(second.response().contentRange())
        .isEqualTo("bytes " + (5 * MIB + 1) + "-" + (10 * MIB + 1) + "/" + (10 * MIB + 12));
    assertThat(third.checksumCRC32()).isEqualTo(crc(new CRC32(), THREE[2]));
    assertThat(third.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(third.contentLength()).isEqualTo(10L);
    assertThat(third.partsCount()).isEqualTo(3);
  }

  @Test
  void compositeOfOnePart_carriesThePartsChecksumNotTheComposite() {
    uploadCrc32("one.bin", ChecksumType.COMPOSITE, ONE);
    String composite = s3.headObject(b -> b.bucket(BUCKET).key("one.bin")
        .checksumMode(ChecksumMode.ENABLED)).checksumCRC32();

    ResponseBytes<GetObjectResponse> got = getPart("one.bin", 1);
    HeadObjectResponse head = headPart("one.bin", 1);

    assertThat(composite).endsWith("-1");
    assertThat(got.response().checksumCRC32()).isEqualTo(crc(new CRC32(), ONE[0]));
    assertThat(got.response().checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(got.response().contentRange()).isEqualTo("bytes 0-15/16");
    assertThat(head.checksumCRC32()).isEqualTo(crc(new CRC32(), ONE[0]));
    assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(head.partsCount()).isEqualTo(1);
  }

  @Test
  void fullObjectOfSeveralParts_partReadsCarryNoChecksum() {
    uploadCrc32("full.bin", ChecksumType.FULL_OBJECT, THREE);

    ResponseBytes<GetObjectResponse> got = getPart("full.bin", 3);
    HeadObjectResponse head = headPart("full.bin", 1);
    HeadObjectResponse whole = s3.headObject(b -> b.bucket(BUCKET).key("full.bin")
        .checksumMode(ChecksumMode.ENABLED));

    assertThat(got.asByteArray()).isEqualTo(THREE[2]);
    assertThat(got.response().checksumCRC32()).isNull();
    assertThat(got.response().checksumType()).isNull();
    assertThat(got.response().partsCount()).isEqualTo(3);
    assertThat(head.checksumCRC32()).isNull();
    assertThat(head.checksumType()).isNull();
    assertThat(head.contentLength()).isEqualTo(5L * MIB + 1);
    assertThat(whole.checksumCRC32()).isEqualTo(crc(new CRC32(), THREE));
    assertThat(whole.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @Test
  void fullObjectOfOnePart_carriesTheObjectsChecksum_whichIsThePartsToo() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("one.bin")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32_C).checksumType(ChecksumType.FULL_OBJECT))
        .uploadId();
    UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key("one.bin")
        .uploadId(uploadId).partNumber(1).checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
        RequestBody.fromBytes(ONE[0]));
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("one.bin").uploadId(uploadId)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag())
            .checksumCRC32C(part.checksumCRC32C()).build())));

    ResponseBytes<GetObjectResponse> got = getPart("one.bin", 1);
    HeadObjectResponse head = headPart("one.bin", 1);

    String expected = crc(new CRC32C(), ONE[0]);
    assertThat(part.checksumCRC32C()).isEqualTo(expected);
    assertThat(got.response().checksumCRC32C()).isEqualTo(expected);
    assertThat(got.response().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(head.checksumCRC32C()).isEqualTo(expected);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(head.partsCount()).isEqualTo(1);
  }

  @Test
  void withoutChecksumMode_partReadsCarryNoChecksum() {
    uploadCrc32("composite.bin", ChecksumType.COMPOSITE, THREE);
    uploadCrc32("one.bin", ChecksumType.FULL_OBJECT, ONE);
    S3Client plain = clientWithoutChecksumMode();

    GetObjectResponse got = plain.getObjectAsBytes(b -> b.bucket(BUCKET).key("composite.bin")
        .partNumber(3)).response();
    HeadObjectResponse head = plain.headObject(b -> b.bucket(BUCKET).key("composite.bin")
        .partNumber(1));
    HeadObjectResponse onePart = plain.headObject(b -> b.bucket(BUCKET).key("one.bin")
        .partNumber(1));

    assertThat(got.checksumCRC32()).isNull();
    assertThat(got.checksumType()).isNull();
    assertThat(got.partsCount()).isEqualTo(3);
    assertThat(head.checksumCRC32()).isNull();
    assertThat(head.checksumType()).isNull();
    assertThat(onePart.checksumCRC32()).isNull();
    assertThat(onePart.checksumType()).isNull();
  }

  @Test
  void anObjectNotMadeByMultipart_keepsItsChecksumOnPartOne() {
    String crc32 = s3.putObject(b -> b.bucket(BUCKET).key("plain.txt"),
        RequestBody.fromString("0123456789")).checksumCRC32();

    HeadObjectResponse head = headPart("plain.txt", 1);

    assertThat(head.checksumCRC32()).isNotNull().isEqualTo(crc32);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(head.partsCount()).isNull();
    assertThat(head.contentRange()).isEqualTo("bytes 0-9/10");
  }
}
