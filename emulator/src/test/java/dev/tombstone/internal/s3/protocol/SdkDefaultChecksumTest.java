package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC64_NVME;
import static software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.crt.checksums.CRC64NVME;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3's default checksum: an object written without a checksum gets a full-object CRC64NVME,
 * reported by the write and by every read that reports checksums. The client sends no checksum
 * ({@code WHEN_REQUIRED}) and validates the ones it is sent ({@code WHEN_SUPPORTED}, with the
 * CRT's CRC64NVME on the class path, without which the SDK skips the check).
 */
class SdkDefaultChecksumTest {
  private static final String BUCKET = "default-checksums";
  private static final byte[] DATA = "written without a checksum".getBytes();
  private static final int MIB = 1024 * 1024;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private S3Client s3;

  @BeforeEach
  void clientAndBucket() {
    s3 = S3Client.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
        .build();
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterEach
  void closeClient() {
    s3.close();
  }

  /** The CRT's CRC64NVME, the one the SDK validates with, Base64 big-endian as S3 sends it. */
  private static String crc64nvme(byte[]... pieces) {
    CRC64NVME crc = new CRC64NVME();
    for (byte[] piece : pieces) {
      crc.update(piece, 0, piece.length);
    }
    return Base64.getEncoder().encodeToString(
        ByteBuffer.allocate(8).putLong(crc.getValue()).array());
  }

  private static byte[] filled(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  private PutObjectResponse put(String key, byte[] data) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(data));
  }

  /** A GetObject that asks for the checksum, which the client validates against the bytes. */
  private ResponseBytes<GetObjectResponse> get(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
  }

  private HeadObjectResponse head(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
  }

  @Test
  void putObjectWithoutAChecksum_answersTheDefaultCrc64Nvme() {
    PutObjectResponse put = put("k", DATA);

    assertThat(put.checksumCRC64NVME()).isEqualTo(crc64nvme(DATA));
    assertThat(put.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(put.checksumCRC32()).isNull();
  }

  @Test
  void getAndHeadObject_returnTheDefaultChecksum_andTheSdkValidatesIt() {
    put("k", DATA);
    put("empty", new byte[0]);

    ResponseBytes<GetObjectResponse> got = get("k");
    HeadObjectResponse head = head("k");

    assertThat(got.asByteArray()).isEqualTo(DATA);
    assertThat(got.response().checksumCRC64NVME()).isEqualTo(crc64nvme(DATA));
    assertThat(got.response().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(head.checksumCRC64NVME()).isEqualTo(crc64nvme(DATA));
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(get("empty").response().checksumCRC64NVME()).isEqualTo("AAAAAAAAAAA=");
  }

  @Test
  void getObjectWithoutChecksumMode_sendsNoChecksum() {
    put("k", DATA);
    S3Client notAsking = S3Client.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();

    try (notAsking) {
      assertThat(notAsking.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).response()
          .checksumCRC64NVME()).isNull();
    }
  }

  @Test
  void getObjectAttributes_reportTheDefaultChecksum() {
    put("k", DATA);

    GetObjectAttributesResponse attributes = s3.getObjectAttributes(b -> b.bucket(BUCKET)
        .key("k").objectAttributes(ObjectAttributes.CHECKSUM));

    assertThat(attributes.checksum().checksumCRC64NVME()).isEqualTo(crc64nvme(DATA));
    assertThat(attributes.checksum().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @Test
  void copyOfASourceWrittenWithoutAChecksum_carriesItsCrc64Nvme() {
    put("src", DATA);

    CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("copy"));
    CopyObjectResponse replaced = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("replaced")
        .metadataDirective(MetadataDirective.REPLACE).contentType("text/plain"));

    assertThat(copy.copyObjectResult().checksumCRC64NVME()).isEqualTo(crc64nvme(DATA));
    // S3's CopyObjectResult names the checksum but not its type (recorded November 2025)
    assertThat(copy.copyObjectResult().checksumType()).isNull();
    assertThat(replaced.copyObjectResult().checksumCRC64NVME()).isEqualTo(crc64nvme(DATA));
    assertThat(get("copy").response().checksumCRC64NVME()).isEqualTo(crc64nvme(DATA));
    assertThat(head("replaced").checksumCRC64NVME()).isEqualTo(crc64nvme(DATA));
  }

  @Test
  void multipartUploadCreatedWithoutAnAlgorithm_completesWithAFullObjectCrc64Nvme() {
    byte[] first = filled(5 * MIB, 1);
    byte[] second = filled(1000, 2);
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp")).uploadId();
    String one = s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(1),
        RequestBody.fromBytes(first)).eTag();
    String two = s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(2),
        RequestBody.fromBytes(second)).eTag();

    CompleteMultipartUploadResponse complete = s3.completeMultipartUpload(b -> b.bucket(BUCKET)
        .key("mp").uploadId(uploadId).multipartUpload(u -> u.parts(
            CompletedPart.builder().partNumber(1).eTag(one).build(),
            CompletedPart.builder().partNumber(2).eTag(two).build())));

    String whole = crc64nvme(first, second);
    assertThat(complete.checksumCRC64NVME()).isEqualTo(whole);
    assertThat(complete.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(get("mp").response().checksumCRC64NVME()).isEqualTo(whole);
    HeadObjectResponse head = head("mp");
    assertThat(head.checksumCRC64NVME()).isEqualTo(whole);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @Test
  void listings_nameTheAlgorithmAndType_ofDefaultAndSentChecksums() {
    put("a-default", DATA);
    s3.putObject(b -> b.bucket(BUCKET).key("b-sha256").checksumAlgorithm(SHA256),
        RequestBody.fromBytes(DATA));
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.deleteObject(b -> b.bucket(BUCKET).key("b-sha256"));

    List<S3Object> v1 = s3.listObjects(b -> b.bucket(BUCKET)).contents();
    List<S3Object> v2 = s3.listObjectsV2(b -> b.bucket(BUCKET)).contents();
    List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket(BUCKET)).versions();

    assertThat(v1).extracting(S3Object::key, S3Object::checksumAlgorithm, S3Object::checksumType)
        .containsExactly(tuple("a-default", List.of(CRC64_NVME), ChecksumType.FULL_OBJECT));
    assertThat(v2).extracting(S3Object::key, S3Object::checksumAlgorithm, S3Object::checksumType)
        .containsExactly(tuple("a-default", List.of(CRC64_NVME), ChecksumType.FULL_OBJECT));
    assertThat(versions).extracting(ObjectVersion::key, ObjectVersion::checksumAlgorithm,
            ObjectVersion::checksumType)
        .containsExactly(tuple("a-default", List.of(CRC64_NVME), ChecksumType.FULL_OBJECT),
            tuple("b-sha256", List.of(SHA256), ChecksumType.FULL_OBJECT));
    assertThat(s3.listObjectVersions(b -> b.bucket(BUCKET)).deleteMarkers()).hasSize(1);
  }

  @Test
  void anObjectSentWithAChecksum_keepsIt_andGetsNoDefault() {
    PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key("k")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32),
        RequestBody.fromBytes(DATA));

    assertThat(put.checksumCRC32()).isNotNull();
    assertThat(put.checksumCRC64NVME()).isNull();
    assertThat(head("k").checksumCRC64NVME()).isNull();
    assertThat(head("k").checksumCRC32()).isEqualTo(put.checksumCRC32());
  }
}
