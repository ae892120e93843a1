package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Tag keys and values hold only S3's characters, {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}, on
 * every tagging path; anything else is 400 InvalidTag and changes nothing.
 */
class SdkTagCharactersTest {
  private static final String BUCKET = "tag-characters";
  private static final String INVALID_KEY = "The TagKey you have provided is invalid";
  private static final String INVALID_VALUE = "The TagValue you have provided is invalid";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("k").tagging("team=ops"), RequestBody.fromString("x"));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static void assertInvalidTag(S3Exception thrown, String message) {
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"metal,openstack", "x (y)", "a#b", "50%", "\u00f6l?", "\ud83d\ude00"})
  void putObjectTagging_refusesAValueWithACharacterOutsideS3sSet(String value) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObjectTagging(
        b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(tag("a", value)))));

    assertInvalidTag(thrown, INVALID_VALUE);
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet())
        .containsExactly(tag("team", "ops"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a#", "key,1", "\ud83d\ude00"})
  void putObjectTagging_refusesAKeyWithACharacterOutsideS3sSet(String key) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObjectTagging(
        b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(tag(key, "v")))));

    assertInvalidTag(thrown, INVALID_KEY);
  }

  @Test
  void putObjectTagging_acceptsLettersDigitsSpacesAndS3sSymbolsOfAnyScript() {
    Tag tag = tag("K\u00fcche 1_.:/=+-@", "\u6771\u4eac \u0662\u0663 a_.:/=+-@\u00a0");

    s3.putObjectTagging(b -> b.bucket(BUCKET).key("k").tagging(t -> t.tagSet(tag)));

    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("k")).tagSet()).containsExactly(tag);
  }

  @Test
  void putBucketTagging_refusesAValueWithParentheses() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putBucketTagging(
        b -> b.bucket(BUCKET).tagging(t -> t.tagSet(tag("Name", "x (y)")))));

    assertInvalidTag(thrown, INVALID_VALUE);
    assertThat(tombstone.s3().bucketTags(BUCKET)).isEmpty();
  }

  @Test
  void putObject_taggingHeaderWithAnEncodedComma_isRefusedAndStoresNothing() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("new").tagging("platform=metal%2Copenstack"),
        RequestBody.fromString("x")));

    assertInvalidTag(thrown, INVALID_VALUE);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).keyCount()).isEqualTo(1);
  }

  @Test
  void copyObject_replacingTagsWithABadKey_isRefused() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(
        b -> b.sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET)
            .destinationKey("copy").taggingDirective(TaggingDirective.REPLACE)
            .tagging("a%23=1")));

    assertInvalidTag(thrown, INVALID_KEY);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).keyCount()).isEqualTo(1);
  }

  @Test
  void createMultipartUpload_withABadTagValue_isRefusedAndStartsNoUpload() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big").tagging("a=1%2C2")));

    assertInvalidTag(thrown, INVALID_VALUE);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }
}
