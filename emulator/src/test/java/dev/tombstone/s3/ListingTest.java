package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prefix, delimiter and pagination of the object and version listings. */
class ListingTest {
  private S3State s3;

  @BeforeEach
  void bucket() {
    s3 = new S3State("us-east-1", Clock.systemUTC());
    s3.createBucket("list-bucket");
    s3.setVersioning("list-bucket", Versioning.ENABLED);
    for (String key : List.of("a/1", "a/2", "a/3", "b", "c/1", "c/2", "d")) {
      s3.putObject("list-bucket", key, key);
    }
    s3.deleteObject("list-bucket", "b");
  }

  /** Every page of a listing with max-keys 1, following the last entry. */
  private List<String> pages(Optional<String> delimiter, String prefix) {
    List<String> entries = new ArrayList<>();
    Optional<String> after = Optional.empty();
    for (int guard = 0; guard < 20; guard++) {
      ListObjects.Result page = s3.listObjects(
          new ListObjects.Request("list-bucket", prefix, delimiter, after, 1));
      page.contents().forEach(o -> entries.add(o.key()));
      page.commonPrefixes().forEach(p -> entries.add("prefix:" + p));
      if (!page.truncated()) {
        return entries;
      }
      after = page.lastEntry();
    }
    throw new AssertionError("pagination did not end: " + entries);
  }

  @Test
  void objects_pageOneByOne_withEachCommonPrefixOnce() {
    assertThat(pages(Optional.of("/"), ""))
        .containsExactly("prefix:a/", "prefix:c/", "d");
  }

  @Test
  void objects_withoutDelimiter_skipKeysHiddenByMarkers() {
    assertThat(pages(Optional.empty(), "")).containsExactly("a/1", "a/2", "a/3", "c/1", "c/2",
        "d");
    assertThat(pages(Optional.empty(), "c/")).containsExactly("c/1", "c/2");
  }

  @Test
  void versions_pageOneByOne_withKeyAndVersionMarkers() {
    s3.putObject("list-bucket", "d", "again");
    List<String> entries = new ArrayList<>();
    Optional<String> keyMarker = Optional.empty();
    Optional<String> versionMarker = Optional.empty();
    for (int guard = 0; guard < 30; guard++) {
      ListVersions.Result page = s3.listObjectVersions(new ListVersions.Request("list-bucket",
          "", Optional.of("/"), keyMarker, versionMarker, 1));
      page.versions().forEach(v -> entries.add(v.key() + (v.isDeleteMarker() ? "(marker)" : "")));
      page.commonPrefixes().forEach(p -> entries.add("prefix:" + p));
      if (!page.truncated()) {
        break;
      }
      keyMarker = page.nextKeyMarker();
      versionMarker = page.nextVersionIdMarker();
    }

    assertThat(entries).containsExactly("prefix:a/", "b(marker)", "b", "prefix:c/", "d", "d");
  }

  @Test
  void versions_maxKeysZero_returnsNothingAndIsNotTruncated() {
    ListVersions.Result page = s3.listObjectVersions(new ListVersions.Request("list-bucket",
        "", Optional.empty(), Optional.empty(), Optional.empty(), 0));

    assertThat(page.versions()).isEmpty();
    assertThat(page.truncated()).isFalse();
  }
}
