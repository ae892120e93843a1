package dev.tombstone.junit;

import dev.tombstone.s3.S3State;
import dev.tombstone.s3.StoredObject;
import dev.tombstone.s3.VersionEntry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an emulator's S3 buckets, objects, versions and delete markers.
 *
 * <pre>{@code
 * assertThat(tombstone.s3())
 *     .hasDeleteMarker("uploads", "a.txt")      // the current version is a delete marker
 *     .hasVersions("uploads", "a.txt", 2)       // the marker and the old data
 *     .hasNoVersions("uploads", "b.txt");       // deleted for good
 * }</pre>
 */
public final class S3StateAssert extends AbstractAssert<S3StateAssert, S3State> {

  S3StateAssert(S3State actual) {
    super(actual, S3StateAssert.class);
  }

  /** Verifies that the bucket exists. */
  public S3StateAssert hasBucket(String bucket) {
    isNotNull();
    if (!actual.bucketNames().contains(bucket)) {
      failWithMessage("%nExpecting a bucket named %s but the buckets were:%n  %s",
          bucket, actual.bucketNames());
    }
    return this;
  }

  /** Verifies that the key has a current object (not hidden by a delete marker). */
  public S3StateAssert containsObject(String bucket, String key) {
    hasBucket(bucket);
    if (actual.currentObject(bucket, key).isEmpty()) {
      failWithMessage("%nExpecting %s/%s to exist but it did not; its versions were:%n  %s",
          bucket, key, versions(bucket, key));
    }
    return this;
  }

  /** Verifies that the key has no current object: never written, deleted, or behind a marker. */
  public S3StateAssert doesNotContainObject(String bucket, String key) {
    hasBucket(bucket);
    Optional<StoredObject> current = actual.currentObject(bucket, key);
    if (current.isPresent()) {
      failWithMessage("%nExpecting %s/%s not to exist but it did, with version %s of %s bytes",
          bucket, key, current.get().versionId(), current.get().size());
    }
    return this;
  }

  /**
   * Verifies that the current object's content is this UTF-8 text. A failure shows content that
   * is not text (invalid UTF-8, control characters) as hex bytes.
   */
  public S3StateAssert hasContent(String bucket, String key, String expected) {
    containsObject(bucket, key);
    byte[] content = actual.currentObject(bucket, key).orElseThrow().content().toByteArray();
    if (!Arrays.equals(content, expected.getBytes(StandardCharsets.UTF_8))) {
      failWithMessage("%nExpecting %s/%s to contain%n  %s%nbut it contained%n  %s",
          bucket, key, ContentText.of(expected), ContentText.of(content));
    }
    return this;
  }

  /** Verifies that the key's current version is a delete marker. */
  public S3StateAssert hasDeleteMarker(String bucket, String key) {
    hasBucket(bucket);
    if (!actual.isDeleteMarker(bucket, key)) {
      failWithMessage("%nExpecting a delete marker as the current version of %s/%s but the"
          + " versions were (newest first):%n  %s", bucket, key, versions(bucket, key));
    }
    return this;
  }

  /** Verifies that the key has exactly {@code count} versions, delete markers included. */
  public S3StateAssert hasVersions(String bucket, String key, int count) {
    hasBucket(bucket);
    List<String> versions = versions(bucket, key);
    if (versions.size() != count) {
      failWithMessage("%nExpecting %s/%s to have %s but it had %s (newest first):%n  %s",
          bucket, key, Counted.of(count, "version"), versions.size(), versions);
    }
    return this;
  }

  /** Verifies that nothing is left of the key: no versions and no delete markers. */
  public S3StateAssert hasNoVersions(String bucket, String key) {
    hasBucket(bucket);
    List<String> versions = versions(bucket, key);
    if (!versions.isEmpty()) {
      failWithMessage("%nExpecting no versions of %s/%s but found (newest first):%n  %s",
          bucket, key, versions);
    }
    return this;
  }

  private List<String> versions(String bucket, String key) {
    return actual.versions(bucket, key).stream().map(S3StateAssert::describe).toList();
  }

  private static String describe(VersionEntry v) {
    return (v.isDeleteMarker() ? "delete marker " : "object ") + v.versionId()
        + (v.isDeleteMarker() ? "" : " (" + v.size() + " bytes)")
        + (v.isLatest() ? " [current]" : "");
  }
}
