package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The legal hold status a write asks for, through S3State: none, ON or OFF, recorded on the
 * version PutObject, CopyObject or a completed multipart upload creates.
 */
class WrittenLegalHoldTest {
  private static final String LOCKED = "vault";
  private static final String PLAIN = "plain";
  private static final Optional<ObjectLock.LegalHold> OFF = Optional.of(ObjectLock.LegalHold.OFF);
  private static final ObjectLock.WriteLock ASKING_OFF =
      ObjectLock.WriteLock.NONE.withLegalHold(ObjectLock.LegalHold.OFF);
  private S3State s3;

  @BeforeEach
  void state() {
    s3 = new S3State("us-east-1", Clock.systemUTC());
    s3.createBucketWithObjectLock(LOCKED, Optional.empty());
    s3.createBucket(PLAIN);
  }

  private String put(String bucket, String key, Optional<ObjectLock.LegalHold> hold) {
    return s3.putObject(PutObject.Request.of(bucket, key, ObjectContent.of(new byte[] {1})),
        new ObjectLock.WriteLock(Optional.empty(), hold, Optional.empty())).stored().versionId();
  }

  @Test
  void putObject_withOff_recordsTheStatus_withoutProtectingTheVersion() {
    String version = put(LOCKED, "k", OFF);

    ObjectLock.VersionLock lock = s3.versionLock(LOCKED, "k", version);
    assertThat(lock).isEqualTo(new ObjectLock.VersionLock(Optional.empty(), false, true));
    assertThat(s3.objectLegalHold(LOCKED, "k", Optional.of(version))).isFalse();
    assertThat(lock.refusesDelete(Clock.systemUTC().instant(), false)).isFalse();
  }

  @Test
  void putObject_withOn_andWithNone_andWithoutALock_keepTheirMeaning() {
    String on = put(LOCKED, "on", Optional.of(ObjectLock.LegalHold.ON));
    String none = put(LOCKED, "none", Optional.empty());
    String unlocked = s3.putObject(PutObject.Request.of(LOCKED, "plain",
        ObjectContent.of(new byte[] {1}))).stored().versionId();

    assertThat(s3.versionLock(LOCKED, "on", on))
        .isEqualTo(new ObjectLock.VersionLock(Optional.empty(), true, true));
    assertThat(s3.versionLock(LOCKED, "none", none)).isEqualTo(ObjectLock.VersionLock.NONE);
    assertThat(s3.versionLock(LOCKED, "plain", unlocked)).isEqualTo(ObjectLock.VersionLock.NONE);
  }

  @Test
  void off_onABucketWithoutObjectLock_isAccepted_andRecordsNothing() {
    String version = put(PLAIN, "k", OFF);

    assertThat(s3.versionLock(PLAIN, "k", version)).isEqualTo(ObjectLock.VersionLock.NONE);
  }

  @Test
  void on_onABucketWithoutObjectLock_isRefused_andStoresNothing() {
    S3Error.ObjectLockError thrown = catchThrowableOfType(S3Error.ObjectLockError.class,
        () -> put(PLAIN, "k", Optional.of(ObjectLock.LegalHold.ON)));

    assertThat(thrown).hasMessageContaining("Bucket is missing ObjectLockConfiguration");
    assertThat(s3.currentObject(PLAIN, "k")).isEmpty();
  }

  @Test
  void copyObject_withOff_recordsItOnTheCopy_andNotTheSourcesHold() {
    String source = put(LOCKED, "src", Optional.of(ObjectLock.LegalHold.ON));

    String copy = s3.copyObject(CopyObject.Request.of(LOCKED, "src", LOCKED, "dst"), ASKING_OFF)
        .written().stored().versionId();
    String plainCopy = s3.copyObject(CopyObject.Request.of(LOCKED, "src", LOCKED, "plain-dst"))
        .written().stored().versionId();

    assertThat(s3.versionLock(LOCKED, "dst", copy))
        .isEqualTo(new ObjectLock.VersionLock(Optional.empty(), false, true));
    assertThat(s3.versionLock(LOCKED, "plain-dst", plainCopy))
        .isEqualTo(ObjectLock.VersionLock.NONE);
    assertThat(s3.objectLegalHold(LOCKED, "src", Optional.of(source))).isTrue();
  }

  @Test
  void multipartUpload_withOff_givesTheCompletedVersionTheStatus() {
    String uploadId = s3.createMultipartUpload(LOCKED, "mp", ObjectMetadata.DEFAULT,
        Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), ASKING_OFF).uploadId();
    Multipart.Part part =
        s3.uploadPart(LOCKED, "mp", uploadId, 1, ObjectContent.of(new byte[] {1}),
            Optional.empty());

    String version = s3.completeMultipartUpload(LOCKED, "mp", uploadId,
        List.of(new Multipart.CompletedPart(1, part.etag()))).stored().versionId();

    assertThat(s3.versionLock(LOCKED, "mp", version))
        .isEqualTo(new ObjectLock.VersionLock(Optional.empty(), false, true));
  }

  @Test
  void off_withABucketDefaultRetention_keepsBoth() {
    s3.putObjectLockConfiguration(LOCKED, Optional.of(
        new ObjectLock.DefaultRetention(ObjectLock.Mode.GOVERNANCE, 1, 0)));

    String version = put(LOCKED, "k", OFF);

    ObjectLock.VersionLock lock = s3.versionLock(LOCKED, "k", version);
    assertThat(lock.retention()).isPresent();
    assertThat(lock.legalHoldStatusSet()).isTrue();
    assertThat(lock.legalHold()).isFalse();
  }
}
