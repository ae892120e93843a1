package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * CopyObjectResult names the copy's checksum but no ChecksumType, as LocalStack's AWS
 * recordings of test_s3_copy_object_preconditions (12-11-2025) show.
 */
class CopyObjectResultShapeTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @Test
  void copyObjectResult_hasTheChecksumWithoutAChecksumType() {
    s3.createBucket(b -> b.bucket("copies"));
    String crc32 = s3.putObject(b -> b.bucket("copies").key("src"),
        RequestBody.fromString("test")).checksumCRC32();

    var result = s3.copyObject(b -> b.sourceBucket("copies").sourceKey("src")
        .destinationBucket("copies").destinationKey("dst")).copyObjectResult();

    assertThat(result.checksumCRC32()).isNotNull().isEqualTo(crc32);
    assertThat(result.checksumType()).isNull();
  }
}
