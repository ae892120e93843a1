package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A copy's own checksum is computed over the very source version the copy reads. */
class CopyChecksumTest {
  private final S3State s3 = new S3State("us-east-1", Clock.systemUTC());

  @Test
  void sourceOverwrittenWhileTheChecksumIsComputed_copyKeepsTheBytesItChecksummed() {
    s3.createBucket("docs");
    s3.putObject("docs", "report", "first");
    AtomicReference<String> checksummed = new AtomicReference<>();

    s3.copyObject(CopyObject.Request.of("docs", "report", "docs", "copy"),
        ObjectLock.WriteLock.NONE, source -> {
          checksummed.set(text(source));
          s3.putObject("docs", "report", "second, written meanwhile");
          return Optional.of(new Checksum("CRC32", "of-" + text(source)));
        });

    StoredObject copy = s3.getObject("docs", "copy", Optional.empty());
    assertThat(checksummed.get()).isEqualTo("first");
    assertThat(text(copy)).isEqualTo("first");
    assertThat(copy.checksum()).contains(new Checksum("CRC32", "of-first"));
  }

  private static String text(StoredObject object) {
    byte[] bytes = new byte[object.content().size()];
    object.content().asReadOnlyBuffer().get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
