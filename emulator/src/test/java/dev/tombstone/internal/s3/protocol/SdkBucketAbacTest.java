package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.RawBucketRequests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAbacStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Get/PutBucketAbac: attribute-based access control is off for every new bucket, is turned on
 * and off with {@code <AbacStatus><Status>}, and while on stops PutBucketTagging and
 * DeleteBucketTagging, which AWS then refuses in favour of S3 Control's TagResource.
 */
class SdkBucketAbacTest {
  private static final String BUCKET = "attributes";
  private static final String ABAC_ON = "This S3 general purpose bucket has attribute-based"
      + " access control (ABAC) enabled. ";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawBucketRequests raw = new RawBucketRequests(tombstone);

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private BucketAbacStatus status() {
    return s3.getBucketAbac(b -> b.bucket(BUCKET)).abacStatus().status();
  }

  private void put(BucketAbacStatus status) {
    s3.putBucketAbac(b -> b.bucket(BUCKET).abacStatus(a -> a.status(status)));
  }

  private void tag(String key, String value) {
    s3.putBucketTagging(b -> b.bucket(BUCKET)
        .tagging(t -> t.tagSet(Tag.builder().key(key).value(value).build())));
  }

  @Test
  void aNewBucket_answersDisabled() {
    assertThat(status()).isEqualTo(BucketAbacStatus.DISABLED);
    assertThat(raw.get(BUCKET, "abac").body()).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AbacStatus xmlns="
            + "\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>Disabled</Status>"
            + "</AbacStatus>");
    assertThat(tombstone.s3().abacEnabled(BUCKET)).isFalse();
  }

  @Test
  void abac_isEnabled_thenDisabled() {
    put(BucketAbacStatus.ENABLED);
    assertThat(status()).isEqualTo(BucketAbacStatus.ENABLED);
    assertThat(tombstone.s3().abacEnabled(BUCKET)).isTrue();

    put(BucketAbacStatus.DISABLED);
    assertThat(status()).isEqualTo(BucketAbacStatus.DISABLED);
    assertThat(tombstone.s3().abacEnabled(BUCKET)).isFalse();
  }

  @Test
  void withAbacOn_bucketTagsAreKept_butPutAndDeleteBucketTaggingAreBadRequest() {
    tag("team", "blue");
    put(BucketAbacStatus.ENABLED);

    S3Exception put = catchThrowableOfType(S3Exception.class, () -> tag("team", "red"));
    S3Exception delete = catchThrowableOfType(S3Exception.class,
        () -> s3.deleteBucketTagging(b -> b.bucket(BUCKET)));

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.awsErrorDetails().errorCode()).isEqualTo("BadRequest");
    assertThat(put.awsErrorDetails().errorMessage()).isEqualTo(ABAC_ON + "To add tags to this"
        + " bucket, initiate a TagResource request. To delete tags from this bucket, initiate"
        + " an UntagResource request.");
    assertThat(delete.statusCode()).isEqualTo(400);
    assertThat(delete.awsErrorDetails().errorCode()).isEqualTo("BadRequest");
    assertThat(delete.awsErrorDetails().errorMessage()).isEqualTo(ABAC_ON
        + "To delete tags from this bucket, initiate an UntagResource request.");
    assertThat(s3.getBucketTagging(b -> b.bucket(BUCKET)).tagSet())
        .containsExactly(Tag.builder().key("team").value("blue").build());

    put(BucketAbacStatus.DISABLED);
    tag("team", "red");
    assertThat(tombstone.s3().bucketTags(BUCKET)).contains(java.util.Map.of("team", "red"));
  }

  @Test
  void anUnknownOrMissingStatus_orAnotherDocument_isMalformedXml_andChangesNothing() {
    for (String body : List.of(
        "<AbacStatus><Status>On</Status></AbacStatus>",
        "<AbacStatus><Status>enabled</Status></AbacStatus>",
        "<AbacStatus/>", "<Status>Enabled</Status>", "not xml",
        "<AbacStatus><Status>Enabled</Status><Bogus/></AbacStatus>")) {
      assertError(raw.put(BUCKET, "abac", body), 400, "MalformedXML", WireError.MALFORMED_XML);
    }
    assertThat(tombstone.s3().abacEnabled(BUCKET)).isFalse();
  }

  @Test
  void aWrongContentMd5_isBadDigest_andChangesNothing() {
    String body = "<AbacStatus><Status>Enabled</Status></AbacStatus>";

    assertThat(raw.put(BUCKET, "abac", body, "Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")
        .statusCode()).isEqualTo(400);
    assertThat(tombstone.s3().abacEnabled(BUCKET)).isFalse();
    assertThat(raw.put(BUCKET, "abac", body).statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().abacEnabled(BUCKET)).isTrue();
  }

  @Test
  void aMissingBucket_isNoSuchBucket_andDeleteIsNotAllowed() {
    assertThat(catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.getBucketAbac(b -> b.bucket("missing")))).isNotNull();
    assertThat(catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.putBucketAbac(b -> b.bucket("missing")
            .abacStatus(a -> a.status(BucketAbacStatus.ENABLED))))).isNotNull();
    assertError(raw.delete(BUCKET, "abac"), 405, "MethodNotAllowed",
        "The specified method is not allowed against this resource.");
    assertThat(tombstone.s3().bucketNames()).contains(BUCKET);
  }

  @Test
  void theStatus_diesWithTheBucket_andIsClearedByReset() {
    put(BucketAbacStatus.ENABLED);
    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(status()).isEqualTo(BucketAbacStatus.DISABLED);

    put(BucketAbacStatus.ENABLED);
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(status()).isEqualTo(BucketAbacStatus.DISABLED);
  }
}
