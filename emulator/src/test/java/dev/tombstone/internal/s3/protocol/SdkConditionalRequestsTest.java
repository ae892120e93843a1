package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Conditional writes (2024) and conditional reads through the SDK v2. */
class SdkConditionalRequestsTest {
  private static final String BUCKET = "conditions";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private String put(String key, String content) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(content)).eTag();
  }

  @Test
  void putIfNoneMatchStar_onAnExistingKey_is412_andKeepsTheObject() {
    put("k", "first");

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").ifNoneMatch("*"), RequestBody.fromString("second")));
    s3.putObject(b -> b.bucket(BUCKET).key("new").ifNoneMatch("*"), RequestBody.fromString("n"));

    assertThat(thrown.statusCode()).isEqualTo(412);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String())
        .isEqualTo("first");
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("k", "new");
  }

  private static void assertNotImplemented(S3Exception thrown) {
    assertThat(thrown.statusCode()).isEqualTo(501);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("A header you provided implies functionality that is not implemented");
  }

  @Test
  void putWithIfMatchAndIfNoneMatch_isNotImplemented_whateverTheObject() {
    String etag = put("k", "first");

    S3Exception existing = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").ifNoneMatch("*").ifMatch(etag),
        RequestBody.fromString("second")));
    S3Exception absent = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("new").ifNoneMatch("*").ifMatch(etag),
        RequestBody.fromString("n")));
    S3Exception bothEtags = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").ifNoneMatch("\"other\"").ifMatch(etag),
        RequestBody.fromString("second")));

    assertNotImplemented(existing);
    assertNotImplemented(absent);
    assertNotImplemented(bothEtags);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String())
        .isEqualTo("first");
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("k");
  }

  @Test
  void copyWithIfMatchAndIfNoneMatch_isNotImplemented() {
    String etag = put("k", "first");
    put("src", "copied");

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b
        .sourceBucket(BUCKET).sourceKey("src").destinationBucket(BUCKET).destinationKey("k")
        .ifNoneMatch("*").ifMatch(etag)));

    assertNotImplemented(thrown);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String())
        .isEqualTo("first");
  }

  @Test
  void completeMultipartUpload_withIfMatchAndIfNoneMatch_isNotImplemented_uploadStaysOpen() {
    String etag = put("k", "first");
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")).uploadId();
    String part = s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("second")).eTag();

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
            .ifNoneMatch("*").ifMatch(etag).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(part).build()))));

    assertNotImplemented(thrown);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).hasSize(1);
  }

  @Test
  void completeMultipartUpload_ifMatchStar_isNotImplemented_withOrWithoutAnObject() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")).uploadId();
    String part = s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("second")).eTag();
    Runnable complete = () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k")
        .uploadId(uploadId).ifMatch("*").multipartUpload(m -> m.parts(
            CompletedPart.builder().partNumber(1).eTag(part).build())));

    S3Exception absent = catchThrowableOfType(S3Exception.class, complete::run);
    put("k", "first");
    S3Exception existing = catchThrowableOfType(S3Exception.class, complete::run);

    assertNotImplemented(absent);
    assertNotImplemented(existing);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).hasSize(1);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String())
        .isEqualTo("first");
  }

  @Test
  void putIfMatch_writesOnlyOverTheExpectedVersion() {
    String etag = put("k", "first");

    s3.putObject(b -> b.bucket(BUCKET).key("k").ifMatch(etag), RequestBody.fromString("second"));
    S3Exception stale = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").ifMatch(etag), RequestBody.fromString("third")));

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String())
        .isEqualTo("second");
  }

  @Test
  void putIfMatch_acceptsTheETagWithOneQuoteMissing_asS3Does() {
    String etag = put("k", "first");

    s3.putObject(b -> b.bucket(BUCKET).key("k").ifMatch(etag.substring(1)),
        RequestBody.fromString("second"));
    String second = s3.headObject(b -> b.bucket(BUCKET).key("k")).eTag();
    s3.putObject(b -> b.bucket(BUCKET).key("k").ifMatch(second.substring(0, second.length() - 1)),
        RequestBody.fromString("third"));

    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String())
        .isEqualTo("third");
  }

  @Test
  void readAndCopyConditions_compareAnETagWithOneQuoteMissing_likeTheQuotedOne() {
    String etag = put("k", "x");
    String halfQuoted = etag.substring(1);

    S3Exception notModified = catchThrowableOfType(S3Exception.class, () ->
        s3.getObject(b -> b.bucket(BUCKET).key("k").ifNoneMatch(halfQuoted)));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET)
        .destinationKey("copy").copySourceIfMatch(halfQuoted));

    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("copy")).asUtf8String())
        .isEqualTo("x");
  }

  @Test
  void completeMultipartUpload_ifNoneMatchStar_refusedWhenTheKeyExists_uploadStaysOpen() {
    put("k", "there");
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")).uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part")).eTag();
    List<CompletedPart> parts = List.of(CompletedPart.builder().partNumber(1).eTag(etag).build());

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
            .ifNoneMatch("*").multipartUpload(m -> m.parts(parts))));
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));

    assertThat(thrown.statusCode()).isEqualTo(412);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asUtf8String())
        .isEqualTo("part");
  }

  @Test
  void reads_ifNoneMatch304_ifMatch412_andDatesWithS3Precedence() {
    String etag = put("k", "x");
    Instant past = Instant.parse("2001-01-01T00:00:00Z");

    S3Exception notModified = catchThrowableOfType(S3Exception.class, () ->
        s3.getObject(b -> b.bucket(BUCKET).key("k").ifNoneMatch(etag)));
    S3Exception failed = catchThrowableOfType(S3Exception.class, () ->
        s3.headObject(b -> b.bucket(BUCKET).key("k").ifMatch("\"other\"")));
    var matchWins = s3.headObject(b -> b.bucket(BUCKET).key("k").ifMatch(etag)
        .ifUnmodifiedSince(past));

    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(failed.statusCode()).isEqualTo(412);
    assertThat(matchWins.eTag()).isEqualTo(etag);
  }

  @Test
  void rangeOfAnOldVersion_readsThatVersion() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    String old = s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("abcdef"))
        .versionId();
    put("k", "zzzzzz");

    var part = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k").versionId(old)
        .range("bytes=1-3"));

    assertThat(part.asUtf8String()).isEqualTo("bcd");
    assertThat(part.response().contentRange()).isEqualTo("bytes 1-3/6");
  }

  @Test
  void completeMultipartUpload_conditional_afterAConflictingWrite_is409() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")).uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("k").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part")).eTag();
    put("k", "meanwhile");
    s3.deleteObject(b -> b.bucket(BUCKET).key("k"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("k").uploadId(uploadId)
            .ifNoneMatch("*").multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(etag).build()))));

    assertThat(thrown.statusCode()).isEqualTo(409);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ConditionalRequestConflict");
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void copyObject_ifNoneMatchStar_onAnExistingDestination_is412() {
    put("src", "x");
    put("dst", "y");

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b
        .sourceBucket(BUCKET).sourceKey("src").destinationBucket(BUCKET).destinationKey("dst")
        .ifNoneMatch("*")));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src").destinationBucket(BUCKET)
        .destinationKey("fresh").ifNoneMatch("*"));

    assertThat(thrown.statusCode()).isEqualTo(412);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("dst")).asUtf8String())
        .isEqualTo("y");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("fresh")).asUtf8String())
        .isEqualTo("x");
  }
}
