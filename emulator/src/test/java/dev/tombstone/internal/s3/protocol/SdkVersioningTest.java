package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.Versioning;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Versions and delete markers through the AWS SDK for Java v2 at default settings. */
class SdkVersioningTest {
  private static final String BUCKET = "photos";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void versionedBucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
  }

  private String put(String key, String content) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(content))
        .versionId();
  }

  private String read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
  }

  @Test
  void deleteAddsMarker_getAnswers404WithMarkerHeader_versionsKeepBoth() {
    String v1 = put("cat.jpg", "one");
    String v2 = put("cat.jpg", "two");

    DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(BUCKET).key("cat.jpg"));

    assertThat(deleted.deleteMarker()).isTrue();
    assertThat(deleted.versionId()).matches("[A-Za-z0-9._]{32}").isNotIn(v1, v2);
    NoSuchKeyException missing = catchThrowableOfType(NoSuchKeyException.class,
        () -> s3.getObject(b -> b.bucket(BUCKET).key("cat.jpg")));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    assertThat(missing.awsErrorDetails().sdkHttpResponse()
        .firstMatchingHeader("x-amz-delete-marker")).hasValue("true");
    assertThat(missing.awsErrorDetails().sdkHttpResponse()
        .firstMatchingHeader("x-amz-version-id")).hasValue(deleted.versionId());
    ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket(BUCKET));
    assertThat(versions.versions()).extracting(ObjectVersion::versionId).containsExactly(v2, v1);
    assertThat(versions.versions()).extracting(ObjectVersion::isLatest)
        .containsExactly(false, false);
    assertThat(versions.deleteMarkers()).extracting(DeleteMarkerEntry::versionId)
        .containsExactly(deleted.versionId());
    assertThat(versions.deleteMarkers().get(0).isLatest()).isTrue();
  }

  @Test
  void deletingTheMarkerByVersionId_makesTheNewestVersionCurrentAgain() {
    put("cat.jpg", "one");
    String v2 = put("cat.jpg", "two");
    String marker = s3.deleteObject(b -> b.bucket(BUCKET).key("cat.jpg")).versionId();

    DeleteObjectResponse removed =
        s3.deleteObject(b -> b.bucket(BUCKET).key("cat.jpg").versionId(marker));

    assertThat(removed.deleteMarker()).isTrue();
    assertThat(removed.versionId()).isEqualTo(marker);
    var current = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("cat.jpg"));
    assertThat(current.asUtf8String()).isEqualTo("two");
    assertThat(current.response().versionId()).isEqualTo(v2);
    assertThat(tombstone.s3().isDeleteMarker(BUCKET, "cat.jpg")).isFalse();
  }

  @Test
  void permanentDeleteOfAVersion_removesOnlyThatVersion() {
    String v1 = put("cat.jpg", "one");
    String v2 = put("cat.jpg", "two");

    DeleteObjectResponse removed =
        s3.deleteObject(b -> b.bucket(BUCKET).key("cat.jpg").versionId(v2));

    assertThat(removed.deleteMarker()).isNull();
    assertThat(removed.versionId()).isEqualTo(v2);
    assertThat(read("cat.jpg")).isEqualTo("one");
    assertThat(tombstone.s3().versions(BUCKET, "cat.jpg"))
        .extracting(dev.tombstone.s3.VersionEntry::versionId).containsExactly(v1);
    S3Exception gone = catchThrowableOfType(S3Exception.class,
        () -> s3.getObject(b -> b.bucket(BUCKET).key("cat.jpg").versionId(v2)));
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion");
  }

  @Test
  void readingAMarkersVersionId_isMethodNotAllowed() {
    put("cat.jpg", "one");
    String marker = s3.deleteObject(b -> b.bucket(BUCKET).key("cat.jpg")).versionId();

    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.getObject(b -> b.bucket(BUCKET).key("cat.jpg").versionId(marker)));

    assertThat(thrown.statusCode()).isEqualTo(405);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("MethodNotAllowed");
    assertThat(thrown.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Allow"))
        .hasValue("DELETE");
  }

  @Test
  void headObjectOfADeletedKey_isNoSuchKey() {
    put("cat.jpg", "one");
    s3.deleteObject(b -> b.bucket(BUCKET).key("cat.jpg"));

    NoSuchKeyException thrown = catchThrowableOfType(NoSuchKeyException.class,
        () -> s3.headObject(b -> b.bucket(BUCKET).key("cat.jpg")));

    assertThat(thrown.statusCode()).isEqualTo(404);
    assertThat(thrown.awsErrorDetails().sdkHttpResponse()
        .firstMatchingHeader("x-amz-delete-marker")).hasValue("true");
  }

  @Test
  void suspendedBucket_writesAndDeletesTheNullVersion() {
    String v1 = put("cat.jpg", "one");
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED)));

    String putId = put("cat.jpg", "null-version");
    DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(BUCKET).key("cat.jpg"));

    assertThat(putId).isNull();
    assertThat(deleted.deleteMarker()).isTrue();
    assertThat(deleted.versionId()).isEqualTo("null");
    ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket(BUCKET));
    assertThat(versions.deleteMarkers()).extracting(DeleteMarkerEntry::versionId)
        .containsExactly("null");
    assertThat(versions.versions()).extracting(ObjectVersion::versionId).containsExactly(v1);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("cat.jpg").versionId(v1))
        .asUtf8String()).isEqualTo("one");
    assertThat(s3.getBucketVersioning(b -> b.bucket(BUCKET)).status())
        .isEqualTo(BucketVersioningStatus.SUSPENDED);
    assertThat(tombstone.s3().versioning(BUCKET)).isEqualTo(Versioning.SUSPENDED);
  }

  @Test
  void listObjectsV2_pagesWithContinuationTokens() {
    for (int i = 0; i < 7; i++) {
      put("k" + i, "x");
    }
    s3.deleteObject(b -> b.bucket(BUCKET).key("k3"));

    List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(2))
        .contents().stream().map(o -> o.key()).toList();

    assertThat(keys).containsExactly("k0", "k1", "k2", "k4", "k5", "k6");
  }

  @Test
  void emptyVersioningConfiguration_isIllegal_andChangesNothing() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putBucketVersioning(
        b -> b.bucket(BUCKET).versioningConfiguration(c -> { })));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode())
        .isEqualTo("IllegalVersioningConfigurationException");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The Versioning element must be specified");
    assertThat(s3.getBucketVersioning(b -> b.bucket(BUCKET)).status())
        .isEqualTo(BucketVersioningStatus.ENABLED);
  }

  @Test
  void missingBucket_isNoSuchBucket() {
    NoSuchBucketException thrown = catchThrowableOfType(NoSuchBucketException.class,
        () -> s3.deleteObject(b -> b.bucket("nobucket").key("k")));

    assertThat(thrown.statusCode()).isEqualTo(404);
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The specified bucket does not exist");
  }
}
