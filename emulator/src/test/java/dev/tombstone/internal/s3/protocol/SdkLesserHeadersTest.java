package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Request headers of the SDK 2.59.1 model that change what a request does:
 * {@code x-amz-mp-object-size}, {@code x-amz-source-expected-bucket-owner},
 * {@code x-amz-write-offset-bytes}.
 */
class SdkLesserHeadersTest {
  private static final String BUCKET = "lesser-headers";
  private static final String OTHER_ACCOUNT = "111122223333";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private String uploadWithTwoParts(String key) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    for (int number = 1; number <= 2; number++) {
      int n = number;
      s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(n),
          RequestBody.fromBytes(new byte[n == 1 ? 5 * 1024 * 1024 : 10]));
    }
    return uploadId;
  }

  private CompletedPart[] parts(String key, String uploadId) {
    return s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts().stream()
        .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.eTag()).build())
        .toArray(CompletedPart[]::new);
  }

  @Test
  void theObjectSizeACompletionExpects_passesWhenItIsTheSizeOfTheParts() {
    String uploadId = uploadWithTwoParts("sized");

    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("sized").uploadId(uploadId)
        .mpuObjectSize(5L * 1024 * 1024 + 10)
        .multipartUpload(m -> m.parts(parts("sized", uploadId))));

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("sized")).contentLength())
        .isEqualTo(5L * 1024 * 1024 + 10);
  }

  @ParameterizedTest
  @ValueSource(longs = {5L * 1024 * 1024 + 9, 5L * 1024 * 1024 + 11, 0})
  void anotherObjectSize_isInvalidRequest_andTheUploadStaysOpen(long expected) {
    String uploadId = uploadWithTwoParts("missized");

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("missized").uploadId(uploadId)
            .mpuObjectSize(expected)
            .multipartUpload(m -> m.parts(parts("missized", uploadId)))));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(ExpectedObjectSize.MISMATCH);
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("missized").uploadId(uploadId)).parts())
        .hasSize(2);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("missized")).contents()).isEmpty();
  }

  @Test
  void aCopyFromASourceOfAnotherExpectedOwner_isAccessDenied_andCopiesNothing() {
    s3.putObject(b -> b.bucket(BUCKET).key("source"), RequestBody.fromString("data"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("source")
            .destinationBucket(BUCKET).destinationKey("copy")
            .expectedSourceBucketOwner(OTHER_ACCOUNT)));

    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("copy")).contents()).isEmpty();

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("source")
        .destinationBucket(BUCKET).destinationKey("copy")
        .expectedSourceBucketOwner(Owner.ACCOUNT_ID));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("copy")).asUtf8String())
        .isEqualTo("data");
  }

  @Test
  void aPartCopyFromASourceOfAnotherExpectedOwner_isAccessDenied() {
    s3.putObject(b -> b.bucket(BUCKET).key("part-source"), RequestBody.fromString("data"));
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("assembled")).uploadId();

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("part-source")
            .destinationBucket(BUCKET).destinationKey("assembled").uploadId(uploadId)
            .partNumber(1).expectedSourceBucketOwner(OTHER_ACCOUNT)));

    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("assembled").uploadId(uploadId)).parts())
        .isEmpty();
  }

  @Test
  void anAppendAtAnOffset_isNotImplementedOnAGeneralPurposeBucket_andWritesNothing() {
    s3.putObject(b -> b.bucket(BUCKET).key("log"), RequestBody.fromString("first"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.putObject(b -> b.bucket(BUCKET).key("log").writeOffsetBytes(5L),
            RequestBody.fromString("second")));

    assertThat(thrown.statusCode()).isEqualTo(501);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("log")).asUtf8String())
        .isEqualTo("first");
  }
}
