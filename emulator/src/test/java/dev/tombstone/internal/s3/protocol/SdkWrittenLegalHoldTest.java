package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The {@code x-amz-object-lock-legal-hold} header of PutObject, CopyObject and
 * CreateMultipartUpload through the SDK v2: OFF is recorded on the new version (GET, HEAD and
 * GetObjectLegalHold read it back, as the .NET SDK's AWS-run Object Lock tests do), ON as
 * before, no header leaves the version without a status.
 */
class SdkWrittenLegalHoldTest {
  static final String BUCKET = "vault";
  static final String PLAIN = "plain";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  @BeforeEach
  void buckets() {
    s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
    s3.createBucket(b -> b.bucket(PLAIN));
  }

  String putOff(String bucket, String key) {
    return s3.putObject(b -> b.bucket(bucket).key(key)
        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.OFF),
        RequestBody.fromString("record")).versionId();
  }

  void assertReadsOff(String key, String version) {
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key(key).versionId(version))
        .objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.OFF);
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).versionId(version));
    assertThat(got.response().objectLockLegalHoldStatus())
        .isEqualTo(ObjectLockLegalHoldStatus.OFF);
    assertThat(s3.getObjectLegalHold(b -> b.bucket(BUCKET).key(key).versionId(version))
        .legalHold().status()).isEqualTo(ObjectLockLegalHoldStatus.OFF);
  }

  S3Exception legalHoldFails(String bucket, String key) {
    return catchThrowableOfType(S3Exception.class,
        () -> s3.getObjectLegalHold(b -> b.bucket(bucket).key(key)));
  }

  @Test
  void putObject_withOff_readsBackOff_andTheVersionCanBeDeleted() {
    String version = putOff(BUCKET, "k");

    assertReadsOff("k", version);
    ListObjectVersionsResponse listed = s3.listObjectVersions(b -> b.bucket(BUCKET));
    assertThat(listed.versions()).singleElement()
        .satisfies(v -> assertThat(v.versionId()).isEqualTo(version));
    s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version));
    assertThat(tombstone.s3().versions(BUCKET, "k")).isEmpty();
  }

  @Test
  void aVersionWrittenWithoutTheHeader_stillHasNoStatus() {
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("record"));

    S3Exception thrown = legalHoldFails(BUCKET, "k");

    assertThat(thrown.statusCode()).isEqualTo(404);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("NoSuchObjectLockConfiguration");
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("k")).objectLockLegalHoldStatus())
        .isNull();
  }

  @Test
  void anOffVersion_canBePutOnHold_andReleasedAgain() {
    String version = putOff(BUCKET, "k");

    s3.putObjectLegalHold(b -> b.bucket(BUCKET).key("k")
        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
    S3Exception refused = catchThrowableOfType(S3Exception.class,
        () -> s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version)));
    s3.putObjectLegalHold(b -> b.bucket(BUCKET).key("k")
        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertReadsOff("k", version);
    s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(o -> o.key("k")
        .versionId(version))));
    assertThat(tombstone.s3().versions(BUCKET, "k")).isEmpty();
  }

  @Test
  void copyObject_withOff_recordsItOnTheCopy_notOnTheSource() {
    s3.putObject(b -> b.bucket(BUCKET).key("src"), RequestBody.fromString("record"));

    String copy = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("dst")
        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.OFF)).versionId();

    assertReadsOff("dst", copy);
    assertThat(legalHoldFails(BUCKET, "src").statusCode()).isEqualTo(404);
  }

  @Test
  void copyObject_withoutTheHeader_doesNotTakeTheSourcesHold() {
    s3.putObject(b -> b.bucket(BUCKET).key("src")
        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON), RequestBody.fromString("r"));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("dst"));

    assertThat(legalHoldFails(BUCKET, "dst").statusCode()).isEqualTo(404);
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("src")).objectLockLegalHoldStatus())
        .isEqualTo(ObjectLockLegalHoldStatus.ON);
  }

  @Test
  void multipartUpload_withOff_givesTheCompletedVersionOff() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp")
        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.OFF)).uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId)
        .partNumber(1), RequestBody.fromString("the only part")).eTag();

    String version = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("mp")
        .uploadId(uploadId).multipartUpload(m -> m.parts(
            CompletedPart.builder().partNumber(1).eTag(etag).build()))).versionId();

    assertReadsOff("mp", version);
    s3.deleteObject(b -> b.bucket(BUCKET).key("mp").versionId(version));
    assertThat(tombstone.s3().versions(BUCKET, "mp")).isEmpty();
  }

  @Test
  void off_onABucketWithoutObjectLock_isAccepted_andReadsBackNoStatus() {
    putOff(PLAIN, "k");
    String uploadId = s3.createMultipartUpload(b -> b.bucket(PLAIN).key("mp")
        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.OFF)).uploadId();

    assertThat(uploadId).isNotEmpty();
    assertThat(s3.headObject(b -> b.bucket(PLAIN).key("k")).objectLockLegalHoldStatus())
        .isNull();
    S3Exception thrown = legalHoldFails(PLAIN, "k");
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
  }

  @Test
  void on_onABucketWithoutObjectLock_isStillInvalidRequest_andStoresNothing() {
    s3.putObject(b -> b.bucket(PLAIN).key("src"), RequestBody.fromString("record"));
    S3Exception put = catchThrowableOfType(S3Exception.class,
        () -> s3.putObject(b -> b.bucket(PLAIN).key("k")
            .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
            RequestBody.fromString("record")));
    S3Exception copy = catchThrowableOfType(S3Exception.class,
        () -> s3.copyObject(b -> b.sourceBucket(PLAIN).sourceKey("src")
            .destinationBucket(PLAIN).destinationKey("k")
            .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)));
    S3Exception legalHold = legalHoldFails(PLAIN, "src");

    // The writes word it without spaces, the per-version calls with them (versitygw#1751).
    for (S3Exception write : new S3Exception[] {put, copy}) {
      assertThat(write.statusCode()).isEqualTo(400);
      assertThat(write.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
      assertThat(write.awsErrorDetails().errorMessage())
          .isEqualTo("Bucket is missing ObjectLockConfiguration");
    }
    assertThat(legalHold.awsErrorDetails().errorMessage())
        .isEqualTo("Bucket is missing Object Lock Configuration");
    assertThat(tombstone.s3().versions(PLAIN, "k")).isEmpty();
  }

  @Test
  void aStatusThatIsNeitherOnNorOff_isInvalidArgument_onEveryWrite_andStoresNothing() {
    s3.putObject(b -> b.bucket(BUCKET).key("src"), RequestBody.fromString("record"));

    S3Exception put = catchThrowableOfType(S3Exception.class,
        () -> s3.putObject(b -> b.bucket(BUCKET).key("k").objectLockLegalHoldStatus("maybe"),
            RequestBody.fromString("record")));
    S3Exception plain = catchThrowableOfType(S3Exception.class,
        () -> s3.putObject(b -> b.bucket(PLAIN).key("k").objectLockLegalHoldStatus("maybe"),
            RequestBody.fromString("record")));
    S3Exception copy = catchThrowableOfType(S3Exception.class,
        () -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
            .destinationBucket(BUCKET).destinationKey("k").objectLockLegalHoldStatus("on")));
    S3Exception create = catchThrowableOfType(S3Exception.class,
        () -> s3.createMultipartUpload(b -> b.bucket(BUCKET).key("k")
            .objectLockLegalHoldStatus("maybe")));

    for (S3Exception thrown : new S3Exception[] {put, plain, copy, create}) {
      assertThat(thrown.statusCode()).isEqualTo(400);
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
      assertThat(thrown.awsErrorDetails().errorMessage())
          .isEqualTo("Legal Hold must be either of 'ON' or 'OFF'");
    }
    assertThat(tombstone.s3().versions(BUCKET, "k")).isEmpty();
    assertThat(tombstone.s3().versions(PLAIN, "k")).isEmpty();
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }
}
