package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * An Expiration {@code Days} or {@code Date} rule also removes expired object delete markers
 * (a marker that is its key's only version) once the marker is as old as the rule says, as the
 * S3 User Guide documents ("Managing delete markers").
 */
class SdkExpiredDeleteMarkerTest {
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

  void bucket(String name, BucketVersioningStatus status, LifecycleRule rule) {
    s3.createBucket(b -> b.bucket(name));
    s3.putBucketVersioning(b -> b.bucket(name)
        .versioningConfiguration(v -> v.status(status)));
    s3.putBucketLifecycleConfiguration(b -> b.bucket(name)
        .lifecycleConfiguration(c -> c.rules(rule)));
  }

  static LifecycleRule expire(LifecycleRule.Builder filter, LifecycleExpiration expiration) {
    return filter.id("cur").status(ExpirationStatus.ENABLED).expiration(expiration).build();
  }

  /** Leaves {@code key} with its delete marker, written now, as its only version. */
  void loneMarker(String bucket, String key) {
    String data = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("d"))
        .versionId();
    s3.deleteObject(b -> b.bucket(bucket).key(key));
    s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(data));
  }

  List<String> lifecycleActions() {
    return tombstone.requests().stream().filter(r -> r.target().startsWith("Lifecycle."))
        .map(r -> r.target() + " " + r.time()).toList();
  }

  @Test
  void daysRule_removesALoneMarker_onceTheMarkerIsThatManyDaysOld_inOneLongMove() {
    bucket("ver", BucketVersioningStatus.ENABLED, expire(
        LifecycleRule.builder().filter(f -> f.prefix("x/")),
        LifecycleExpiration.builder().days(1).build()));
    loneMarker("ver", "x/dm");
    loneMarker("ver", "y/dm");
    s3.putObject(b -> b.bucket("ver").key("x/hidden"), RequestBody.fromString("d"));
    s3.deleteObject(b -> b.bucket("ver").key("x/hidden"));

    // The marker was written 10:00 Jan 1: one day, rounded up to midnight, is Jan 3.
    clock.set(Instant.parse("2026-01-02T23:59:59Z"));
    assertThat(tombstone.s3().versions("ver", "x/dm")).hasSize(1);
    clock.advance(Duration.ofDays(30));

    assertThat(tombstone.s3().versions("ver", "x/dm")).isEmpty();
    assertThat(tombstone.s3().versions("ver", "y/dm")).hasSize(1);
    // Not expired: a version is still below it.
    assertThat(tombstone.s3().versions("ver", "x/hidden")).hasSize(2);
    assertThat(lifecycleActions())
        .containsExactly("Lifecycle.EXPIRED_DELETE_MARKER_REMOVED 2026-01-03T00:00:00Z");
  }

  @Test
  void daysRule_withNoncurrentDays_removesTheMarkerItAdded_withTheLastVersionBelowIt() {
    bucket("ver", BucketVersioningStatus.ENABLED, expire(
        LifecycleRule.builder().filter(f -> f.prefix(""))
            .noncurrentVersionExpiration(n -> n.noncurrentDays(1)),
        LifecycleExpiration.builder().days(1).build()));
    s3.putObject(b -> b.bucket("ver").key("k"), RequestBody.fromString("d"));

    clock.advance(Duration.ofDays(30));

    assertThat(tombstone.s3().versions("ver", "k")).isEmpty();
    assertThat(lifecycleActions()).containsExactly(
        "Lifecycle.DELETE_MARKER_ADDED 2026-01-03T00:00:00Z",
        "Lifecycle.NONCURRENT_VERSION_REMOVED 2026-01-04T00:00:00Z",
        "Lifecycle.EXPIRED_DELETE_MARKER_REMOVED 2026-01-04T00:00:00Z");
  }

  @Test
  void suspendedBucket_theNullMarkerExpirationAdds_goesOnceItIsDaysOld() {
    bucket("susp", BucketVersioningStatus.SUSPENDED, expire(
        LifecycleRule.builder().filter(f -> f.prefix("")),
        LifecycleExpiration.builder().days(1).build()));
    s3.putObject(b -> b.bucket("susp").key("k"), RequestBody.fromString("d"));

    clock.advance(Duration.ofDays(30));

    assertThat(tombstone.s3().versions("susp", "k")).isEmpty();
    assertThat(lifecycleActions()).containsExactly(
        "Lifecycle.DELETE_MARKER_ADDED 2026-01-03T00:00:00Z",
        "Lifecycle.EXPIRED_DELETE_MARKER_REMOVED 2026-01-04T00:00:00Z");
  }

  @Test
  void dateRule_removesALoneMarker_onTheDate() {
    bucket("ver", BucketVersioningStatus.ENABLED, expire(
        LifecycleRule.builder().filter(f -> f.prefix("")),
        LifecycleExpiration.builder().date(Instant.parse("2026-02-01T00:00:00Z")).build()));
    loneMarker("ver", "k");

    clock.advance(Duration.ofDays(60));

    assertThat(tombstone.s3().versions("ver", "k")).isEmpty();
    assertThat(lifecycleActions())
        .containsExactly("Lifecycle.EXPIRED_DELETE_MARKER_REMOVED 2026-02-01T00:00:00Z");
  }

  @Test
  void tagFilteredRule_leavesLoneMarkers_whichCarryNoTags() {
    bucket("ver", BucketVersioningStatus.ENABLED, expire(
        LifecycleRule.builder().filter(f -> f.tag(Tag.builder().key("t").value("v").build())),
        LifecycleExpiration.builder().days(1).build()));
    loneMarker("ver", "tagged");

    clock.advance(Duration.ofDays(30));

    assertThat(tombstone.s3().versions("ver", "tagged")).hasSize(1);
    assertThat(lifecycleActions()).isEmpty();
  }
}
