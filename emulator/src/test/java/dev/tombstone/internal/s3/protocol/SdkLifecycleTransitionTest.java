package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Lifecycle Transition and NoncurrentVersionTransition actions, performed on a manual clock. */
class SdkLifecycleTransitionTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  static final String LARGE = "x".repeat(200 * 1024);

  static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final S3Client s3 = server.s3();

  private void configure(LifecycleRule rule, TransitionDefaultMinimumObjectSize minimum) {
    s3.putBucketLifecycleConfiguration(b -> b.bucket("data")
        .transitionDefaultMinimumObjectSize(minimum)
        .lifecycleConfiguration(c -> c.rules(rule)));
  }

  private HeadObjectResponse head(String key) {
    return s3.headObject(b -> b.bucket("data").key(key));
  }

  private static LifecycleRule.Builder rule() {
    return LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(""));
  }

  @Test
  void currentVersions_moveDownTheWaterfall_onTheClock_keepingBodyAndIdentity() {
    s3.createBucket(b -> b.bucket("data"));
    configure(rule().transitions(t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA),
        t -> t.days(60).storageClass(TransitionStorageClass.GLACIER)).build(),
        TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
    s3.putObject(b -> b.bucket("data").key("big.bin").metadata(java.util.Map.of("owner", "ann")),
        RequestBody.fromString(LARGE));
    HeadObjectResponse before = head("big.bin");

    // Written 10:00 on Jan 1: 30 days later is 10:00 on Jan 31, rounded up to midnight Feb 1.
    clock.set(Instant.parse("2026-01-31T23:59:59Z"));
    assertThat(head("big.bin").storageClassAsString()).isNull();
    clock.set(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(head("big.bin").storageClassAsString()).isEqualTo("STANDARD_IA");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("data").key("big.bin")).asUtf8String())
        .isEqualTo(LARGE);

    clock.set(Instant.parse("2026-03-02T23:59:59Z"));
    assertThat(head("big.bin").storageClassAsString()).isEqualTo("STANDARD_IA");
    clock.set(Instant.parse("2026-03-03T00:00:00Z"));
    HeadObjectResponse after = head("big.bin");
    assertThat(after.storageClassAsString()).isEqualTo("GLACIER");
    assertThat(after.eTag()).isEqualTo(before.eTag());
    assertThat(after.lastModified()).isEqualTo(before.lastModified());
    assertThat(after.metadata()).containsEntry("owner", "ann");
    assertThat(s3.listObjectsV2(b -> b.bucket("data")).contents().get(0).storageClassAsString())
        .isEqualTo("GLACIER");
    S3Exception refused = catchThrowableOfType(
        () -> s3.getObjectAsBytes(b -> b.bucket("data").key("big.bin")), S3Exception.class);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidObjectState");
  }

  @Test
  void aLongMove_endsInTheLowestDueClass() {
    s3.createBucket(b -> b.bucket("data"));
    configure(rule().transitions(t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA),
        t -> t.days(90).storageClass(TransitionStorageClass.DEEP_ARCHIVE)).build(),
        TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
    s3.putObject(b -> b.bucket("data").key("big.bin"), RequestBody.fromString(LARGE));

    clock.set(Instant.parse("2026-12-31T00:00:00Z"));

    assertThat(head("big.bin").storageClassAsString()).isEqualTo("DEEP_ARCHIVE");
  }

  @Test
  void smallObjects_stay_unlessTheMinimumOrTheRuleLetsThemGo() {
    s3.createBucket(b -> b.bucket("data"));
    configure(rule().transitions(t -> t.days(1).storageClass(TransitionStorageClass.GLACIER))
        .build(), TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
    s3.putObject(b -> b.bucket("data").key("small.txt"), RequestBody.fromString("tiny"));

    clock.set(Instant.parse("2026-01-03T00:00:00Z"));
    assertThat(head("small.txt").storageClassAsString()).isNull();

    configure(rule().transitions(t -> t.days(1).storageClass(TransitionStorageClass.GLACIER))
        .build(), TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);
    clock.set(Instant.parse("2026-01-04T00:00:00Z"));
    assertThat(head("small.txt").storageClassAsString()).isEqualTo("GLACIER");
  }

  @Test
  void aRuleWithASizeFilter_transitionsSmallObjects_toAnyClass() {
    s3.createBucket(b -> b.bucket("data"));
    configure(rule().filter(f -> f.objectSizeGreaterThan(1L))
        .transitions(t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA)).build(),
        TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
    s3.putObject(b -> b.bucket("data").key("small.txt"), RequestBody.fromString("tiny"));

    clock.set(Instant.parse("2026-02-01T00:00:00Z"));

    assertThat(head("small.txt").storageClassAsString()).isEqualTo("STANDARD_IA");
  }

  @Test
  void noncurrentVersions_transition_afterTheyBecameNoncurrent_andTheCurrentStays() {
    s3.createBucket(b -> b.bucket("data"));
    s3.putBucketVersioning(b -> b.bucket("data")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    configure(rule().noncurrentVersionTransitions(t -> t.noncurrentDays(1)
        .storageClass(TransitionStorageClass.GLACIER)).build(),
        TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
    String first = s3.putObject(b -> b.bucket("data").key("doc.bin"),
        RequestBody.fromString(LARGE)).versionId();
    clock.set(Instant.parse("2026-01-02T12:00:00Z"));
    String second = s3.putObject(b -> b.bucket("data").key("doc.bin"),
        RequestBody.fromString(LARGE + "2")).versionId();

    // Noncurrent since 12:00 on Jan 2: one day later rounds up to midnight Jan 4.
    clock.set(Instant.parse("2026-01-03T23:59:59Z"));
    assertThat(versions()).extracting(ObjectVersion::storageClassAsString)
        .containsExactly("STANDARD", "STANDARD");
    clock.set(Instant.parse("2026-01-04T00:00:00Z"));

    List<ObjectVersion> versions = versions();
    assertThat(versions).extracting(ObjectVersion::versionId).containsExactly(second, first);
    assertThat(versions).extracting(ObjectVersion::storageClassAsString)
        .containsExactly("STANDARD", "GLACIER");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("data").key("doc.bin")).asUtf8String())
        .isEqualTo(LARGE + "2");
  }

  private List<ObjectVersion> versions() {
    return s3.listObjectVersions(b -> b.bucket("data")).versions();
  }
}
