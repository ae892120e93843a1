package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.s3.VersionEntry;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** S3 lifecycle rules through the SDK v2 at default settings, on a manual clock. */
class SdkLifecycleTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  @BeforeEach
  void reset() {
    tombstone.clearRequests();
  }

  static LifecycleRule expireAfterOneDay(String prefix) {
    return LifecycleRule.builder().id("expire").status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(prefix))
        .expiration(e -> e.days(1))
        .noncurrentVersionExpiration(n -> n.noncurrentDays(1))
        .build();
  }

  static LifecycleRule removeLoneMarkers() {
    return LifecycleRule.builder().id("markers").status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(""))
        .expiration(e -> e.expiredObjectDeleteMarker(true))
        .build();
  }

  @Test
  void versionedBucket_currentBecomesNoncurrentBehindAMarker_thenBothGo() {
    s3.createBucket(b -> b.bucket("logs"));
    s3.putBucketVersioning(b -> b.bucket("logs")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("logs")
        .lifecycleConfiguration(c -> c.rules(expireAfterOneDay("tmp/"), removeLoneMarkers())));
    s3.putObject(b -> b.bucket("logs").key("tmp/a.log"), RequestBody.fromString("a"));
    s3.putObject(b -> b.bucket("logs").key("keep/b.log"), RequestBody.fromString("b"));

    // Created 10:00 on Jan 1; one day later is 10:00 on Jan 2, rounded up to midnight Jan 3.
    clock.set(Instant.parse("2026-01-02T23:59:59Z"));
    assertThat(tombstone.s3().versions("logs", "tmp/a.log")).hasSize(1);

    clock.set(Instant.parse("2026-01-03T00:00:00Z"));
    assertThat(tombstone.s3().versions("logs", "tmp/a.log"))
        .extracting(VersionEntry::isDeleteMarker).containsExactly(true, false);
    assertThat(catchThrowableOfType(() -> s3.getObject(b -> b.bucket("logs").key("tmp/a.log")),
        S3Exception.class).statusCode()).isEqualTo(404);

    // Noncurrent since midnight Jan 3; NoncurrentDays=1 removes it at midnight Jan 4, and the
    // marker, then the key's only version, goes with ExpiredObjectDeleteMarker.
    clock.set(Instant.parse("2026-01-04T00:00:00Z"));
    assertThat(tombstone.s3().versions("logs", "tmp/a.log")).isEmpty();
    assertThat(tombstone.s3().versions("logs", "keep/b.log")).hasSize(1);
    assertThat(tombstone.requests()).filteredOn(r -> r.target().startsWith("Lifecycle."))
        .extracting(r -> r.target()).containsExactly("Lifecycle.DELETE_MARKER_ADDED",
            "Lifecycle.NONCURRENT_VERSION_REMOVED", "Lifecycle.EXPIRED_DELETE_MARKER_REMOVED");
  }

  @Test
  void oneLongMove_runsEachActionWhenItFellDue_inOrder() {
    s3.createBucket(b -> b.bucket("logs"));
    s3.putBucketVersioning(b -> b.bucket("logs")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("logs")
        .lifecycleConfiguration(c -> c.rules(expireAfterOneDay("tmp/"))));
    s3.putObject(b -> b.bucket("logs").key("tmp/a.log"), RequestBody.fromString("a"));

    // Thirty days in one move: the marker is due at midnight Jan 3, and the version it made
    // noncurrent a day after that, not a day after the end of the move; the marker, a day old
    // and then the key's only version, goes with it.
    clock.advance(Duration.ofDays(30));

    assertThat(tombstone.s3().versions("logs", "tmp/a.log")).isEmpty();
    assertThat(tombstone.requests()).filteredOn(r -> r.target().startsWith("Lifecycle."))
        .extracting(r -> r.target() + " " + r.time()).containsExactly(
            "Lifecycle.DELETE_MARKER_ADDED 2026-01-03T00:00:00Z",
            "Lifecycle.NONCURRENT_VERSION_REMOVED 2026-01-04T00:00:00Z",
            "Lifecycle.EXPIRED_DELETE_MARKER_REMOVED 2026-01-04T00:00:00Z");
  }

  @Test
  void oneLongMove_removesAVersionThatFellDueWhileLocked_whenItsRetentionEnds() {
    s3.createBucket(b -> b.bucket("held").objectLockEnabledForBucket(true));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("held")
        .lifecycleConfiguration(c -> c.rules(expireAfterOneDay(""))));
    s3.putObject(b -> b.bucket("held").key("k")
        .objectLockMode(software.amazon.awssdk.services.s3.model.ObjectLockMode.GOVERNANCE)
        .objectLockRetainUntilDate(Instant.parse("2026-01-10T12:00:00Z")),
        RequestBody.fromString("held"));

    clock.advance(Duration.ofDays(30));

    assertThat(tombstone.s3().versions("held", "k")).isEmpty();
    assertThat(tombstone.requests()).filteredOn(r -> r.target().startsWith("Lifecycle."))
        .extracting(r -> r.target() + " " + r.time()).containsExactly(
            "Lifecycle.DELETE_MARKER_ADDED 2026-01-03T00:00:00Z",
            "Lifecycle.NONCURRENT_VERSION_REMOVED 2026-01-10T12:00:00Z",
            "Lifecycle.EXPIRED_DELETE_MARKER_REMOVED 2026-01-10T12:00:00Z");
  }

  @Test
  void aLockedVersionRemovedByARule_takesItsLockWithIt() {
    s3.createBucket(b -> b.bucket("held").objectLockEnabledForBucket(true));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("held")
        .lifecycleConfiguration(c -> c.rules(expireAfterOneDay(""))));
    String version = s3.putObject(b -> b.bucket("held").key("k")
        .objectLockMode(software.amazon.awssdk.services.s3.model.ObjectLockMode.GOVERNANCE)
        .objectLockRetainUntilDate(Instant.parse("2026-01-10T12:00:00Z")),
        RequestBody.fromString("held")).versionId();

    clock.advance(Duration.ofDays(30));

    assertThat(tombstone.s3().versions("held", "k")).isEmpty();
    assertThat(tombstone.s3().versionLock("held", "k", version).retention()).isEmpty();
  }

  @Test
  void tagFilter_expiresOnlyObjectsCarryingTheTag() {
    s3.createBucket(b -> b.bucket("jobs"));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("jobs")
        .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("scratch")
            .status(ExpirationStatus.ENABLED)
            .filter(f -> f.and(a -> a.prefix("out/")
                .tags(Tag.builder().key("retention").value("scratch").build())))
            .expiration(e -> e.days(1)).build())));
    s3.putObject(b -> b.bucket("jobs").key("out/tmp.csv").tagging("retention=scratch"),
        RequestBody.fromString("t"));
    s3.putObject(b -> b.bucket("jobs").key("out/keep.csv").tagging("retention=forever"),
        RequestBody.fromString("k"));
    s3.putObject(b -> b.bucket("jobs").key("out/untagged.csv"), RequestBody.fromString("u"));

    clock.set(Instant.parse("2026-01-03T00:00:00Z"));

    assertThat(tombstone.s3().keys("jobs")).containsExactlyInAnyOrder(
        "out/keep.csv", "out/untagged.csv");
  }

  @Test
  void abortIncompleteMultipartUpload_abortsUploadsOlderThanItsDays() {
    s3.createBucket(b -> b.bucket("uploads"));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("uploads")
        .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("abandoned")
            .status(ExpirationStatus.ENABLED).filter(f -> f.prefix("big/"))
            .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(2)).build())));
    String stale = s3.createMultipartUpload(b -> b.bucket("uploads").key("big/a.bin")).uploadId();
    String other = s3.createMultipartUpload(b -> b.bucket("uploads").key("small/b.bin"))
        .uploadId();

    // Initiated 10:00 on Jan 1; two days later, rounded up to midnight, is Jan 4.
    clock.set(Instant.parse("2026-01-03T23:59:59Z"));
    assertThat(s3.listMultipartUploads(b -> b.bucket("uploads")).uploads()).hasSize(2);

    clock.set(Instant.parse("2026-01-04T00:00:00Z"));

    assertThat(s3.listMultipartUploads(b -> b.bucket("uploads")).uploads())
        .extracting(u -> u.uploadId()).containsExactly(other);
    assertThat(catchThrowableOfType(() -> s3.listParts(b -> b.bucket("uploads")
        .key("big/a.bin").uploadId(stale)), S3Exception.class).awsErrorDetails().errorCode())
        .isEqualTo("NoSuchUpload");
    assertThat(tombstone.requests()).filteredOn(r -> r.target().startsWith("Lifecycle."))
        .extracting(r -> r.target()).containsExactly("Lifecycle.MULTIPART_UPLOAD_ABORTED");
  }

  @Test
  void unversionedBucket_expiredObjectIsRemoved() {
    s3.createBucket(b -> b.bucket("plain"));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("plain")
        .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("date")
            .status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
            .expiration(e -> e.date(Instant.parse("2026-02-01T00:00:00Z"))).build())));
    s3.putObject(b -> b.bucket("plain").key("k"), RequestBody.fromString("x"));

    clock.set(Instant.parse("2026-02-01T00:00:00Z"));

    assertThat(tombstone.s3().keys("plain")).isEmpty();
  }

  @Test
  void configuration_isReadBack_andDeleted() {
    s3.createBucket(b -> b.bucket("cfg"));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("cfg")
        .lifecycleConfiguration(c -> c.rules(expireAfterOneDay("tmp/"))));

    GetBucketLifecycleConfigurationResponse read =
        s3.getBucketLifecycleConfiguration(b -> b.bucket("cfg"));
    s3.deleteBucketLifecycle(b -> b.bucket("cfg"));
    S3Exception gone = catchThrowableOfType(
        () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("cfg")), S3Exception.class);

    assertThat(read.rules()).singleElement().satisfies(rule -> {
      assertThat(rule.id()).isEqualTo("expire");
      assertThat(rule.filter().prefix()).isEqualTo("tmp/");
      assertThat(rule.expiration().days()).isEqualTo(1);
      assertThat(rule.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(1);
    });
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchLifecycleConfiguration");
    assertThat(gone.awsErrorDetails().errorMessage())
        .isEqualTo("The lifecycle configuration does not exist");
  }

  @Test
  void badRules_getS3sErrors() {
    s3.createBucket(b -> b.bucket("bad"));

    S3Exception zeroDays = catchThrowableOfType(() -> s3.putBucketLifecycleConfiguration(
        b -> b.bucket("bad").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
            .id("r").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
            .expiration(e -> e.days(0)).build()))), S3Exception.class);
    S3Exception notMidnight = catchThrowableOfType(() -> s3.putBucketLifecycleConfiguration(
        b -> b.bucket("bad").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
            .id("r").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
            .expiration(e -> e.date(Instant.parse("2026-02-01T12:00:00Z"))).build()))),
        S3Exception.class);

    assertThat(zeroDays.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(zeroDays.awsErrorDetails().errorMessage())
        .isEqualTo("'Days' for Expiration action must be a positive integer");
    assertThat(notMidnight.awsErrorDetails().errorMessage())
        .isEqualTo("'Date' must be at midnight GMT");
  }

  @Test
  void newerNoncurrentVersions_fromOneToAHundred_areTaken_moreAreRefused() {
    s3.createBucket(b -> b.bucket("kept-versions"));
    LifecycleRule.Builder rule = LifecycleRule.builder().id("r").status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(""));

    s3.putBucketLifecycleConfiguration(b -> b.bucket("kept-versions").lifecycleConfiguration(
        c -> c.rules(rule.copy().noncurrentVersionExpiration(
            n -> n.noncurrentDays(1).newerNoncurrentVersions(100)).build())));
    S3Exception expiration = catchThrowableOfType(() -> s3.putBucketLifecycleConfiguration(
        b -> b.bucket("kept-versions").lifecycleConfiguration(c -> c.rules(rule.copy()
            .noncurrentVersionExpiration(n -> n.noncurrentDays(1).newerNoncurrentVersions(101))
            .build()))), S3Exception.class);
    S3Exception transition = catchThrowableOfType(() -> s3.putBucketLifecycleConfiguration(
        b -> b.bucket("kept-versions").lifecycleConfiguration(c -> c.rules(rule.copy()
            .noncurrentVersionTransitions(t -> t.noncurrentDays(1).newerNoncurrentVersions(101)
                .storageClass("GLACIER"))
            .build()))), S3Exception.class);

    assertThat(expiration.statusCode()).isEqualTo(400);
    assertThat(expiration.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(expiration.awsErrorDetails().errorMessage()).isEqualTo("'NewerNoncurrentVersions'"
        + " for NoncurrentVersionExpiration action must be at most 100");
    assertThat(transition.awsErrorDetails().errorMessage()).isEqualTo("'NewerNoncurrentVersions'"
        + " for NoncurrentVersionTransition action must be at most 100");
    assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket("kept-versions")).rules())
        .singleElement().satisfies(kept -> assertThat(
            kept.noncurrentVersionExpiration().newerNoncurrentVersions()).isEqualTo(100));
  }

  @Test
  void lockedVersions_areNeverRemovedByLifecycle() {
    s3.createBucket(b -> b.bucket("vault").objectLockEnabledForBucket(true));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("vault")
        .lifecycleConfiguration(c -> c.rules(expireAfterOneDay(""))));
    s3.putObject(b -> b.bucket("vault").key("k")
        .objectLockMode(software.amazon.awssdk.services.s3.model.ObjectLockMode.COMPLIANCE)
        .objectLockRetainUntilDate(Instant.parse("2027-01-01T00:00:00Z")),
        RequestBody.fromString("kept"));

    clock.set(Instant.parse("2026-03-01T00:00:00Z"));

    assertThat(tombstone.s3().versions("vault", "k"))
        .extracting(VersionEntry::isDeleteMarker).containsExactly(true, false);
  }

  @Test
  void putGetAndHead_reportTheExpiryInXAmzExpiration() {
    s3.createBucket(b -> b.bucket("exp"));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("exp")
        .lifecycleConfiguration(c -> c.rules(expireAfterOneDay("tmp/"))));

    String put = s3.putObject(b -> b.bucket("exp").key("tmp/a"), RequestBody.fromString("a"))
        .expiration();
    String head = s3.headObject(b -> b.bucket("exp").key("tmp/a")).expiration();
    String other = s3.putObject(b -> b.bucket("exp").key("keep/b"), RequestBody.fromString("b"))
        .expiration();

    assertThat(put).isEqualTo("expiry-date=\"Sat, 03 Jan 2026 00:00:00 GMT\", rule-id=\"expire\"");
    assertThat(head).isEqualTo(put);
    assertThat(other).isNull();
  }
}
