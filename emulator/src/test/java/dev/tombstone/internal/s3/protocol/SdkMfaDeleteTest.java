package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.MFADeleteStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** MFA delete through the SDK v2, with a configured device serial and code. */
class SdkMfaDeleteTest {
  private static final String BUCKET = "vault";
  private static final String SERIAL = "arn:aws:iam::000000000000:mfa/root";
  private static final String MFA = SERIAL + " 123456";

  @RegisterExtension
  static final RunningTombstone server =
      RunningTombstone.perClass(b -> b.mfaDevice(SERIAL, "123456"));

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void mfaBucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putBucketVersioning(b -> b.bucket(BUCKET).mfa(MFA).versioningConfiguration(c -> c
        .status(BucketVersioningStatus.ENABLED).mfaDelete(software.amazon.awssdk.services.s3.model.MFADelete.ENABLED)));
  }

  @Test
  void getBucketVersioning_reportsMfaDeleteEnabled() {
    var versioning = s3.getBucketVersioning(b -> b.bucket(BUCKET));

    assertThat(versioning.mfaDelete()).isEqualTo(software.amazon.awssdk.services.s3.model
        .MFADeleteStatus.ENABLED);
    assertThat(versioning.status()).isEqualTo(BucketVersioningStatus.ENABLED);
  }

  @Test
  void versionDelete_withoutMfa_isRefused_andWithMfa_deletes() {
    String version = s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"))
        .versionId();

    S3Exception refused = catchThrowableOfType(S3Exception.class, () ->
        s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version)));
    S3Exception wrongCode = catchThrowableOfType(S3Exception.class, () ->
        s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version)
            .mfa(SERIAL + " 000000")));
    assertThat(tombstone.s3().versions(BUCKET, "k")).hasSize(1);
    s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version).mfa(MFA));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(refused.awsErrorDetails().errorMessage())
        .isEqualTo("Mfa Authentication must be used for this request");
    assertThat(wrongCode.statusCode()).isEqualTo(403);
    assertThat(tombstone.s3().versions(BUCKET, "k")).isEmpty();
  }

  @Test
  void deleteWithoutVersion_addsAMarker_withoutMfa() {
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));

    assertThat(s3.deleteObject(b -> b.bucket(BUCKET).key("k")).deleteMarker()).isTrue();
  }

  @Test
  void changingVersioning_withoutMfa_isRefused_andMultiDeleteOfVersionsToo() {
    String version = s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"))
        .versionId();

    S3Exception suspend = catchThrowableOfType(S3Exception.class, () ->
        s3.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(c -> c
            .status(BucketVersioningStatus.SUSPENDED))));
    S3Exception multi = catchThrowableOfType(S3Exception.class, () ->
        s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(o -> o.key("k")
            .versionId(version)))));

    assertThat(suspend.statusCode()).isEqualTo(403);
    assertThat(multi.statusCode()).isEqualTo(403);
    assertThat(s3.getBucketVersioning(b -> b.bucket(BUCKET)).status())
        .isEqualTo(BucketVersioningStatus.ENABLED);
    assertThat(tombstone.s3().versions(BUCKET, "k")).hasSize(1);
  }

  @Test
  void multiDelete_withAWrongToken_failsAsAWhole_evenNamingNoVersion() {
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.deleteObjects(b -> b.bucket(BUCKET).mfa(SERIAL + " 000000")
            .delete(d -> d.objects(o -> o.key("k")))));

    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Mfa Authentication must be used for this request");
    assertThat(tombstone.s3().versions(BUCKET, "k")).hasSize(1);
  }

  @Test
  void multiDelete_namingNoVersion_needsNoToken_andAcceptsAValidOne() {
    s3.putObject(b -> b.bucket(BUCKET).key("a"), RequestBody.fromString("x"));
    s3.putObject(b -> b.bucket(BUCKET).key("b"), RequestBody.fromString("x"));

    var withoutToken = s3.deleteObjects(b -> b.bucket(BUCKET)
        .delete(d -> d.objects(o -> o.key("a"))));
    var withToken = s3.deleteObjects(b -> b.bucket(BUCKET).mfa(MFA)
        .delete(d -> d.objects(o -> o.key("b"))));

    assertThat(withoutToken.deleted()).singleElement()
        .satisfies(deleted -> assertThat(deleted.deleteMarker()).isTrue());
    assertThat(withToken.deleted()).singleElement()
        .satisfies(deleted -> assertThat(deleted.deleteMarker()).isTrue());
  }

  @Test
  void aMalformedMfaHeader_isInvalidArgument() {
    String version = s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"))
        .versionId();

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version).mfa("no-space")));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(tombstone.s3().versions(BUCKET, "k")).hasSize(1);
  }
}
