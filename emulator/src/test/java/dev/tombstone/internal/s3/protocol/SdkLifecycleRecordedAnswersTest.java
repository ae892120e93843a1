package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Lifecycle answers LocalStack's AWS-validated snapshots recorded (qa-ls-s3b #5, #9, #10),
 * through the SDK v2.
 */
class SdkLifecycleRecordedAnswersTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  private static LifecycleRule expireAfterDays(String id, LifecycleRuleFilter filter) {
    return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED).filter(filter)
        .expiration(e -> e.days(1)).build();
  }

  @Test
  void duplicateTagKeysInAnd_areInvalidRequest_andNothingIsStored() {
    s3.createBucket(b -> b.bucket("dup-tags"));
    LifecycleRuleFilter filter = LifecycleRuleFilter.builder().and(a -> a.prefix("p/")
        .tags(Tag.builder().key("testlifecycle").value("positive").build(),
            Tag.builder().key("testlifecycle").value("positive-two").build())).build();

    S3Exception thrown = catchThrowableOfType(() -> s3.putBucketLifecycleConfiguration(
        b -> b.bucket("dup-tags").lifecycleConfiguration(
            c -> c.rules(expireAfterDays("r", filter)))), S3Exception.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Duplicate Tag Keys are not allowed.");
    assertThat(catchThrowableOfType(() -> s3.getBucketLifecycleConfiguration(
        b -> b.bucket("dup-tags")), S3Exception.class).awsErrorDetails().errorCode())
        .isEqualTo("NoSuchLifecycleConfiguration");
  }

  @Test
  void anEmptyFilter_comesBackEmpty_andAnEmptyPrefix_comesBackAsSent() {
    s3.createBucket(b -> b.bucket("filters"));

    s3.putBucketLifecycleConfiguration(b -> b.bucket("filters").lifecycleConfiguration(c -> c
        .rules(expireAfterDays("empty", LifecycleRuleFilter.builder().build()),
            expireAfterDays("empty-prefix", LifecycleRuleFilter.builder().prefix("").build()))));
    List<LifecycleRule> rules =
        s3.getBucketLifecycleConfiguration(b -> b.bucket("filters")).rules();

    assertThat(rules).extracting(LifecycleRule::id).containsExactly("empty", "empty-prefix");
    assertThat(rules.get(0).filter()).isEqualTo(LifecycleRuleFilter.builder().build());
    assertThat(rules.get(1).filter().prefix()).isEmpty();
  }

  @Test
  void readsByVersionId_carryNoExpirationHeader_evenOfTheCurrentVersion() {
    s3.createBucket(b -> b.bucket("expiring"));
    s3.putBucketVersioning(b -> b.bucket("expiring")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("expiring").lifecycleConfiguration(c -> c
        .rules(expireAfterDays("rule2", LifecycleRuleFilter.builder().prefix("").build()))));
    String current = s3.putObject(b -> b.bucket("expiring").key("k"),
        RequestBody.fromString("v")).versionId();

    String plainHead = s3.headObject(b -> b.bucket("expiring").key("k")).expiration();
    String headByVersion = s3.headObject(b -> b.bucket("expiring").key("k")
        .versionId(current)).expiration();
    String getByVersion = s3.getObjectAsBytes(b -> b.bucket("expiring").key("k")
        .versionId(current)).response().expiration();

    assertThat(plainHead).contains("rule-id=\"rule2\"");
    assertThat(headByVersion).isNull();
    assertThat(getByVersion).isNull();
  }
}
