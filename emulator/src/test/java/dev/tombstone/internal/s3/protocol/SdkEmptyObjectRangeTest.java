package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A suffix range ({@code bytes=-N}, N above zero) of an empty object is answered 200 with the
 * empty object, as S3 answers it ({@code HTTP/1.1 200 OK}, {@code Content-Length: 0}, quoted in
 * apache/arrow-rs-object-store issue 846, 2026-08; floci's S3IntegrationTest and Trino's S3
 * file-system tests read the tail of an empty object the same way). A range with a first byte
 * is still unsatisfiable.
 */
class SdkEmptyObjectRangeTest {
  private static final String BUCKET = "empty-ranges";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private String crc32;

  @BeforeEach
  void emptyObject() {
    s3.createBucket(b -> b.bucket(BUCKET));
    crc32 = s3.putObject(b -> b.bucket(BUCKET).key("empty").metadata(Map.of("kind", "empty")),
        RequestBody.empty()).checksumCRC32();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=-1", "bytes=-13", "bytes=-524288"})
  void suffixRange_isTheWholeEmptyObject(String range) {
    var read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("empty").range(range));

    assertThat(read.response().sdkHttpResponse().statusCode()).isEqualTo(200);
    assertThat(read.asByteArray()).isEmpty();
    assertThat(read.response().contentLength()).isZero();
    assertThat(read.response().contentRange()).isNull();
    assertThat(read.response().metadata()).containsEntry("kind", "empty");
  }

  @Test
  void suffixRange_withChecksumMode_carriesTheWholeObjectsChecksum() {
    var read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("empty").range("bytes=-13")
        .checksumMode(ChecksumMode.ENABLED));

    assertThat(read.response().checksumCRC32()).isNotNull().isEqualTo(crc32);
  }

  @Test
  void headWithSuffixRange_is200() {
    var head = s3.headObject(b -> b.bucket(BUCKET).key("empty").range("bytes=-5"));

    assertThat(head.sdkHttpResponse().statusCode()).isEqualTo(200);
    assertThat(head.contentLength()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-", "bytes=0-0", "bytes=-0"})
  void rangeWithAFirstByteOrNoBytes_isInvalidRange(String range) {
    S3Exception e = catchThrowableOfType(S3Exception.class,
        () -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("empty").range(range)));

    assertThat(e.statusCode()).isEqualTo(416);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The requested range is not satisfiable");
  }
}
