package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.FileRequestBodyConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The assertions S3 answers in the SDK for Java v2's checksum integration tests
 * (HttpChecksumIntegrationTest, AsyncHttpChecksumIntegrationTest) and in
 * CustomTransformerMultipartIntegrationTest: a CRC32 sent in a trailer or a header comes back
 * on the PutObject answer, a malformed one is refused with its header named, and a read with
 * checksum mode returns the checksum the SDK validates, for empty, gzip-encoded, large and
 * oddly chunked bodies; a composite multipart checksum reads back as COMPOSITE.
 */
class SdkItParityChecksumTest {
  private static final String BUCKET = "checksum-it";
  private static final String KEY = "some-key";
  private static final String HELLO_CRC32 = "i9aeUg==";   // CRC32 of "Hello world"
  private static final int KB = 1024;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private final S3AsyncClient async = server.s3Async();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private ResponseBytes<GetObjectResponse> readValidated(String key) {
    return s3.getObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED),
        ResponseTransformer.toBytes());
  }

  private ResponseBytes<GetObjectResponse> readValidatedAsync(String key) {
    return async.getObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED),
        AsyncResponseTransformer.toBytes()).join();
  }

  @Test
  void crc32CalculatedBySdk_inATrailer_isAnsweredByPutObject_andValidatedOnRead() {
    PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key(KEY)
        .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString("Hello world"));

    assertThat(put.sdkHttpResponse().firstMatchingHeader("x-amz-checksum-crc32"))
        .hasValue(HELLO_CRC32);
    ResponseBytes<GetObjectResponse> read = readValidated(KEY);
    assertThat(read.asUtf8String()).isEqualTo("Hello world");
    assertThat(read.response().checksumCRC32()).isEqualTo(HELLO_CRC32);
    assertThat(read.response().contentEncoding()).isNull();
  }

  /**
   * Over HTTPS the SDK sends a header checksum with a plain body; over plain HTTP it signs the
   * payload in chunks unless chunked encoding is off (PutObjectIntegrationTest's
   * s3Client_usingHttpAndDisableChunkedEncoding), which gives the HTTPS request's shape.
   */
  @Test
  void crc32SentInTheHeader_withOrWithoutGzipEncoding_isAnsweredAsSent() {
    try (S3Client plainBodies = S3Client.builder().endpointOverride(server.tombstone().endpoint())
        .region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
        .build()) {
      PutObjectResponse gzip = plainBodies.putObject(b -> b.bucket(BUCKET).key(KEY)
          .checksumAlgorithm(ChecksumAlgorithm.CRC32).contentEncoding("gzip")
          .checksumCRC32(HELLO_CRC32), RequestBody.fromString("Hello world"));
      PutObjectResponse plain = plainBodies.putObject(b -> b.bucket(BUCKET).key(KEY + "-plain")
          .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumCRC32(HELLO_CRC32),
          RequestBody.fromString("Hello world"));

      assertThat(gzip.sdkHttpResponse().firstMatchingHeader("x-amz-checksum-crc32"))
          .hasValue(HELLO_CRC32);
      assertThat(plain.sdkHttpResponse().firstMatchingHeader("x-amz-checksum-crc32"))
          .hasValue(HELLO_CRC32);
      assertThat(readValidated(KEY).response().contentEncoding()).isEqualTo("gzip");
      assertThat(readValidated(KEY + "-plain").asUtf8String()).isEqualTo("Hello world");
    }
  }

  @Test
  void aCrc32HeaderOfTheWrongLength_isRefused_namingTheHeader_andStoresNothing() {
    S3Exception e = catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET).key(KEY)
        .checksumCRC32("i9aeUgg="), RequestBody.fromString("Hello world")), S3Exception.class);

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(e.awsErrorDetails().errorMessage())
        .contains("Value for x-amz-checksum-crc32 header is invalid");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).keyCount()).isZero();
  }

  @Test
  void emptyGzipEncodedBody_withATrailerChecksum_readsBackEmpty_validated() {
    s3.putObject(b -> b.bucket(BUCKET).key(KEY).contentEncoding("gzip")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString(""));

    ResponseBytes<GetObjectResponse> read = readValidated(KEY);
    assertThat(read.asByteArray()).isEmpty();
    assertThat(read.response().checksumCRC32()).isNotNull();
    assertThat(read.response().contentEncoding()).isEqualTo("gzip");
  }

  @Test
  void largeBodies_inTrailerChunks_areStoredWhole_andReadWithoutChecksumModeCarryNoChecksum() {
    String huge = "a".repeat(1600 * KB);
    s3.putObject(b -> b.bucket(BUCKET).key(KEY).contentEncoding("gzip")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString(huge));

    assertThat(readValidated(KEY).asUtf8String()).isEqualTo(huge);
    ResponseBytes<GetObjectResponse> plain = s3.getObject(b -> b.bucket(BUCKET).key(KEY),
        ResponseTransformer.toBytes());
    assertThat(plain.asUtf8String()).isEqualTo(huge);
    assertThat(plain.response().checksumCRC32()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {1 * KB, 12 * KB, 16 * KB, 17 * KB, 32 * KB, 33 * KB, 65 * KB})
  void asyncFileBodies_sentInChunksOfAnySize_readBackValidated(int chunkSize,
      @TempDir Path dir) throws Exception {
    byte[] content = new byte[32 * KB + 23];
    new Random(chunkSize).nextBytes(content);
    Path file = Files.write(dir.resolve("upload"), content);

    async.putObject(b -> b.bucket(BUCKET).key(KEY).checksumAlgorithm(ChecksumAlgorithm.CRC32),
        AsyncRequestBody.fromFile(FileRequestBodyConfiguration.builder().path(file)
            .chunkSizeInBytes(chunkSize).build())).join();

    assertThat(readValidatedAsync(KEY).asByteArray()).isEqualTo(content);
  }

  @Test
  void asyncEmptyBodies_fromAStringOrAZeroCapacityBuffer_readBackEmpty_validated() {
    async.putObject(b -> b.bucket(BUCKET).key(KEY).checksumAlgorithm(ChecksumAlgorithm.CRC32),
        AsyncRequestBody.fromString("")).join();
    async.putObject(b -> b.bucket(BUCKET).key(KEY + "-buffer")
            .checksumAlgorithm(ChecksumAlgorithm.CRC32),
        AsyncRequestBody.fromByteBuffer(ByteBuffer.allocate(0))).join();

    assertThat(readValidatedAsync(KEY).asByteArray()).isEmpty();
    assertThat(readValidatedAsync(KEY + "-buffer").asByteArray()).isEmpty();
    assertThat(readValidatedAsync(KEY).response().checksumCRC32()).isEqualTo("AAAAAA==");
  }

  @Test
  void asyncGzipBody_withATrailerChecksum_readsBackValidated() {
    String body = "a".repeat(64 * KB);
    async.putObject(b -> b.bucket(BUCKET).key(KEY).contentEncoding("gzip")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32), AsyncRequestBody.fromString(body)).join();

    ResponseBytes<GetObjectResponse> read = readValidatedAsync(KEY);
    assertThat(read.asString(StandardCharsets.UTF_8)).isEqualTo(body);
    assertThat(read.response().contentEncoding()).isEqualTo("gzip");
  }

  @Test
  void multipartUploadWithCrc32Parts_readsBackAsAComposite_withItsWholeLength() {
    int part = 5 * KB * KB;
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(KEY)
        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    for (int n = 1; n <= 2; n++) {
      byte[] data = new byte[part];
      new Random(n).nextBytes(data);
      int number = n;
      String crc = s3.uploadPart(b -> b.bucket(BUCKET).key(KEY).uploadId(uploadId)
          .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
          RequestBody.fromBytes(data)).checksumCRC32();
      parts.add(CompletedPart.builder().partNumber(n).checksumCRC32(crc)
          .eTag(s3.listParts(b -> b.bucket(BUCKET).key(KEY).uploadId(uploadId)).parts()
              .get(n - 1).eTag()).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(KEY).uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));

    GetObjectResponse read = readValidated(KEY).response();
    assertThat(read.contentLength()).isEqualTo(2L * part);
    assertThat(read.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(read.checksumCRC32()).endsWith("-2");
  }
}
