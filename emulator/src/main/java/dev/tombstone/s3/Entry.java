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
          Optional.of(object.etag()), object.size(), Optional.of(object.metadata().storageClass()));
    }
    return new VersionEntry(key, entry.versionId(), true, latest, entry.lastModified(),
        Optional.empty(), 0, Optional.empty());
  }

  /** A delete marker: no content, no ETag. */
  record Marker(String versionId, Instant lastModified) implements Entry {
    public Marker {
      Objects.requireNonNull(versionId, "versionId");
      Objects.requireNonNull(lastModified, "lastModified");
    }
  }
}
