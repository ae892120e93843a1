package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.s3.ObjectLock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 Object Lock through the SDK v2 at default settings, on a manual clock. */
class SdkObjectLockTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String BUCKET = "vault";

  static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  @BeforeEach
  void lockedBucket() {
    s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
  }

  String put(String key, ObjectLockMode mode, Instant until) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key).objectLockMode(mode)
        .objectLockRetainUntilDate(until), RequestBody.fromString("evidence")).versionId();
  }

  S3Exception deleteFails(String key, String versionId, boolean bypass) {
    return catchThrowableOfType(() -> s3.deleteObject(b -> b.bucket(BUCKET).key(key)
        .versionId(versionId).bypassGovernanceRetention(bypass)), S3Exception.class);
  }

  static void assertProtected(S3Exception thrown) {
    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Access Denied because object protected by object lock.");
  }

  @Test
  void lockEnabledBucket_isVersioned_andCannotBeSuspended() {
    assertThat(s3.getBucketVersioning(b -> b.bucket(BUCKET)).status())
        .isEqualTo(BucketVersioningStatus.ENABLED);

    S3Exception thrown = catchThrowableOfType(() -> s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED))),
        S3Exception.class);

    assertThat(thrown.statusCode()).isEqualTo(409);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketState");
  }

  @Test
  void governanceVersion_refusesDelete_andAcceptsItWithBypass() {
    String version = put("g.txt", ObjectLockMode.GOVERNANCE, START.plus(Duration.ofDays(1)));

    assertProtected(deleteFails("g.txt", version, false));
    s3.deleteObject(b -> b.bucket(BUCKET).key("g.txt").versionId(version)
        .bypassGovernanceRetention(true));

    assertThat(tombstone.s3().versions(BUCKET, "g.txt")).isEmpty();
  }

  @Test
  void aVersionDeletedWithBypass_isDeletedAgainLikeAnyMissingVersion_itsLockGoneWithIt() {
    String version = put("g.txt", ObjectLockMode.GOVERNANCE, START.plus(Duration.ofDays(1)));
    s3.deleteObject(b -> b.bucket(BUCKET).key("g.txt").versionId(version)
        .bypassGovernanceRetention(true));

    var again = s3.deleteObject(b -> b.bucket(BUCKET).key("g.txt").versionId(version));
    var retried = s3.deleteObject(b -> b.bucket(BUCKET).key("g.txt").versionId(version)
        .bypassGovernanceRetention(true));
    DeleteObjectsResponse multi = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.objects(o -> o.key("g.txt").versionId(version))));

    assertThat(again.sdkHttpResponse().statusCode()).isEqualTo(204);
    assertThat(again.versionId()).isEqualTo(version);
    assertThat(retried.sdkHttpResponse().statusCode()).isEqualTo(204);
    assertThat(multi.errors()).isEmpty();
    assertThat(multi.deleted()).singleElement()
        .satisfies(deleted -> assertThat(deleted.versionId()).isEqualTo(version));
    assertThat(tombstone.s3().versionLock(BUCKET, "g.txt", version))
        .isEqualTo(new ObjectLock.VersionLock(Optional.empty(), false));
  }

  @Test
  void complianceVersion_refusesDeleteEvenWithBypass_untilTheClockPassesItsDate() {
    String version = put("c.txt", ObjectLockMode.COMPLIANCE, START.plus(Duration.ofDays(1)));

    assertProtected(deleteFails("c.txt", version, true));
    clock.advance(Duration.ofHours(23));
    assertProtected(deleteFails("c.txt", version, true));
    clock.advance(Duration.ofHours(1));
    s3.deleteObject(b -> b.bucket(BUCKET).key("c.txt").versionId(version));

    assertThat(tombstone.s3().versions(BUCKET, "c.txt")).isEmpty();
  }

  @Test
  void copyObject_withLockHeaders_locksTheCopy_butNotItsSource() {
    s3.putObject(b -> b.bucket(BUCKET).key("draft.txt"), RequestBody.fromString("evidence"));

    String copy = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("draft.txt")
        .destinationBucket(BUCKET).destinationKey("sealed.txt")
        .objectLockMode(ObjectLockMode.COMPLIANCE)
        .objectLockRetainUntilDate(START.plus(Duration.ofDays(1)))).versionId();

    assertProtected(deleteFails("sealed.txt", copy, true));
    String source = tombstone.s3().versions(BUCKET, "draft.txt").get(0).versionId();
    s3.deleteObject(b -> b.bucket(BUCKET).key("draft.txt").versionId(source));
    clock.advance(Duration.ofDays(1));
    s3.deleteObject(b -> b.bucket(BUCKET).key("sealed.txt").versionId(copy));
    assertThat(tombstone.s3().versions(BUCKET, "sealed.txt")).isEmpty();
  }

  @Test
  void deleteWithoutVersionId_stillAddsADeleteMarker() {
    put("m.txt", ObjectLockMode.COMPLIANCE, START.plus(Duration.ofDays(1)));

    var response = s3.deleteObject(b -> b.bucket(BUCKET).key("m.txt"));

    assertThat(response.deleteMarker()).isTrue();
    assertThat(tombstone.s3().versions(BUCKET, "m.txt")).hasSize(2);
  }

  @Test
  void legalHold_refusesDeleteEvenWithBypass_untilItIsLifted() {
    String version = s3.putObject(b -> b.bucket(BUCKET).key("h.txt")
        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
        RequestBody.fromString("held")).versionId();

    assertProtected(deleteFails("h.txt", version, true));
    assertThat(s3.getObjectLegalHold(b -> b.bucket(BUCKET).key("h.txt")).legalHold().status())
        .isEqualTo(ObjectLockLegalHoldStatus.ON);
    s3.putObjectLegalHold(b -> b.bucket(BUCKET).key("h.txt")
        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
    s3.deleteObject(b -> b.bucket(BUCKET).key("h.txt").versionId(version));

    assertThat(tombstone.s3().versions(BUCKET, "h.txt")).isEmpty();
  }

  @Test
  void retention_canBeReadAndExtended_butComplianceNeverShortened() {
    put("r.txt", ObjectLockMode.COMPLIANCE, START.plus(Duration.ofDays(2)));
    Instant later = START.plus(Duration.ofDays(10));

    s3.putObjectRetention(b -> b.bucket(BUCKET).key("r.txt")
        .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(later)));
    S3Exception shorten = catchThrowableOfType(() -> s3.putObjectRetention(b -> b.bucket(BUCKET)
        .key("r.txt").bypassGovernanceRetention(true).retention(r -> r
            .mode(ObjectLockRetentionMode.COMPLIANCE)
            .retainUntilDate(START.plus(Duration.ofDays(1))))), S3Exception.class);

    assertProtected(shorten);
    var retention = s3.getObjectRetention(b -> b.bucket(BUCKET).key("r.txt")).retention();
    assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
    assertThat(retention.retainUntilDate()).isEqualTo(later);
  }

  @Test
  void emptyRetention_withBypass_removesAGovernanceRetention_andKeepsTheLegalHold() {
    String version = put("g.txt", ObjectLockMode.GOVERNANCE, START.plus(Duration.ofDays(1)));
    s3.putObjectLegalHold(b -> b.bucket(BUCKET).key("g.txt")
        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));

    s3.putObjectRetention(b -> b.bucket(BUCKET).key("g.txt").bypassGovernanceRetention(true)
        .retention(r -> { }));

    S3Exception none = catchThrowableOfType(() -> s3.getObjectRetention(
        b -> b.bucket(BUCKET).key("g.txt")), S3Exception.class);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchObjectLockConfiguration");
    var head = s3.headObject(b -> b.bucket(BUCKET).key("g.txt"));
    assertThat(head.objectLockMode()).isNull();
    assertThat(head.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);
    s3.putObjectLegalHold(b -> b.bucket(BUCKET).key("g.txt")
        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
    s3.deleteObject(b -> b.bucket(BUCKET).key("g.txt").versionId(version));
    assertThat(tombstone.s3().versions(BUCKET, "g.txt")).isEmpty();
  }

  @Test
  void emptyRetention_isRefused_forGovernanceWithoutBypass_andForComplianceAlways() {
    put("g.txt", ObjectLockMode.GOVERNANCE, START.plus(Duration.ofDays(1)));
    put("c.txt", ObjectLockMode.COMPLIANCE, START.plus(Duration.ofDays(1)));

    S3Exception governance = catchThrowableOfType(() -> s3.putObjectRetention(b -> b
        .bucket(BUCKET).key("g.txt").retention(r -> { })), S3Exception.class);
    S3Exception compliance = catchThrowableOfType(() -> s3.putObjectRetention(b -> b
        .bucket(BUCKET).key("c.txt").bypassGovernanceRetention(true).retention(r -> { })),
        S3Exception.class);

    assertProtected(governance);
    assertProtected(compliance);
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("g.txt")).retention().mode())
        .isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("c.txt")).retention().mode())
        .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
  }

  @Test
  void emptyRetention_removesARetentionThatHasEnded_withoutBypass() {
    put("e.txt", ObjectLockMode.COMPLIANCE, START.plus(Duration.ofDays(1)));
    clock.advance(Duration.ofDays(1));

    s3.putObjectRetention(b -> b.bucket(BUCKET).key("e.txt").retention(r -> { }));

    S3Exception none = catchThrowableOfType(() -> s3.getObjectRetention(
        b -> b.bucket(BUCKET).key("e.txt")), S3Exception.class);
    assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchObjectLockConfiguration");
  }

  @Test
  void defaultRetention_locksNewVersions() {
    s3.putObjectLockConfiguration(b -> b.bucket(BUCKET).objectLockConfiguration(c -> c
        .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d
            .mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
    String version = s3.putObject(b -> b.bucket(BUCKET).key("d.txt"),
        RequestBody.fromString("defaulted")).versionId();

    GetObjectLockConfigurationResponse configuration =
        s3.getObjectLockConfiguration(b -> b.bucket(BUCKET));

    assertThat(configuration.objectLockConfiguration().rule().defaultRetention().days())
        .isEqualTo(1);
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("d.txt")).retention()
        .retainUntilDate()).isEqualTo(START.plus(Duration.ofDays(1)));
    assertProtected(deleteFails("d.txt", version, false));
  }

  @Test
  void deleteObjects_reportsLockedVersionsPerKey() {
    String locked = put("a.txt", ObjectLockMode.COMPLIANCE, START.plus(Duration.ofDays(1)));
    String free = s3.putObject(b -> b.bucket(BUCKET).key("b.txt"),
        RequestBody.fromString("free")).versionId();

    DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d
        .objects(o -> o.key("a.txt").versionId(locked), o -> o.key("b.txt").versionId(free))));

    assertThat(response.deleted()).extracting(o -> o.key()).containsExactly("b.txt");
    assertThat(response.errors()).singleElement().satisfies(error -> {
      assertThat(error.key()).isEqualTo("a.txt");
      assertThat(error.code()).isEqualTo("AccessDenied");
      assertThat(error.message()).isEqualTo("Access Denied because object protected by object lock.");
    });
  }

  @Test
  void retentionOnABucketWithoutObjectLock_isInvalidRequest() {
    s3.createBucket(b -> b.bucket("plain"));
    s3.putObject(b -> b.bucket("plain").key("k"), RequestBody.fromString("x"));

    S3Exception thrown = catchThrowableOfType(() -> s3.getObjectRetention(
        b -> b.bucket("plain").key("k")), S3Exception.class);
    S3Exception noConfiguration = catchThrowableOfType(() -> s3.getObjectLockConfiguration(
        b -> b.bucket("plain")), S3Exception.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Bucket is missing Object Lock Configuration");
    assertThat(noConfiguration.statusCode()).isEqualTo(404);
    assertThat(noConfiguration.awsErrorDetails().errorCode())
        .isEqualTo("ObjectLockConfigurationNotFoundError");
    assertThat(List.of(thrown.awsErrorDetails().errorCode())).containsExactly("InvalidRequest");
  }

  @Test
  void headObject_reportsTheVersionsLock() {
    Instant until = START.plus(Duration.ofDays(3));
    s3.putObject(b -> b.bucket(BUCKET).key("x.txt").objectLockMode(ObjectLockMode.GOVERNANCE)
        .objectLockRetainUntilDate(until)
        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON), RequestBody.fromString("x"));

    var head = s3.headObject(b -> b.bucket(BUCKET).key("x.txt"));

    assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
    assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
    assertThat(head.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);
  }
}
