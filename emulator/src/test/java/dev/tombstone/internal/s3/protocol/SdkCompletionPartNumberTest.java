package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The part numbers a CompleteMultipartUpload document may name, through the SDK v2. */
class SdkCompletionPartNumberTest {
  private static final String BUCKET = "completion-numbers";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -4})
  void aPartNumberBelowOne_isInvalidArgument_andTheUploadStaysOpen(int number) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")).uploadId();
    String part = s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("only part")).eTag();

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
            .multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(number).eTag(part).build()))));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("PartNumber must be >= 1");
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)).parts())
        .extracting(p -> p.partNumber()).containsExactly(1);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
  }
}
