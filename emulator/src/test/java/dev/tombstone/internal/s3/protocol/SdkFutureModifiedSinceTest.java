package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An {@code If-Modified-Since} later than the server's time is ignored, on reads and on copy
 * sources (LocalStack's AWS recordings {@code obj-ignore-future-modified-since} and
 * {@code copy-ignore-future-modified-since}).
 */
class SdkFutureModifiedSinceTest {
  private static final String BUCKET = "future-dates";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private Instant lastModified;
  private Instant tomorrow;

  @BeforeEach
  void object() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("src"), RequestBody.fromString("content"));
    lastModified = s3.headObject(b -> b.bucket(BUCKET).key("src")).lastModified();
    tomorrow = Instant.now().plus(Duration.ofDays(1));
  }

  @Test
  void getAndHead_ignoreAFutureIfModifiedSince() {
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("src").ifModifiedSince(tomorrow));
    var head = s3.headObject(b -> b.bucket(BUCKET).key("src").ifModifiedSince(tomorrow));

    assertThat(got.asUtf8String()).isEqualTo("content");
    assertThat(head.contentLength()).isEqualTo(7);
  }

  @Test
  void get_isStillNotModified_sinceItsLastModified() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.getObject(b -> b.bucket(BUCKET).key("src").ifModifiedSince(lastModified)));

    assertThat(thrown.statusCode()).isEqualTo(304);
  }

  @Test
  void copyObject_ignoresAFutureCopySourceIfModifiedSince() {
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src").destinationBucket(BUCKET)
        .destinationKey("dst").copySourceIfModifiedSince(tomorrow));

    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("dst")).asUtf8String())
        .isEqualTo("content");
  }

  @Test
  void copyObject_stillFails_whenTheSourceIsNotModifiedSinceAPastDate() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b
        .sourceBucket(BUCKET).sourceKey("src").destinationBucket(BUCKET).destinationKey("dst")
        .copySourceIfModifiedSince(lastModified)));

    assertThat(thrown.statusCode()).isEqualTo(412);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
  }

  @Test
  void uploadPartCopy_ignoresAFutureCopySourceIfModifiedSince() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp")).uploadId();

    var part = s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("mp").uploadId(uploadId).partNumber(1)
        .copySourceIfModifiedSince(tomorrow));

    assertThat(part.copyPartResult().eTag()).isNotBlank();
  }
}
