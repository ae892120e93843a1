package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.testing.RunningTombstone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The SDK for Java v2's CRT-client integration tests (S3CrtClientPutObject, S3CrtGetObject,
 * S3CrtClientCopy, CrtExceptionTransformation), replayed with the CRT-based S3 client the
 * {@code aws-crt} test dependency provides: it splits uploads, downloads and copies into ranged
 * and numbered parts of its own and maps S3's errors from status and body alone.
 */
class SdkParityCrtClientTest {
  private static final String BUCKET = "crt-client";
  private static final int MIB = 1024 * 1024;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private static S3AsyncClient crt;
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    if (crt == null) {   // the emulator starts in the extension's beforeAll
      crt = S3AsyncClient.crtBuilder().endpointOverride(server.tombstone().endpoint())
          .region(Region.US_EAST_1).forcePathStyle(true)
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create("x", "y")))
          .minimumPartSizeInBytes(5L * MIB).build();
    }
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void close() {
    if (crt != null) {
      crt.close();
      crt = null;
    }
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static Throwable cause(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(future::join);
    return thrown.getCause();
  }

  @Test
  void largeUpload_isSentInParts_andTheCrtReadsItBackToBytesAndToAFile(@TempDir Path dir)
      throws IOException {
    byte[] content = random(12 * MIB);

    crt.putObject(b -> b.bucket(BUCKET).key("large.dat"), AsyncRequestBody.fromBytes(content))
        .join();

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("large.dat")).eTag()).contains("-");
    assertThat(crt.getObject(b -> b.bucket(BUCKET).key("large.dat"),
        AsyncResponseTransformer.toBytes()).join().asByteArray()).isEqualTo(content);
    Path file = dir.resolve("large.dat");
    crt.getObject(b -> b.bucket(BUCKET).key("large.dat"), AsyncResponseTransformer.toFile(file))
        .join();
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
  }

  @Test
  void smallObjects_roundTrip_emptyOneIncluded() {
    crt.putObject(b -> b.bucket(BUCKET).key("small"), AsyncRequestBody.fromString("small"))
        .join();
    crt.putObject(b -> b.bucket(BUCKET).key("empty"), AsyncRequestBody.empty()).join();

    assertThat(crt.getObject(b -> b.bucket(BUCKET).key("small"),
        AsyncResponseTransformer.toBytes()).join().asUtf8String()).isEqualTo("small");
    assertThat(crt.getObject(b -> b.bucket(BUCKET).key("empty"),
        AsyncResponseTransformer.toBytes()).join().asByteArray()).isEmpty();
  }

  @Test
  void copy_ofALargeObject_copiesItsBytes() {
    byte[] content = random(11 * MIB);
    crt.putObject(b -> b.bucket(BUCKET).key("source"), AsyncRequestBody.fromBytes(content))
        .join();

    crt.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("source")
        .destinationBucket(BUCKET).destinationKey("copy")).join();

    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("copy")).asByteArray())
        .isEqualTo(content);
  }

  @Test
  void missingKeyAndMissingBucket_areS3Exceptions_withStatus404() {
    Throwable noKey = cause(crt.getObject(b -> b.bucket(BUCKET).key("randomKey"),
        AsyncResponseTransformer.toBytes()));
    Throwable noBucket = cause(crt.getObject(b -> b.bucket("no-such-crt-bucket").key("k"),
        AsyncResponseTransformer.toBytes()));

    assertThat(noKey).isInstanceOf(S3Exception.class);
    assertThat(((S3Exception) noKey).statusCode()).isEqualTo(404);
    assertThat(noBucket).isInstanceOf(S3Exception.class);
    assertThat(((S3Exception) noBucket).statusCode()).isEqualTo(404);
  }
}
