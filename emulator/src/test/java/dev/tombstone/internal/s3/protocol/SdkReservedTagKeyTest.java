package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** Tag keys prefixed with {@code aws:} are AWS's own: every tagging path refuses them. */
class SdkReservedTagKeyTest {
  private static final String BUCKET = "reserved";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static void assertReserved(S3Exception thrown) {
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Your TagKey cannot be prefixed with aws:");
  }

  @Test
  void putObjectTagging_withAwsPrefixedKey_isInvalidTag_andKeepsTheTags() {
    s3.putObject(b -> b.bucket(BUCKET).key("k").tagging("team=ops"), RequestBody.fromString("x"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObjectTagging(
        b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(tag("aws:x", "1")))));

    assertReserved(thrown);
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet())
        .containsExactly(tag("team", "ops"));
  }

  @Test
  void putObject_withAwsPrefixedTaggingHeader_isInvalidTag_andStoresNothing() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").tagging("aws:a=1"), RequestBody.fromString("x")));

    assertReserved(thrown);
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void copyObject_replacingTagsWithAwsPrefixedKey_isInvalidTag_andStoresNothing() {
    s3.putObject(b -> b.bucket(BUCKET).key("source"), RequestBody.fromString("x"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(
        b -> b.sourceBucket(BUCKET).sourceKey("source").destinationBucket(BUCKET)
            .destinationKey("copy").taggingDirective(TaggingDirective.REPLACE)
            .tagging("aws:a=1")));

    assertReserved(thrown);
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("source");
  }

  @Test
  void createMultipartUpload_withAwsPrefixedTaggingHeader_isInvalidTag_andStartsNothing() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.createMultipartUpload(
        b -> b.bucket(BUCKET).key("big").tagging("aws:a=1")));

    assertReserved(thrown);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void putBucketTagging_withAwsPrefixedKey_isASystemTag_andKeepsTheTags() {
    s3.putBucketTagging(b -> b.bucket(BUCKET).tagging(t -> t.tagSet(tag("env", "test"))));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putBucketTagging(
        b -> b.bucket(BUCKET).tagging(t -> t.tagSet(tag("env", "test"), tag("aws:x", "1")))));

    // Bucket tags word it as AWS's recording does (LocalStack test_tagging_validation).
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("System tags cannot be added/updated by requester");
    assertThat(s3.getBucketTagging(b -> b.bucket(BUCKET)).tagSet())
        .containsExactly(tag("env", "test"));
  }

  @Test
  void keyMerelyContainingAws_isAccepted() {
    s3.putObject(b -> b.bucket(BUCKET).key("k").tagging("my-aws%3Ax=1"),
        RequestBody.fromString("x"));

    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet())
        .containsExactly(tag("my-aws:x", "1"));
  }
}
