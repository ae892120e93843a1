package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscriber;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * The SDK for Java v2's multipart-client integration tests (S3MultipartClientPutObject,
 * -GetObject, -FileDownload, S3ClientMultiPartCopy, S3MultiPartCopyTagsAndAnnotations),
 * replayed with {@code multipartEnabled(true)}: uploads of unknown length, copies above the
 * threshold (UploadPartCopy), downloads part by part, and the zero-byte object.
 */
class SdkParityMultipartClientTest {
  private static final String BUCKET = "multipart-client";
  private static final int MIB = 1024 * 1024;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private final List<Integer> partsRead = new CopyOnWriteArrayList<>();
  private S3AsyncClient multipart;

  @BeforeEach
  void client() {
    s3.createBucket(b -> b.bucket(BUCKET));
    ExecutionInterceptor recordParts = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context,
          ExecutionAttributes attributes) {
        if (context.request() instanceof GetObjectRequest get && get.partNumber() != null) {
          partsRead.add(get.partNumber());
        }
      }
    };
    multipart = S3AsyncClient.builder().endpointOverride(server.tombstone().endpoint())
        .region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .overrideConfiguration(o -> o.addExecutionInterceptor(recordParts))
        .multipartEnabled(true)
        .multipartConfiguration(c -> c.minimumPartSizeInBytes(5L * MIB).thresholdInBytes(8L * MIB))
        .build();
  }

  @AfterEach
  void close() {
    multipart.close();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private byte[] read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  @Test
  void uploadOfUnknownLength_isSentInParts_andReadsBackWhole() {
    byte[] content = random(12 * MIB);
    AsyncRequestBody known = AsyncRequestBody.fromBytes(content);

    multipart.putObject(b -> b.bucket(BUCKET).key("unknown.dat"), new AsyncRequestBody() {
      @Override
      public Optional<Long> contentLength() {
        return Optional.empty();
      }

      @Override
      public void subscribe(Subscriber<? super ByteBuffer> s) {
        known.subscribe(s);
      }
    }).join();

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("unknown.dat")).eTag()).endsWith("-3\"");
    assertThat(read("unknown.dat")).isEqualTo(content);
  }

  @Test
  void copyAboveTheThreshold_copiesPartByPart_keysWithSpecialCharactersIncluded() {
    byte[] content = random(9 * MIB);
    s3.putObject(b -> b.bucket(BUCKET).key("original-special-chars-@$%"),
        RequestBody.fromBytes(content));

    multipart.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("original-special-chars-@$%")
        .destinationBucket(BUCKET).destinationKey("copied-special-chars-@$%")).join();

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("copied-special-chars-@$%")).eTag())
        .endsWith("-2\"");
    assertThat(read("copied-special-chars-@$%")).isEqualTo(content);
  }

  @Test
  void copyAboveTheThreshold_withCopyDirectives_keepsMetadataAndTags() {
    multipart.putObject(b -> b.bucket(BUCKET).key("source").contentType("application/octet-stream")
        .metadata(Map.of("custom-meta", "source-value")),
        AsyncRequestBody.fromBytes(random(9 * MIB))).join();
    s3.putObjectTagging(b -> b.bucket(BUCKET).key("source").tagging(t -> t.tagSet(
        Tag.builder().key("env").value("test").build(),
        Tag.builder().key("team").value("sdk").build())));

    multipart.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("source")
        .destinationBucket(BUCKET).destinationKey("copy")
        .metadataDirective(MetadataDirective.COPY).taggingDirective(TaggingDirective.COPY)).join();

    var head = s3.headObject(b -> b.bucket(BUCKET).key("copy"));
    assertThat(head.metadata()).containsEntry("custom-meta", "source-value");
    assertThat(head.contentType()).isEqualTo("application/octet-stream");
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("copy")).tagSet())
        .extracting(Tag::key, Tag::value)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("env", "test"),
            org.assertj.core.groups.Tuple.tuple("team", "sdk"));
  }

  @Test
  void download_ofAnObjectUploadedInParts_readsEachPartByNumber() {
    byte[] part = random(5 * MIB);
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("parts.dat")).uploadId();
    CompletedPart[] parts = new CompletedPart[3];
    for (int i = 1; i <= 3; i++) {
      int number = i;
      String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("parts.dat").uploadId(uploadId)
          .partNumber(number), RequestBody.fromBytes(part)).eTag();
      parts[i - 1] = CompletedPart.builder().partNumber(number).eTag(etag).build();
    }
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("parts.dat").uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));

    byte[] read = multipart.getObject(b -> b.bucket(BUCKET).key("parts.dat"),
        AsyncResponseTransformer.toBytes()).join().asByteArray();

    assertThat(read).hasSize(15 * MIB);
    for (int i = 0; i < 3; i++) {
      assertThat(java.util.Arrays.copyOfRange(read, i * 5 * MIB, (i + 1) * 5 * MIB))
          .isEqualTo(part);
    }
    assertThat(partsRead).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void download_ofAZeroByteObject_toAFile_writesAnEmptyFile(@TempDir Path directory)
      throws IOException {
    multipart.putObject(b -> b.bucket(BUCKET).key("zero.dat"), AsyncRequestBody.empty()).join();
    Path file = directory.resolve("zero.dat");

    multipart.getObject(b -> b.bucket(BUCKET).key("zero.dat"),
        AsyncResponseTransformer.toFile(file)).join();

    assertThat(Files.size(file)).isZero();
    assertThat(partsRead).containsExactly(1);
  }
}
