package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.Versioning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Flow B of flows.md, versioned half: the dashboard's DeleteObject (no version id) on a bucket
 * with versioning on adds a delete marker; the object reads as gone, yet its data is kept.
 */
class FlowBVersionedTest {
  private static final String UPLOAD_BUCKET = "upload-bucket";
  private static final String KEY = "incoming/report.pdf";

  private Tombstone tombstone;
  private S3Client s3;

  @BeforeEach
  void start() {
    tombstone = Tombstone.builder().start();
    s3 = SdkClients.sync(tombstone);
    tombstone.s3().createBucket(UPLOAD_BUCKET);
    tombstone.s3().setVersioning(UPLOAD_BUCKET, Versioning.ENABLED);
  }

  @AfterEach
  void stop() {
    s3.close();
    tombstone.close();
  }

  @Test
  void deleteWithoutVersionId_hidesTheObjectBehindAMarker_andKeepsItsData() {
    String uploaded = s3.putObject(b -> b.bucket(UPLOAD_BUCKET).key(KEY),
        RequestBody.fromString("%PDF-1.7")).versionId();

    String marker = s3.deleteObject(b -> b.bucket(UPLOAD_BUCKET).key(KEY)).versionId();

    NoSuchKeyException gone = catchThrowableOfType(NoSuchKeyException.class,
        () -> s3.getObject(b -> b.bucket(UPLOAD_BUCKET).key(KEY)));
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.awsErrorDetails().sdkHttpResponse()
        .firstMatchingHeader("x-amz-delete-marker")).hasValue("true");
    assertThat(s3.listObjectsV2(b -> b.bucket(UPLOAD_BUCKET).prefix("incoming/")).contents())
        .isEmpty();
    ListObjectVersionsResponse versions =
        s3.listObjectVersions(b -> b.bucket(UPLOAD_BUCKET).prefix("incoming/"));
    assertThat(versions.deleteMarkers()).extracting(DeleteMarkerEntry::versionId,
        DeleteMarkerEntry::isLatest).containsExactly(
            org.assertj.core.groups.Tuple.tuple(marker, true));
    assertThat(versions.versions()).extracting(ObjectVersion::versionId, ObjectVersion::isLatest)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(uploaded, false));
    assertThat(tombstone.s3().isDeleteMarker(UPLOAD_BUCKET, KEY)).isTrue();
    assertThat(s3.getObjectAsBytes(b -> b.bucket(UPLOAD_BUCKET).key(KEY).versionId(uploaded))
        .asUtf8String()).isEqualTo("%PDF-1.7");
  }
}
