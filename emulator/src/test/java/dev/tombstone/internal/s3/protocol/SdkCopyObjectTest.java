package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** CopyObject and UploadPartCopy through the SDK v2 at default settings. */
class SdkCopyObjectTest {
  private static final String BUCKET = "copies";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private void enableVersioning() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
  }

  private String put(String key, String content) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(Map.of("origin", content)),
        RequestBody.fromString(content)).versionId();
  }

  private String read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
  }

  @Test
  void restoreAnOldVersion_byCopyingItOntoItsKey_makesItCurrent() {
    enableVersioning();
    String first = put("report.csv", "v1");
    put("report.csv", "v2");

    CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("report.csv")
        .sourceVersionId(first).destinationBucket(BUCKET).destinationKey("report.csv"));

    assertThat(read("report.csv")).isEqualTo("v1");
    assertThat(copy.copySourceVersionId()).isEqualTo(first);
    assertThat(copy.versionId()).isNotEqualTo(first);
    assertThat(s3.listObjectVersions(b -> b.bucket(BUCKET)).versions()).hasSize(3)
        .first().satisfies(v -> {
          assertThat(v.isLatest()).isTrue();
          assertThat(v.versionId()).isEqualTo(copy.versionId());
        });
    assertThat(copy.copyObjectResult().eTag())
        .isEqualTo(s3.headObject(b -> b.bucket(BUCKET).key("report.csv")).eTag());
    assertThat(tombstone.s3().currentObject(BUCKET, "report.csv").orElseThrow().content())
        .isSameAs(tombstone.s3().getObject(BUCKET, "report.csv",
            java.util.Optional.of(first)).content());
  }

  @Test
  void copyWithoutStorageClass_isStandard_notTheSourcesClass() {
    s3.putObject(b -> b.bucket(BUCKET).key("cold").storageClass(StorageClass.STANDARD_IA),
        RequestBody.fromString("data"));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("cold")
        .destinationBucket(BUCKET).destinationKey("warm"));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("cold")
        .destinationBucket(BUCKET).destinationKey("colder").storageClass(StorageClass.GLACIER_IR));

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("cold")).storageClassAsString())
        .isEqualTo("STANDARD_IA");
    // HEAD names no class for STANDARD objects
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("warm")).storageClassAsString()).isNull();
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("colder")).storageClassAsString())
        .isEqualTo("GLACIER_IR");
  }

  @Test
  void copy_keepsMetadataAndTags_orReplacesThem() {
    s3.putObject(b -> b.bucket(BUCKET).key("a b+c").metadata(Map.of("m", "1"))
        .contentType("text/csv").tagging("t=1"), RequestBody.fromString("data"));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("a b+c")
        .destinationBucket(BUCKET).destinationKey("archive/a b+c"));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("a b+c")
        .destinationBucket(BUCKET).destinationKey("replaced")
        .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("m", "2"))
        .taggingDirective(TaggingDirective.REPLACE).tagging("u=2"));

    var kept = s3.headObject(b -> b.bucket(BUCKET).key("archive/a b+c"));
    var replaced = s3.headObject(b -> b.bucket(BUCKET).key("replaced"));
    assertThat(kept.metadata()).containsEntry("m", "1");
    assertThat(kept.contentType()).isEqualTo("text/csv");
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("archive/a b+c")).tagSet())
        .containsExactly(Tag.builder().key("t").value("1").build());
    assertThat(replaced.metadata()).containsEntry("m", "2");
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("replaced")).tagSet())
        .containsExactly(Tag.builder().key("u").value("2").build());
  }

  @Test
  void copyIfMatch_failing_is412_andCopiesNothing() {
    put("k", "x");

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b
        .sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET).destinationKey("k2")
        .copySourceIfMatch("\"00000000000000000000000000000000\"")));

    assertThat(thrown.statusCode()).isEqualTo(412);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).hasSize(1);
  }

  @Test
  void copyConditions_followS3Precedence() {
    put("k", "x");
    String etag = s3.headObject(b -> b.bucket(BUCKET).key("k")).eTag();
    Instant past = Instant.parse("2001-01-01T00:00:00Z");

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET)
        .destinationKey("ok").copySourceIfMatch(etag).copySourceIfUnmodifiedSince(past));
    S3Exception noneMatch = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b
        .sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET).destinationKey("no")
        .copySourceIfNoneMatch(etag).copySourceIfModifiedSince(past)));

    assertThat(read("ok")).isEqualTo("x");
    assertThat(noneMatch.statusCode()).isEqualTo(412);
  }

  @Test
  void copyOntoItself_withNothingChanged_isInvalidRequest() {
    put("k", "x");

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b
        .sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET).destinationKey("k")));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET)
        .destinationKey("k").metadataDirective(MetadataDirective.REPLACE)
        .metadata(Map.of("new", "yes")));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage()).startsWith(
        "This copy request is illegal because it is trying to copy an object to itself");
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("k")).metadata())
        .containsEntry("new", "yes");
  }

  @Test
  void copyFromDeletedKey_isNoSuchKey_andFromAMarkerVersion_isInvalidRequest() {
    enableVersioning();
    put("k", "x");
    String marker = s3.deleteObject(b -> b.bucket(BUCKET).key("k")).versionId();

    catchThrowableOfType(NoSuchKeyException.class, () -> s3.copyObject(b -> b
        .sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET).destinationKey("k2")));
    S3Exception byVersion = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b
        .sourceBucket(BUCKET).sourceKey("k").sourceVersionId(marker)
        .destinationBucket(BUCKET).destinationKey("k2")));

    assertThat(byVersion.statusCode()).isEqualTo(400);
    assertThat(byVersion.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(byVersion.awsErrorDetails().errorMessage()).isEqualTo("The source of a copy"
        + " request may not specifically refer to a delete marker by version id.");
  }

  @Test
  void copyIntoSuspendedBucket_replacesTheNullVersion() {
    s3.createBucket(b -> b.bucket("other"));
    put("k", "x");
    s3.putBucketVersioning(b -> b.bucket("other")
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED)));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k").destinationBucket("other")
        .destinationKey("k"));
    CopyObjectResponse second = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k")
        .destinationBucket("other").destinationKey("k"));

    assertThat(second.versionId()).isNull();
    assertThat(s3.listObjectVersions(b -> b.bucket("other")).versions()).singleElement()
        .satisfies(v -> assertThat(v.versionId()).isEqualTo("null"));
  }

  @Test
  void uploadPartCopy_withRanges_assemblesTheObject() {
    put("src", "0123456789");
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("dst")).uploadId();

    String first = s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("dst").uploadId(uploadId).partNumber(1)
        .copySourceRange("bytes=0-3")).copyPartResult().eTag();
    S3Exception outside = catchThrowableOfType(S3Exception.class, () -> s3.uploadPartCopy(b -> b
        .sourceBucket(BUCKET).sourceKey("src").destinationBucket(BUCKET).destinationKey("dst")
        .uploadId(uploadId).partNumber(2).copySourceRange("bytes=5-99")));
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("dst").uploadId(uploadId)
        .multipartUpload(m -> m.parts(List.of(
            CompletedPart.builder().partNumber(1).eTag(first).build()))));

    assertThat(read("dst")).isEqualTo("0123");
    assertThat(outside.statusCode()).isEqualTo(400);
  }

  private S3Exception uploadPartCopyRefused(String range) {
    put("src", "0123456789");
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("dst")).uploadId();
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.uploadPartCopy(b -> b
        .sourceBucket(BUCKET).sourceKey("src").destinationBucket(BUCKET).destinationKey("dst")
        .uploadId(uploadId).partNumber(1).copySourceRange(range)));
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key("dst").uploadId(uploadId)).parts())
        .isEmpty();
    return thrown;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-20", "bytes=5-99", "bytes=0-100"})
  void uploadPartCopy_rangeEndingPastTheSource_isInvalidArgumentNamingItsSize(String range) {
    S3Exception thrown = uploadPartCopyRefused(range);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Range specified is not valid for source object of size: 10");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=10-12", "bytes=100-200"})
  void uploadPartCopy_rangeStartingPastTheSource_isInvalidRequest(String range) {
    S3Exception thrown = uploadPartCopyRefused(range);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The specified copy range is invalid for the source object size");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=6-5", "bytes=1-0", "bytes=0--1", "bytes=-2", "0-8"})
  void uploadPartCopy_rangeEndingBeforeItStartsOrMalformed_isInvalidArgumentOnItsForm(
      String range) {
    S3Exception thrown = uploadPartCopyRefused(range);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The x-amz-copy-source-range value must be of the form bytes=first-last"
            + " where first and last are the zero-based offsets of the first and last bytes"
            + " to copy");
  }
}
