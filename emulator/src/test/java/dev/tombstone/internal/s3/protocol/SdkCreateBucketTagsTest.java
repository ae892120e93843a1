package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.RawBucketRequests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.S3Error;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * CreateBucket's {@code CreateBucketConfiguration.Tags} ("tag on create", S3 since November
 * 2025, sent by Terraform's AWS provider from 6.23 and Pulumi): the new bucket carries them, and
 * a tag set PutBucketTagging would refuse is refused with the same error, creating nothing.
 */
class SdkCreateBucketTagsTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawBucketRequests raw = new RawBucketRequests(tombstone);

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static CreateBucketConfiguration tagged(List<Tag> tags) {
    return CreateBucketConfiguration.builder().tags(tags).build();
  }

  private S3Exception refusedCreate(String bucket, List<Tag> tags) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(tagged(tags))));
    assertThat(thrown).as("CreateBucket of %s", bucket).isNotNull();
    assertThat(tombstone.s3().bucketNames()).doesNotContain(bucket);
    return thrown;
  }

  @Test
  void tagsGivenAtCreation_areTheBucketsTagSet() {
    s3.createBucket(b -> b.bucket("tagged").createBucketConfiguration(
        tagged(List.of(tag("team", "blue"), tag("cost-center", "42")))));

    List<Tag> tagSet = s3.getBucketTagging(b -> b.bucket("tagged")).tagSet();

    assertThat(tagSet).containsExactly(tag("team", "blue"), tag("cost-center", "42"));
    assertThat(tombstone.s3().bucketTags("tagged"))
        .contains(Map.of("team", "blue", "cost-center", "42"));
  }

  @Test
  void tagsWithALocationConstraint_andObjectLock_areKeptToo() {
    s3.createBucket(b -> b.bucket("locked-tagged").objectLockEnabledForBucket(true)
        .createBucketConfiguration(c -> c.locationConstraint("eu-west-1")
            .tags(tag("env", "test"))));

    assertThat(s3.getBucketTagging(b -> b.bucket("locked-tagged")).tagSet())
        .containsExactly(tag("env", "test"));
    assertThat(s3.getBucketLocation(b -> b.bucket("locked-tagged")).locationConstraintAsString())
        .isEqualTo("eu-west-1");
    assertThat(s3.getObjectLockConfiguration(b -> b.bucket("locked-tagged"))
        .objectLockConfiguration().objectLockEnabled()).isEqualTo(ObjectLockEnabled.ENABLED);
  }

  @Test
  void noTagsOrAnEmptyTagList_leaveTheBucketWithoutATagSet() {
    s3.createBucket(b -> b.bucket("plain"));
    raw.put("plain-empty-tags", "", "<CreateBucketConfiguration><Tags/>"
        + "</CreateBucketConfiguration>");

    for (String bucket : List.of("plain", "plain-empty-tags")) {
      S3Exception thrown = catchThrowableOfType(S3Exception.class,
          () -> s3.getBucketTagging(b -> b.bucket(bucket)));
      assertThat(thrown.awsErrorDetails().errorCode()).as(bucket).isEqualTo("NoSuchTagSet");
    }
  }

  @Test
  void aRepeatedKey_isInvalidTag_andCreatesNoBucket() {
    S3Exception thrown = refusedCreate("twice", List.of(tag("k", "1"), tag("k", "2")));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot provide multiple Tags with the same key");
  }

  @Test
  void moreThanFiftyTags_isInvalidTag_andCreatesNoBucket() {
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      tags.add(tag("k" + i, "v"));
    }

    S3Exception thrown = refusedCreate("crowded", tags);

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The TagSet provided exceeds the maximum of 50 tags");
  }

  @Test
  void fiftyTags_areAccepted() {
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tags.add(tag("k" + i, "v"));
    }

    s3.createBucket(b -> b.bucket("full").createBucketConfiguration(tagged(tags)));

    assertThat(s3.getBucketTagging(b -> b.bucket("full")).tagSet()).hasSize(50);
  }

  @Test
  void badKeysAndValues_areRefusedAsPutBucketTaggingRefusesThem() {
    assertThat(refusedCreate("reserved", List.of(tag("aws:owner", "me")))
        .awsErrorDetails().errorMessage())
        .isEqualTo("System tags cannot be added/updated by requester");
    assertThat(refusedCreate("long-key", List.of(tag("k".repeat(129), "v")))
        .awsErrorDetails().errorMessage()).isEqualTo("The TagKey you have provided is invalid");
    assertThat(refusedCreate("long-value", List.of(tag("k", "v".repeat(257))))
        .awsErrorDetails().errorMessage()).isEqualTo("The TagValue you have provided is invalid");
    assertThat(refusedCreate("bad-char", List.of(tag("k", "a*b")))
        .awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
  }

  @Test
  void aTagWithoutAKeyOrValue_orTwoTagLists_isMalformedXml_andCreatesNoBucket() {
    for (String body : List.of(
        "<CreateBucketConfiguration><Tags><Tag><Value>v</Value></Tag></Tags>"
            + "</CreateBucketConfiguration>",
        "<CreateBucketConfiguration><Tags><Tag><Key>k</Key></Tag></Tags>"
            + "</CreateBucketConfiguration>",
        "<CreateBucketConfiguration><Tags/><Tags/></CreateBucketConfiguration>")) {
      assertError(raw.put("malformed", "", body), 400, "MalformedXML", WireError.MALFORMED_XML);
    }
    assertThat(tombstone.s3().bucketNames()).doesNotContain("malformed");
  }

  @Test
  void recreatingAnExistingUsEast1Bucket_leavesItsTagsAlone() {
    s3.createBucket(b -> b.bucket("again").createBucketConfiguration(
        tagged(List.of(tag("first", "1")))));

    s3.createBucket(b -> b.bucket("again").createBucketConfiguration(
        tagged(List.of(tag("second", "2")))));

    assertThat(s3.getBucketTagging(b -> b.bucket("again")).tagSet())
        .containsExactly(tag("first", "1"));
  }

  @Test
  void theJavaApi_validatesTagsBeforeCreating() {
    Map<String, String> tooMany = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 51; i++) {
      tooMany.put("k" + i, "v");
    }

    assertThat(catchThrowableOfType(S3Error.InvalidTag.class,
        () -> tombstone.s3().createBucket("java-crowded", Optional.empty(), Optional.empty(),
            Optional.empty(), tooMany))).isNotNull();
    assertThat(tombstone.s3().bucketNames()).doesNotContain("java-crowded");

    tombstone.s3().createBucket("java-tagged", Optional.empty(), Optional.empty(),
        Optional.empty(), Map.of("team", "red"));
    assertThat(tombstone.s3().bucketTags("java-tagged")).contains(Map.of("team", "red"));
  }
}
