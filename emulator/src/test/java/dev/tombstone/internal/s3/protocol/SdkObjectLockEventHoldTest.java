package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEventHold;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Object Lock event holds through the SDK v2: a version under a hold that is on cannot be
 * deleted by version id; once PutObjectRetention releases the hold it stays protected for the
 * hold's duration from the release, on the emulator's manual clock.
 */
class SdkObjectLockEventHoldTest {
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
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

  String putHeld(String key, int days) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key)
        .objectLockEventHold(ObjectLockEventHold.ON).objectLockEventHoldDurationDays(days),
        RequestBody.fromString("loan file")).versionId();
  }

  S3Exception deleteFails(String key, String versionId, boolean bypass) {
    return catchThrowableOfType(() -> s3.deleteObject(b -> b.bucket(BUCKET).key(key)
        .versionId(versionId).bypassGovernanceRetention(bypass)), S3Exception.class);
  }

  void release(String key, String versionId, int days) {
    s3.putObjectRetention(b -> b.bucket(BUCKET).key(key).versionId(versionId)
        .retention(r -> r.eventHold(ObjectLockEventHold.OFF)
            .eventHoldDuration(d -> d.days(days))));
  }

  static void assertProtected(S3Exception thrown) {
    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Access Denied because object protected by object lock.");
  }

  static void assertInvalidArgument(S3Exception thrown, String message) {
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @Test
  void holdOn_refusesVersionedDeletes_evenWithBypass_butADeleteMarkerIsAdded() {
    String version = putHeld("loan.pdf", 30);

    assertProtected(deleteFails("loan.pdf", version, false));
    assertProtected(deleteFails("loan.pdf", version, true));
    DeleteObjectsResponse multi = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.objects(o -> o.key("loan.pdf").versionId(version))));
    var marker = s3.deleteObject(b -> b.bucket(BUCKET).key("loan.pdf"));

    assertThat(multi.deleted()).isEmpty();
    assertThat(multi.errors()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("AccessDenied");
      assertThat(e.message()).isEqualTo("Access Denied because object protected by object lock.");
      assertThat(e.versionId()).isEqualTo(version);
    });
    assertThat(marker.deleteMarker()).isTrue();
    assertThat(tombstone.s3().versions(BUCKET, "loan.pdf"))
        .anySatisfy(v -> assertThat(v.versionId()).isEqualTo(version));
  }

  @Test
  void holdOn_staysInForceWhateverTheClock_untilReleased() {
    String version = putHeld("held.pdf", 1);
    clock.advance(Duration.ofDays(3650));

    assertProtected(deleteFails("held.pdf", version, true));
  }

  @Test
  void releasedHold_protectsUntilReleasePlusItsDuration_thenTheDeleteSucceeds() {
    String version = putHeld("loan.pdf", 30);
    clock.advance(Duration.ofDays(10));
    release("loan.pdf", version, 30);

    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertProtected(deleteFails("loan.pdf", version, true));
    clock.advance(Duration.ofSeconds(1));
    s3.deleteObject(b -> b.bucket(BUCKET).key("loan.pdf").versionId(version));

    assertThat(tombstone.s3().versions(BUCKET, "loan.pdf")).isEmpty();
  }

  @Test
  void releaseWithoutDuration_usesTheHoldsOwn() {
    String version = s3.putObject(b -> b.bucket(BUCKET).key("y.pdf")
        .objectLockEventHold(ObjectLockEventHold.ON).objectLockEventHoldDurationYears(1),
        RequestBody.fromString("x")).versionId();
    s3.putObjectRetention(b -> b.bucket(BUCKET).key("y.pdf")
        .retention(r -> r.eventHold(ObjectLockEventHold.OFF)));

    clock.advance(Duration.ofDays(364));
    assertProtected(deleteFails("y.pdf", version, false));
    clock.advance(Duration.ofDays(1));
    s3.deleteObject(b -> b.bucket(BUCKET).key("y.pdf").versionId(version));
  }

  @Test
  void headGetAndGetObjectRetention_showTheHold_andItsReleaseKeepsTheDurationInTheRetention() {
    String version = putHeld("shown.pdf", 30);

    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("shown.pdf"));
    assertThat(head.objectLockEventHold()).isEqualTo(ObjectLockEventHold.ON);
    assertThat(head.objectLockEventHoldDurationDays()).isEqualTo(30);
    assertThat(head.objectLockEventHoldDurationYears()).isNull();
    assertThat(head.objectLockMode()).isNull();
    try (var get = s3.getObject(b -> b.bucket(BUCKET).key("shown.pdf"))) {
      assertThat(get.response().objectLockEventHold()).isEqualTo(ObjectLockEventHold.ON);
      assertThat(get.response().objectLockEventHoldDurationDays()).isEqualTo(30);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    GetObjectRetentionResponse on = s3.getObjectRetention(b -> b.bucket(BUCKET)
        .key("shown.pdf"));
    assertThat(on.retention().eventHold()).isEqualTo(ObjectLockEventHold.ON);
    assertThat(on.retention().eventHoldDuration().days()).isEqualTo(30);
    assertThat(on.retention().mode()).isNull();

    release("shown.pdf", version, 40);

    HeadObjectResponse released = s3.headObject(b -> b.bucket(BUCKET).key("shown.pdf"));
    assertThat(released.objectLockEventHold()).isEqualTo(ObjectLockEventHold.OFF);
    assertThat(released.objectLockEventHoldDurationDays()).isNull();
    GetObjectRetentionResponse off = s3.getObjectRetention(b -> b.bucket(BUCKET)
        .key("shown.pdf").versionId(version));
    assertThat(off.retention().eventHold()).isEqualTo(ObjectLockEventHold.OFF);
    assertThat(off.retention().eventHoldDuration().days()).isEqualTo(40);
  }

  @Test
  void putObjectRetention_placesAHoldOnAnExistingVersion_besideItsRetention() {
    String version = s3.putObject(b -> b.bucket(BUCKET).key("r.pdf")
        .objectLockMode(ObjectLockMode.GOVERNANCE)
        .objectLockRetainUntilDate(START.plus(Duration.ofDays(1))),
        RequestBody.fromString("x")).versionId();

    s3.putObjectRetention(b -> b.bucket(BUCKET).key("r.pdf").retention(r -> r
        .eventHold(ObjectLockEventHold.ON).eventHoldDuration(d -> d.days(5))));
    clock.advance(Duration.ofDays(2));

    GetObjectRetentionResponse both = s3.getObjectRetention(b -> b.bucket(BUCKET).key("r.pdf"));
    assertThat(both.retention().mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
    assertThat(both.retention().eventHold()).isEqualTo(ObjectLockEventHold.ON);
    assertProtected(deleteFails("r.pdf", version, true));
  }

  @Test
  void releaseShorterThanTheHoldsDuration_isRefused_andChangesNothing() {
    String version = putHeld("short.pdf", 30);

    S3Exception thrown = catchThrowableOfType(() -> release("short.pdf", version, 29),
        S3Exception.class);

    assertProtected(thrown);
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("short.pdf")).retention()
        .eventHold()).isEqualTo(ObjectLockEventHold.ON);
  }

  @Test
  void bucketDefaultEventHold_holdsNewVersions_unlessTheWriteSaysOff() {
    s3.putObjectLockConfiguration(b -> b.bucket(BUCKET).objectLockConfiguration(c -> c
        .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d
            .defaultEventHold(h -> h.years(2))))));

    var rule = s3.getObjectLockConfiguration(b -> b.bucket(BUCKET)).objectLockConfiguration()
        .rule().defaultRetention();
    assertThat(rule.defaultEventHold().years()).isEqualTo(2);
    assertThat(rule.mode()).isNull();
    String held = s3.putObject(b -> b.bucket(BUCKET).key("d.pdf"),
        RequestBody.fromString("x")).versionId();
    String free = s3.putObject(b -> b.bucket(BUCKET).key("d.pdf")
        .objectLockEventHold(ObjectLockEventHold.OFF), RequestBody.fromString("y")).versionId();

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("d.pdf").versionId(held))
        .objectLockEventHoldDurationYears()).isEqualTo(2);
    assertProtected(deleteFails("d.pdf", held, false));
    s3.deleteObject(b -> b.bucket(BUCKET).key("d.pdf").versionId(free));
  }

  @Test
  void multipartAndCopy_carryTheHeaders_toTheNewVersion() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp.bin")
        .objectLockEventHold(ObjectLockEventHold.ON).objectLockEventHoldDurationDays(7))
        .uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("mp.bin").uploadId(uploadId)
        .partNumber(1), RequestBody.fromString("the only part")).eTag();
    String completed = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("mp.bin")
        .uploadId(uploadId).multipartUpload(m -> m.parts(
            CompletedPart.builder().partNumber(1).eTag(etag).build()))).versionId();
    String copy = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("mp.bin")
        .destinationBucket(BUCKET).destinationKey("copy.bin")
        .objectLockEventHold(ObjectLockEventHold.ON).objectLockEventHoldDurationYears(3))
        .versionId();

    assertProtected(deleteFails("mp.bin", completed, true));
    assertProtected(deleteFails("copy.bin", copy, true));
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("mp.bin")).objectLockEventHoldDurationDays())
        .isEqualTo(7);
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("copy.bin"))
        .objectLockEventHoldDurationYears()).isEqualTo(3);
  }

  @Test
  void badHeaders_areInvalidArgument_andStoreNothing() {
    assertInvalidArgument(catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("bad").objectLockEventHold("MAYBE").objectLockEventHoldDurationDays(1),
        RequestBody.fromString("x")), S3Exception.class),
        "Event Hold must be either of 'ON' or 'OFF'");
    assertInvalidArgument(catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("bad").objectLockEventHold(ObjectLockEventHold.ON)
        .objectLockEventHoldDurationDays(1).objectLockEventHoldDurationYears(1),
        RequestBody.fromString("x")), S3Exception.class),
        "x-amz-object-lock-event-hold-duration-days and"
            + " x-amz-object-lock-event-hold-duration-years cannot both be supplied");
    assertInvalidArgument(catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("bad").objectLockEventHold(ObjectLockEventHold.ON)
        .objectLockEventHoldDurationDays(36_501), RequestBody.fromString("x")),
        S3Exception.class), "Event hold duration must be a whole number from 1 to 36500");
    assertInvalidArgument(catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("bad").objectLockEventHold(ObjectLockEventHold.ON)
        .objectLockEventHoldDurationYears(0), RequestBody.fromString("x")),
        S3Exception.class), "Event hold duration must be a whole number from 1 to 100");
    assertInvalidArgument(catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("bad").objectLockEventHold(ObjectLockEventHold.ON), RequestBody.fromString("x")),
        S3Exception.class), "x-amz-object-lock-event-hold ON needs"
            + " x-amz-object-lock-event-hold-duration-days or"
            + " x-amz-object-lock-event-hold-duration-years");
    assertInvalidArgument(catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("bad").objectLockEventHoldDurationDays(5), RequestBody.fromString("x")),
        S3Exception.class), "x-amz-object-lock-event-hold-duration-days is only applicable"
            + " with x-amz-object-lock-event-hold ON");

    assertThat(tombstone.s3().versions(BUCKET, "bad")).isEmpty();
  }

  @Test
  void badRetentionBodies_areMalformedXml_orInvalidArgumentOutOfRange() {
    putHeld("body.pdf", 3);

    S3Exception both = catchThrowableOfType(() -> s3.putObjectRetention(b -> b.bucket(BUCKET)
        .key("body.pdf").retention(r -> r.eventHold(ObjectLockEventHold.OFF)
            .eventHoldDuration(d -> d.days(5).years(1)))), S3Exception.class);
    S3Exception onWithout = catchThrowableOfType(() -> s3.putObjectRetention(b -> b
        .bucket(BUCKET).key("body.pdf").retention(r -> r.eventHold(ObjectLockEventHold.ON))),
        S3Exception.class);
    S3Exception tooLong = catchThrowableOfType(() -> s3.putObjectRetention(b -> b
        .bucket(BUCKET).key("body.pdf").retention(r -> r.eventHold(ObjectLockEventHold.ON)
            .eventHoldDuration(d -> d.years(101)))), S3Exception.class);

    assertThat(both.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
    assertThat(onWithout.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
    assertInvalidArgument(tooLong, "Event hold duration must be a whole number from 1 to 100");
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("body.pdf"))
        .objectLockEventHoldDurationDays()).isEqualTo(3);
  }

  @Test
  void holdOn_onABucketWithoutObjectLock_isInvalidRequest_whileOffIsAccepted() {
    s3.createBucket(b -> b.bucket("plain"));

    S3Exception thrown = catchThrowableOfType(() -> s3.putObject(b -> b.bucket("plain")
        .key("k").objectLockEventHold(ObjectLockEventHold.ON)
        .objectLockEventHoldDurationDays(1), RequestBody.fromString("x")), S3Exception.class);
    s3.putObject(b -> b.bucket("plain").key("off")
        .objectLockEventHold(ObjectLockEventHold.OFF), RequestBody.fromString("x"));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Bucket is missing ObjectLockConfiguration");
    assertThat(tombstone.s3().versions("plain", "k")).isEmpty();
    assertThat(s3.headObject(b -> b.bucket("plain").key("off")).objectLockEventHold())
        .isNull();
  }
}
