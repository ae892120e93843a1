package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;

/**
 * A ranged GET that covers the whole object carries its checksum, as LocalStack's AWS
 * recordings {@code get--15} and {@code get-0-100} show (test_get_object_range, 21-01-2025).
 */
class SdkWholeRangeChecksumTest {
  private static final String BUCKET = "whole-range";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private String crc32;

  @BeforeEach
  void object() {
    s3.createBucket(b -> b.bucket(BUCKET));
    crc32 = s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("0123456789"))
        .checksumCRC32();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=-15", "bytes=0-100", "bytes=0-9"})
  void rangeCoveringEveryByte_carriesTheChecksum(String range) {
    var read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k").range(range)
        .checksumMode(ChecksumMode.ENABLED));

    assertThat(read.response().contentRange()).isEqualTo("bytes 0-9/10");
    assertThat(read.response().checksumCRC32()).isNotNull().isEqualTo(crc32);
    assertThat(read.response().checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @Test
  void properSubRange_carriesNoChecksum() {
    var read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k").range("bytes=0-8")
        .checksumMode(ChecksumMode.ENABLED));

    assertThat(read.asUtf8String()).isEqualTo("012345678");
    assertThat(read.response().checksumCRC32()).isNull();
  }
}
