package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Emptying a versioned bucket page by page (list a page, delete what it named, list the next
 * page from the markers), as boto3's {@code object_versions.delete()} does: the version-id
 * marker then names a version that no longer exists, and S3 resumes where it stood.
 */
class SdkListVersionsWhileDeletingTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket("archive"));
    s3.putBucketVersioning(b -> b.bucket("archive")
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
  }

  @Test
  void markerOfADeletedVersion_resumesAfterIt_acrossKeys() {
    for (String key : List.of("a", "b", "c")) {
      put(key);
    }
    ListObjectVersionsResponse first = s3.listObjectVersions(b -> b.bucket("archive").maxKeys(2));
    s3.deleteObject(b -> b.bucket("archive").key(first.nextKeyMarker())
        .versionId(first.nextVersionIdMarker()));

    ListObjectVersionsResponse next = s3.listObjectVersions(b -> b.bucket("archive")
        .keyMarker(first.nextKeyMarker()).versionIdMarker(first.nextVersionIdMarker()));

    assertThat(first.versions()).extracting(ObjectVersion::key).containsExactly("a", "b");
    assertThat(next.versions()).extracting(ObjectVersion::key).containsExactly("c");
  }

  @Test
  void markerOfADeletedVersion_resumesWithTheOlderVersionsOfItsKey() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(put("k"));
    }
    ListObjectVersionsResponse first = s3.listObjectVersions(b -> b.bucket("archive").maxKeys(2));
    s3.deleteObject(b -> b.bucket("archive").key("k").versionId(first.nextVersionIdMarker()));

    ListObjectVersionsResponse next = s3.listObjectVersions(b -> b.bucket("archive")
        .keyMarker("k").versionIdMarker(first.nextVersionIdMarker()));

    assertThat(first.versions()).extracting(ObjectVersion::versionId)
        .containsExactly(ids.get(3), ids.get(2));
    assertThat(next.versions()).extracting(ObjectVersion::versionId)
        .containsExactly(ids.get(1), ids.get(0));
  }

  @Test
  void pageByPageDeletes_emptyABucketOfMoreThanOnePage() {
    for (int i = 0; i < 700; i++) {
      String key = String.format("doc-%04d", i);
      put(key);
      s3.deleteObject(b -> b.bucket("archive").key(key));
    }
    String keyMarker = null;
    String versionIdMarker = null;
    int pages = 0;
    while (true) {
      String k = keyMarker;
      String v = versionIdMarker;
      ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket("archive")
          .keyMarker(k).versionIdMarker(v));
      List<ObjectIdentifier> named = new ArrayList<>();
      page.versions().forEach(o -> named.add(ObjectIdentifier.builder().key(o.key())
          .versionId(o.versionId()).build()));
      page.deleteMarkers().forEach(m -> named.add(ObjectIdentifier.builder().key(m.key())
          .versionId(m.versionId()).build()));
      if (!named.isEmpty()) {
        s3.deleteObjects(b -> b.bucket("archive").delete(d -> d.objects(named).quiet(true)));
      }
      pages++;
      if (!page.isTruncated()) {
        break;
      }
      keyMarker = page.nextKeyMarker();
      versionIdMarker = page.nextVersionIdMarker();
    }

    s3.deleteBucket(b -> b.bucket("archive"));

    assertThat(pages).isEqualTo(2);
    assertThat(tombstone.s3().bucketNames()).doesNotContain("archive");
  }

  @Test
  void madeUpOrMalformedMarker_isStillInvalidArgument() {
    put("k");
    String issued = s3.listObjectVersions(b -> b.bucket("archive")).versions().get(0).versionId();
    String madeUp = issued.substring(0, 31) + (issued.charAt(31) == 'A' ? 'B' : 'A');

    for (String marker : List.of(madeUp, "bogus")) {
      S3Exception refused = catchThrowableOfType(S3Exception.class,
          () -> s3.listObjectVersions(b -> b.bucket("archive").keyMarker("k")
              .versionIdMarker(marker)));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
      assertThat(refused.awsErrorDetails().errorMessage())
          .isEqualTo("Invalid version id specified");
    }
  }

  private String put(String key) {
    return s3.putObject(b -> b.bucket("archive").key(key), RequestBody.fromString(key))
        .versionId();
  }
}
