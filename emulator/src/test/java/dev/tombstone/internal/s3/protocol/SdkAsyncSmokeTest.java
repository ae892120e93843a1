package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** The async client (Netty, its own body framing) works at default settings. */
class SdkAsyncSmokeTest {
  @Test
  void asyncClient_putsReadsAndDeletes() {
    try (Tombstone tombstone = Tombstone.builder().start();
        S3AsyncClient s3 = SdkClients.async(tombstone)) {
      s3.createBucket(b -> b.bucket("async-bucket")).join();
      s3.putBucketVersioning(b -> b.bucket("async-bucket")
          .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED))).join();

      String version = s3.putObject(b -> b.bucket("async-bucket").key("a.txt"),
          AsyncRequestBody.fromString("hello async")).join().versionId();
      String read = s3.getObject(b -> b.bucket("async-bucket").key("a.txt"),
          AsyncResponseTransformer.toBytes()).join().asUtf8String();
      boolean marker = s3.deleteObject(b -> b.bucket("async-bucket").key("a.txt")).join()
          .deleteMarker();

      assertThat(read).isEqualTo("hello async");
      assertThat(marker).isTrue();
      assertThat(tombstone.s3().versions("async-bucket", "a.txt")).hasSize(2);
      assertThat(tombstone.s3().getObject("async-bucket", "a.txt",
          java.util.Optional.of(version)).content().asUtf8()).isEqualTo("hello async");
    }
  }
}
