package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A checksum value in a header beside a trailer announced for a checksum is refused before the
 * body is read, as S3 refuses it (versity/versitygw#1657). The SDK for Java v2 sends that shape
 * over plain HTTP when a PutObject names both the algorithm and its precomputed value: it
 * announces the trailer, then puts the value in the header and sends no trailer.
 */
class SdkChecksumHeaderBesideTrailerTest {
  private static final String BUCKET = "header-and-trailer";
  private static final String HELLO_CRC32 = "NhCmhg==";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @Test
  void algorithmAndValueTogether_isInvalidRequest_andStoresNothing() {
    S3Exception refused = catchThrowableOfType(S3Exception.class,
        () -> s3.putObject(b -> b.bucket(BUCKET).key("both")
            .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumCRC32(HELLO_CRC32),
            RequestBody.fromString("hello")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(refused.awsErrorDetails().errorMessage())
        .isEqualTo("Expecting a single x-amz-checksum- header");
    assertThat(catchThrowableOfType(NoSuchKeyException.class,
        () -> s3.headObject(b -> b.bucket(BUCKET).key("both")))).isNotNull();
  }

  @Test
  void theValueAlone_travelsInTheHeader_andIsStored() {
    PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key("value")
        .checksumCRC32(HELLO_CRC32), RequestBody.fromString("hello"));

    assertThat(put.checksumCRC32()).isEqualTo(HELLO_CRC32);
  }

  @Test
  void theAlgorithmAlone_travelsInTheTrailer_andIsStored() {
    PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key("algorithm")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString("hello"));

    assertThat(put.checksumCRC32()).isEqualTo(HELLO_CRC32);
  }
}
