package dev.tombstone.s3;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a key's history: a stored object version or a delete marker. A version is its
 * {@link StoredObject} itself, with no wrapper: one object and 16 bytes fewer per version kept.
 */
sealed interface Entry permits StoredObject, Entry.Marker {
  String versionId();

  Instant lastModified();

  /** {@code entry} as ListObjectVersions reports it. */
  static VersionEntry describe(Entry entry, String key, boolean latest) {
    if (entry instanceof StoredObject object) {
      return new VersionEntry(key, object.versionId(), false, latest, object.lastModified(),
          Optional.of(object.etag()), object.size(), Optional.of(object.metadata().storageClass()),
          object.checksum(), object.restore());
    }
    return new VersionEntry(key, entry.versionId(), true, latest, entry.lastModified(),
        Optional.empty(), 0, Optional.empty(), Optional.empty());
  }

  /** Whether {@code entry}'s version id is {@code versionId}, compared without writing it out. */
  static boolean hasVersionId(Entry entry, String versionId) {
    return entry instanceof Marker marker
        ? marker.hasVersionId(versionId)
        : ((StoredObject) entry).hasVersionId(versionId);
  }

  /**
   * A delete marker: no content, no ETag. Its version id is kept as the three longs it encodes
   * (see {@link VersionIds#word}) and written out when asked for: a marker is one object of 40
   * bytes instead of three of 96, and a versioned bucket deleted from often holds many.
   */
  final class Marker implements Entry {
    private final long high;
    private final long middle;
    private final long low;
    private final Instant lastModified;

    /** @param versionId an id {@link VersionIds} made, or {@code "null"} */
    Marker(String versionId, Instant lastModified) {
      Objects.requireNonNull(versionId, "versionId");
      this.lastModified = Objects.requireNonNull(lastModified, "lastModified");
      if (VersionIds.NULL.equals(versionId)) {
        high = middle = low = 0; // no made id has three zero longs
      } else {
        if (!VersionIds.hasShape(versionId)) {
          throw new IllegalArgumentException("not a version id: " + versionId);
        }
        high = VersionIds.word(versionId, 0);
        middle = VersionIds.word(versionId, 1);
        low = VersionIds.word(versionId, 2);
      }
    }

    private boolean isNullVersion() {
      return high == 0 && middle == 0 && low == 0;
    }

    @Override
    public String versionId() {
      return isNullVersion() ? VersionIds.NULL : VersionIds.encode(high, middle, low);
    }

    @Override
    public Instant lastModified() {
      return lastModified;
    }

    boolean hasVersionId(String versionId) {
      return isNullVersion()
          ? VersionIds.NULL.equals(versionId)
          : VersionIds.matches(high, middle, low, versionId);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Marker that && high == that.high && middle == that.middle
          && low == that.low && lastModified.equals(that.lastModified);
    }

    @Override
    public int hashCode() {
      return Objects.hash(high, middle, low, lastModified);
    }

    @Override
    public String toString() {
      return "Marker[versionId=" + versionId() + ", lastModified=" + lastModified + "]";
    }
  }
}
