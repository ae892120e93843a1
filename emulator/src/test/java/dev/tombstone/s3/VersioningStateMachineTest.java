package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bucket's versioning states and what puts and deletes do in each. */
class VersioningStateMachineTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
  private S3State s3;

  @BeforeEach
  void bucket() {
    s3 = new S3State("us-east-1", Clock.fixed(NOW, ZoneOffset.UTC));
    s3.createBucket("b-1");
  }

  private List<String> ids(String key) {
    return s3.versions("b-1", key).stream()
        .map(v -> (v.isDeleteMarker() ? "marker:" : "") + v.versionId()).toList();
  }

  @Test
  void aNewBucket_isUnversioned_andCanBeEnabledSuspendedEnabled() {
    assertThat(s3.versioning("b-1")).isEqualTo(Versioning.UNVERSIONED);

    s3.setVersioning("b-1", Versioning.ENABLED);
    s3.setVersioning("b-1", Versioning.SUSPENDED);
    s3.setVersioning("b-1", Versioning.ENABLED);

    assertThat(s3.versioning("b-1")).isEqualTo(Versioning.ENABLED);
  }

  @Test
  void aVersionedBucket_neverReturnsToUnversioned() {
    s3.setVersioning("b-1", Versioning.SUSPENDED);

    Throwable thrown = catchThrowable(() -> s3.setVersioning("b-1", Versioning.UNVERSIONED));

    assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never return to UNVERSIONED");
    assertThat(s3.versioning("b-1")).isEqualTo(Versioning.SUSPENDED);
  }

  @Test
  void unversioned_putReplaces_deleteRemoves() {
    s3.putObject("b-1", "k", "one");
    VersionEntry second = s3.putObject("b-1", "k", "two");

    assertThat(second.versionId()).isEqualTo("null");
    assertThat(ids("k")).containsExactly("null");
    DeleteObject.Result deleted = s3.deleteObject("b-1", "k");

    assertThat(deleted).isEqualTo(new DeleteObject.Result(false, Optional.empty()));
    assertThat(s3.versions("b-1", "k")).isEmpty();
  }

  @Test
  void enabled_putAppends_deleteStacksMarkers() {
    s3.setVersioning("b-1", Versioning.ENABLED);
    String v1 = s3.putObject("b-1", "k", "one").versionId();
    String v2 = s3.putObject("b-1", "k", "two").versionId();

    String m1 = s3.deleteObject("b-1", "k").versionId().orElseThrow();
    String m2 = s3.deleteObject("b-1", "k").versionId().orElseThrow();

    assertThat(ids("k")).containsExactly("marker:" + m2, "marker:" + m1, v2, v1);
    assertThat(s3.versions("b-1", "k")).extracting(VersionEntry::isLatest)
        .containsExactly(true, false, false, false);
    assertThat(s3.isDeleteMarker("b-1", "k")).isTrue();
    assertThat(s3.currentObject("b-1", "k")).isEmpty();
    assertThat(s3.keys("b-1")).isEmpty();
  }

  @Test
  void removingTheCurrentMarker_restoresTheVersionBelow() {
    s3.setVersioning("b-1", Versioning.ENABLED);
    s3.putObject("b-1", "k", "one");
    String v2 = s3.putObject("b-1", "k", "two").versionId();
    String m1 = s3.deleteObject("b-1", "k").versionId().orElseThrow();

    DeleteObject.Result removed = s3.deleteObject("b-1", "k", m1);

    assertThat(removed).isEqualTo(new DeleteObject.Result(true, Optional.of(m1)));
    assertThat(s3.currentObject("b-1", "k")).get()
        .satisfies(o -> assertThat(o.versionId()).isEqualTo(v2))
        .satisfies(o -> assertThat(o.content().asUtf8()).isEqualTo("two"));
  }

  @Test
  void enablingKeepsTheNullVersion_suspendingReplacesOnlyIt() {
    s3.putObject("b-1", "k", "pre");
    s3.setVersioning("b-1", Versioning.ENABLED);
    String v1 = s3.putObject("b-1", "k", "enabled").versionId();
    assertThat(ids("k")).containsExactly(v1, "null");

    s3.setVersioning("b-1", Versioning.SUSPENDED);
    s3.putObject("b-1", "k", "suspended");
    assertThat(ids("k")).containsExactly("null", v1);
    assertThat(s3.currentObject("b-1", "k").orElseThrow().content().asUtf8())
        .isEqualTo("suspended");

    DeleteObject.Result deleted = s3.deleteObject("b-1", "k");
    assertThat(deleted).isEqualTo(new DeleteObject.Result(true, Optional.of("null")));
    assertThat(ids("k")).containsExactly("marker:null", v1);
  }

  @Test
  void readsResolveMarkersAndVersions() {
    s3.setVersioning("b-1", Versioning.ENABLED);
    String v1 = s3.putObject("b-1", "k", "one").versionId();
    String m1 = s3.deleteObject("b-1", "k").versionId().orElseThrow();

    S3Error.NoSuchKey hidden = catchThrowableOfType(S3Error.NoSuchKey.class,
        () -> s3.getObject("b-1", "k", Optional.empty()));
    S3Error.MethodNotAllowed marker = catchThrowableOfType(S3Error.MethodNotAllowed.class,
        () -> s3.getObject("b-1", "k", Optional.of(m1)));
    s3.deleteObject("b-1", "k", v1);
    S3Error.NoSuchVersion removed = catchThrowableOfType(S3Error.NoSuchVersion.class,
        () -> s3.getObject("b-1", "k", Optional.of(v1)));
    S3Error.InvalidArgument bogus = catchThrowableOfType(S3Error.InvalidArgument.class,
        () -> s3.getObject("b-1", "k", Optional.of("bogus")));

    assertThat(hidden.deleteMarkerVersionId()).hasValue(m1);
    assertThat(marker.versionId()).isEqualTo(m1);
    assertThat(marker.lastModified()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(removed.fields()).contains(new S3Error.Field("VersionId", v1));
    assertThat(bogus.getMessage()).isEqualTo("Invalid version id specified");
  }

  @Test
  void conditionalDelete_checksTheCurrentVersionAtomically() {
    String etag = s3.putObject("b-1", "k", "hello").etag().orElseThrow();
    DeleteObject.Request wrong = new DeleteObject.Request("b-1", "k", Optional.empty(),
        Optional.of("\"nope\""));
    DeleteObject.Request right = new DeleteObject.Request("b-1", "k", Optional.empty(),
        Optional.of("W/" + etag + ", \"other\""));

    assertThat(catchThrowable(() -> s3.deleteObject(wrong)))
        .isInstanceOf(S3Error.PreconditionFailed.class);
    assertThat(s3.keys("b-1")).containsExactly("k");
    s3.deleteObject(right);
    assertThat(s3.keys("b-1")).isEmpty();
    assertThat(catchThrowable(() -> s3.deleteObject(right)))
        .isInstanceOf(S3Error.NoSuchKey.class);
  }

  @Test
  void conditionalPut_ifNoneMatchAny_refusesToOverwrite() {
    s3.putObject("b-1", "k", "first");
    PutObject.Request create = new PutObject.Request("b-1", "k", ObjectContent.of("second"),
        ObjectMetadata.DEFAULT, Optional.empty(), Optional.empty(), true);

    assertThat(catchThrowable(() -> s3.putObject(create)))
        .isInstanceOf(S3Error.PreconditionFailed.class);
    assertThat(s3.currentObject("b-1", "k").orElseThrow().content().asUtf8())
        .isEqualTo("first");
  }

  @Test
  void deleteBucket_refusesWhileOnlyAMarkerRemains() {
    s3.setVersioning("b-1", Versioning.ENABLED);
    String v1 = s3.putObject("b-1", "k", "one").versionId();
    s3.deleteObject("b-1", "k", v1);
    s3.deleteObject("b-1", "k");

    S3Error.BucketNotEmpty thrown = catchThrowableOfType(S3Error.BucketNotEmpty.class,
        () -> s3.deleteBucket("b-1"));

    assertThat(thrown.getMessage()).isEqualTo("The bucket you tried to delete is not empty."
        + " You must delete all versions in the bucket.");
    assertThat(s3.bucketNames()).containsExactly("b-1");
  }

  @Test
  void timestamps_comeFromTheClock_inWholeSeconds() {
    VersionEntry version = s3.putObject("b-1", "k", "x");

    assertThat(version.lastModified()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(s3.bucket("b-1").creationDate()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void missingBuckets_areNoSuchBucket() {
    assertThat(catchThrowable(() -> s3.putObject("nope", "k", "x")))
        .isInstanceOf(S3Error.NoSuchBucket.class);
    assertThat(catchThrowable(() -> s3.deleteBucket("nope")))
        .isInstanceOf(S3Error.NoSuchBucket.class);
  }

  @Test
  void createBucket_outsideUsEast1_needsAndRemembersItsRegion() {
    S3State frankfurt = new S3State("eu-central-1", Clock.systemUTC());

    assertThat(catchThrowable(() -> frankfurt.createBucket("b-2", Optional.empty())))
        .isInstanceOf(S3Error.IllegalLocationConstraint.class);
    assertThat(frankfurt.createBucket("b-2", Optional.of("eu-central-1")).region())
        .isEqualTo("eu-central-1");
    assertThat(catchThrowable(() -> frankfurt.createBucket("b-2", Optional.of("eu-central-1"))))
        .isInstanceOf(S3Error.BucketAlreadyOwnedByYou.class);
    assertThat(frankfurt.createBucket("b-2").name()).isEqualTo("b-2");
  }

  @Test
  void createBucket_outsideUsEast1_refusesAnotherRegion() {
    S3State frankfurt = new S3State("eu-central-1", Clock.systemUTC());
    S3State ireland = new S3State("eu-west-1", Clock.systemUTC());

    assertThat(catchThrowable(() -> frankfurt.createBucket("b-3", Optional.of("eu-west-1"))))
        .isInstanceOf(S3Error.IllegalLocationConstraint.class)
        .hasMessage("The eu-west-1 location constraint is incompatible for the region specific"
            + " endpoint this request was sent to.");
    assertThat(catchThrowable(() -> frankfurt.createBucket("b-3", Optional.of("us-east-1"))))
        .isInstanceOf(S3Error.IllegalLocationConstraint.class);
    assertThat(frankfurt.buckets()).isEmpty();
    assertThat(ireland.createBucket("b-3", Optional.of("EU")).region()).isEqualTo("EU");
  }
}
