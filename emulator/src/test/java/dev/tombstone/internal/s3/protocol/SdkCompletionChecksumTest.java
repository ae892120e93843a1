package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The whole-object checksum of CompleteMultipartUpload: its {@code x-amz-checksum-*} header is
 * the object's checksum (full-object or composite), checked against the parts and stored.
 */
class SdkCompletionChecksumTest {
  private static final String BUCKET = "completion-checksums";
  private static final int MIB = 1024 * 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void emptyBucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private S3AsyncClient multipartClient() {
    return S3AsyncClient.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .multipartEnabled(true)
        .build();
  }

  private static byte[] filled(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  private static byte[] crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  private HeadObjectResponse headWithChecksum(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
  }

  private String createFullObjectCrc32(String key) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
        .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT))
        .uploadId();
  }

  private CompletedPart uploadCrc32(String key, String uploadId, int number, byte[] content) {
    UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
        RequestBody.fromBytes(content));
    return CompletedPart.builder().partNumber(number).eTag(part.eTag())
        .checksumCRC32(part.checksumCRC32()).build();
  }

  @Test
  void multipartClient_putWithAPrecomputedCrc32_completesAndKeepsItAsTheObjectsChecksum() {
    byte[] content = filled(20 * MIB, 3);
    String crc = base64(crc32(content));

    try (S3AsyncClient async = multipartClient()) {
      async.putObject(b -> b.bucket(BUCKET).key("big.bin").checksumCRC32(crc),
          AsyncRequestBody.fromBytes(content)).join();
    }

    HeadObjectResponse head = headWithChecksum("big.bin");
    assertThat(head.eTag()).matches("\"[0-9a-f]{32}-[0-9]+\"");
    assertThat(head.checksumCRC32()).isEqualTo(crc);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("big.bin")
        .checksumMode(ChecksumMode.ENABLED)).asByteArray()).isEqualTo(content);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void multipartClient_atDefaultSettings_leavesACompositeChecksumOfItsParts() {
    byte[] content = filled(20 * MIB, 4);

    try (S3AsyncClient async = multipartClient()) {
      async.putObject(b -> b.bucket(BUCKET).key("parts.bin"), AsyncRequestBody.fromBytes(content))
          .join();
    }

    HeadObjectResponse head = headWithChecksum("parts.bin");
    assertThat(head.checksumCRC32()).matches("[A-Za-z0-9+/]{6}==-[0-9]+");
    assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("parts.bin")
        .checksumMode(ChecksumMode.ENABLED)).asByteArray()).isEqualTo(content);
  }

  @Test
  void fullObjectCompletion_withTheObjectsCrc32_isAnsweredAndStoredWithIt() {
    String uploadId = createFullObjectCrc32("hello.txt");
    CompletedPart part = uploadCrc32("hello.txt", uploadId, 1,
        "hello".getBytes(StandardCharsets.UTF_8));

    CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(BUCKET)
        .key("hello.txt").uploadId(uploadId).checksumCRC32("NhCmhg==")
        .checksumType(ChecksumType.FULL_OBJECT).multipartUpload(u -> u.parts(part)));

    assertThat(done.checksumCRC32()).isEqualTo("NhCmhg==");
    assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    assertThat(headWithChecksum("hello.txt").checksumCRC32()).isEqualTo("NhCmhg==");
  }

  @Test
  void fullObjectCompletion_withAnotherCrc32_isBadDigest_andTheUploadStaysOpen() {
    String uploadId = createFullObjectCrc32("hello.txt");
    CompletedPart part = uploadCrc32("hello.txt", uploadId, 1,
        "hello".getBytes(StandardCharsets.UTF_8));

    S3Exception error = catchThrowableOfType(S3Exception.class,
        () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("hello.txt")
            .uploadId(uploadId).checksumCRC32("AAAAAA==").checksumType(ChecksumType.FULL_OBJECT)
            .multipartUpload(u -> u.parts(part))));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("The crc32 you specified did not match the calculated checksum.");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).extracting(u -> u.uploadId())
        .containsExactly(uploadId);
  }

  @Test
  void completionHeader_isNotAChecksumOfTheRequestDocument() throws Exception {
    String uploadId = createFullObjectCrc32("hello.txt");
    CompletedPart part = uploadCrc32("hello.txt", uploadId, 1,
        "hello".getBytes(StandardCharsets.UTF_8));
    byte[] document = ("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
        + part.eTag() + "</ETag></Part></CompleteMultipartUpload>")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
            tombstone.endpoint() + "/" + BUCKET + "/hello.txt?uploadId=" + uploadId))
        .header("x-amz-checksum-crc32", base64(crc32(document)))
        .header("x-amz-checksum-type", "FULL_OBJECT")
        .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>BadDigest</Code>")
        .contains("<Message>The crc32 you specified did not match the calculated checksum."
            + "</Message>");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).hasSize(1);
  }

  @Test
  void compositeCompletion_checksTheChecksumOfThePartChecksums() throws Exception {
    byte[] first = filled(5 * MIB, 1);
    byte[] second = filled(100, 2);
    ByteArrayOutputStream partDigests = new ByteArrayOutputStream();
    partDigests.writeBytes(sha256(first));
    partDigests.writeBytes(sha256(second));
    String composite = base64(sha256(partDigests.toByteArray())) + "-2";
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("sha.bin")
        .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
    CompletedPart[] parts = new CompletedPart[2];
    byte[][] contents = {first, second};
    for (int i = 0; i < 2; i++) {
      int number = i + 1;
      byte[] content = contents[i];
      UploadPartResponse r = s3.uploadPart(b -> b.bucket(BUCKET).key("sha.bin")
          .uploadId(uploadId).partNumber(number).checksumAlgorithm(ChecksumAlgorithm.SHA256),
          RequestBody.fromBytes(content));
      parts[i] = CompletedPart.builder().partNumber(number).eTag(r.eTag())
          .checksumSHA256(r.checksumSHA256()).build();
    }
    String wrong = base64(sha256(first)) + "-2";

    S3Exception error = catchThrowableOfType(S3Exception.class,
        () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("sha.bin").uploadId(uploadId)
            .checksumSHA256(wrong).multipartUpload(u -> u.parts(parts))));
    CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(BUCKET)
        .key("sha.bin").uploadId(uploadId).checksumSHA256(composite)
        .multipartUpload(u -> u.parts(parts)));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("The sha256 you specified did not match the calculated checksum.");
    assertThat(done.checksumSHA256()).isEqualTo(composite);
    assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    HeadObjectResponse head = headWithChecksum("sha.bin");
    assertThat(head.checksumSHA256()).isEqualTo(composite);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(s3.getObjectAttributes(b -> b.bucket(BUCKET).key("sha.bin")
        .objectAttributes(ObjectAttributes.CHECKSUM)).checksum())
        .satisfies(c -> {
          assertThat(c.checksumSHA256()).isEqualTo(composite.substring(0, composite.length() - 2));
          assertThat(c.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        });
  }
}
