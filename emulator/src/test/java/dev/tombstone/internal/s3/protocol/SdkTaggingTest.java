package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Object and bucket tagging through the SDK v2, with S3's limits. */
class SdkTaggingTest {
  private static final String BUCKET = "tags";

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

  @Test
  void putObjectWithTaggingHeader_countOnHead_tagsOnGetObjectTagging() {
    s3.putObject(b -> b.bucket(BUCKET).key("k").tagging("team=ops&state=to%20delete"),
        RequestBody.fromString("x"));

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("k")).tagCount()).isEqualTo(2);
    assertThat(s3.getObject(b -> b.bucket(BUCKET).key("k")).response().tagCount()).isEqualTo(2);
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet())
        .containsExactly(tag("team", "ops"), tag("state", "to delete"));
  }

  @Test
  void taggingAVersion_changesOnlyThatVersion_andDeleteRemovesTags() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    String old = s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("1"))
        .versionId();
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("2"));

    String tagged = s3.putObjectTagging(b -> b.bucket(BUCKET).key("k").versionId(old)
        .tagging(t -> t.tagSet(tag("expired", "yes")))).versionId();

    assertThat(tagged).isEqualTo(old);
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k").versionId(old)).tagSet())
        .containsExactly(tag("expired", "yes"));
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet()).isEmpty();
    assertThat(s3.listObjectVersions(b -> b.bucket(BUCKET)).versions()).hasSize(2);

    s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("k").versionId(old));
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k").versionId(old)).tagSet())
        .isEmpty();
  }

  @Test
  void limits_elevenTags_duplicateKey_longKey_longValue() {
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));
    List<Tag> eleven = IntStream.range(0, 11).mapToObj(i -> tag("k" + i, "v")).toList();

    S3Exception tooMany = catchThrowableOfType(S3Exception.class, () -> s3.putObjectTagging(
        b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(eleven))));
    S3Exception duplicate = catchThrowableOfType(S3Exception.class, () -> s3.putObjectTagging(
        b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(tag("a", "1"), tag("a", "2")))));
    S3Exception longKey = catchThrowableOfType(S3Exception.class, () -> s3.putObjectTagging(
        b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(tag("k".repeat(129), "v")))));
    S3Exception longValue = catchThrowableOfType(S3Exception.class, () -> s3.putObjectTagging(
        b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(tag("k", "v".repeat(257))))));

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("BadRequest");
    assertThat(tooMany.awsErrorDetails().errorMessage())
        .isEqualTo("Object tags cannot be greater than 10");
    assertThat(duplicate.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    assertThat(duplicate.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot provide multiple Tags with the same key");
    assertThat(longKey.awsErrorDetails().errorMessage())
        .isEqualTo("The TagKey you have provided is invalid");
    assertThat(longValue.awsErrorDetails().errorMessage())
        .isEqualTo("The TagValue you have provided is invalid");
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=1&a=2", "a=&a=", "a=1&b=2&a", "k%20=1&k+=2"})
  void taggingHeaderNamingAKeyTwice_isInvalidArgument_unlikeTheXmlBody(String header) {
    S3Exception putObject = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").tagging(header), RequestBody.fromString("x")));
    S3Exception createUpload = catchThrowableOfType(S3Exception.class, () ->
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k").tagging(header)));

    for (S3Exception thrown : List.of(putObject, createUpload)) {
      assertThat(thrown.statusCode()).isEqualTo(400);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
      assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("The header 'x-amz-tagging'"
          + " shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name"
          + " duplicates.");
    }
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).keyCount()).isZero();
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void bucketTagging_putGetDelete_andNoSuchTagSet() {
    s3.putBucketTagging(b -> b.bucket(BUCKET).tagging(t -> t.tagSet(tag("env", "test"))));

    assertThat(s3.getBucketTagging(b -> b.bucket(BUCKET)).tagSet())
        .containsExactly(tag("env", "test"));

    s3.deleteBucketTagging(b -> b.bucket(BUCKET));
    S3Exception missing = catchThrowableOfType(S3Exception.class, () ->
        s3.getBucketTagging(b -> b.bucket(BUCKET)));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");
  }
}
