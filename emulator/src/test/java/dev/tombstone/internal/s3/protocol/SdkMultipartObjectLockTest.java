package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Object Lock on multipart uploads through the SDK v2, on a manual clock: the
 * {@code x-amz-object-lock-*} headers of CreateMultipartUpload, or else the bucket's default
 * retention, protect the completed version as they protect a PutObject version.
 */
class SdkMultipartObjectLockTest {
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

  String create(String bucket, String key,
      Consumer<CreateMultipartUploadRequest.Builder> lock) {
    return s3.createMultipartUpload(b -> lock.accept(b.bucket(bucket).key(key))).uploadId();
  }

  /** Uploads one part of {@code uploadId} and completes it; returns the new version's id. */
  String complete(String key, String uploadId) {
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
        RequestBody.fromString("the only part")).eTag();
    return s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())))
        .versionId();
  }

  S3Exception deleteFails(String key, String versionId, boolean bypass) {
    return catchThrowableOfType(S3Exception.class, () -> s3.deleteObject(b -> b.bucket(BUCKET)
        .key(key).versionId(versionId).bypassGovernanceRetention(bypass)));
  }

  static void assertProtected(S3Exception thrown) {
    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Access Denied because object protected by object lock.");
  }

  @Test
  void lockHeaders_protectTheCompletedVersion_andHeadReportsThem() {
    Instant until = Instant.parse("2099-01-01T00:00:00Z");
    String uploadId = create(BUCKET, "m2", b -> b.objectLockMode(ObjectLockMode.COMPLIANCE)
        .objectLockRetainUntilDate(until)
        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON));

    String version = complete("m2", uploadId);

    assertProtected(deleteFails("m2", version, true));
    assertThat(tombstone.s3().versions(BUCKET, "m2")).hasSize(1);
    var head = s3.headObject(b -> b.bucket(BUCKET).key("m2").versionId(version));
    assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
    assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
    assertThat(head.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("m2")).retention().mode())
        .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
  }

  @Test
  void defaultRetention_datesTheCompletedVersionFromItsCreation() {
    s3.putObjectLockConfiguration(b -> b.bucket(BUCKET).objectLockConfiguration(c -> c
        .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d
            .mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
    String uploadId = create(BUCKET, "d", b -> { });
    clock.advance(Duration.ofHours(2));

    String version = complete("d", uploadId);

    Instant created = s3.headObject(b -> b.bucket(BUCKET).key("d")).lastModified();
    assertThat(created).isEqualTo(START.plus(Duration.ofHours(2)));
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("d")).retention()
        .retainUntilDate()).isEqualTo(created.plus(Duration.ofDays(1)));
    assertProtected(deleteFails("d", version, false));
    s3.deleteObject(b -> b.bucket(BUCKET).key("d").versionId(version)
        .bypassGovernanceRetention(true));
    assertThat(tombstone.s3().versions(BUCKET, "d")).isEmpty();
  }

  @Test
  void retainUntilDate_passesWithTheClock() {
    String uploadId = create(BUCKET, "c", b -> b.objectLockMode(ObjectLockMode.COMPLIANCE)
        .objectLockRetainUntilDate(START.plus(Duration.ofDays(1))));
    String version = complete("c", uploadId);

    assertProtected(deleteFails("c", version, true));
    clock.advance(Duration.ofDays(1));
    s3.deleteObject(b -> b.bucket(BUCKET).key("c").versionId(version));

    assertThat(tombstone.s3().versions(BUCKET, "c")).isEmpty();
  }

  @Test
  void lockHeaders_onABucketWithoutObjectLock_areInvalidRequest_andStartNothing() {
    s3.createBucket(b -> b.bucket("plain"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> create("plain", "k",
        b -> b.objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Bucket is missing ObjectLockConfiguration");
    assertThat(tombstone.s3().multipartUploads("plain")).isEmpty();
  }

  @Test
  void retainUntilDateInThePast_isInvalidArgument_andStartsNothing() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> create(BUCKET, "k",
        b -> b.objectLockMode(ObjectLockMode.GOVERNANCE)
            .objectLockRetainUntilDate(Instant.parse("2000-01-01T00:00:00Z"))));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The retain until date must be in the future!");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void modeWithoutDate_isInvalidArgument_asOnPutObject() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> create(BUCKET, "k",
        b -> b.objectLockMode(ObjectLockMode.GOVERNANCE)));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(
        "x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void createWithLockHeaders_needsNoContentMd5OrChecksum() throws Exception {
    HttpRequest post = HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/" + BUCKET + "/raw?uploads"))
        .header("x-amz-object-lock-mode", "GOVERNANCE")
        .header("x-amz-object-lock-retain-until-date", "2099-01-01T00:00:00Z")
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();

    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(post, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().multipartUploads(BUCKET)).hasSize(1);
  }
}
