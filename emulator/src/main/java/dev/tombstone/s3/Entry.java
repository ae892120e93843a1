package dev.tombstone.s3;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One entry of a key's history: a stored object version or a delete marker. */
sealed interface Entry {
  String versionId();

  Instant lastModified();

  /** This entry as ListObjectVersions reports it. */
  VersionEntry describe(String key, boolean latest);

  /** An object version with its content. */
  record Stored(StoredObject object) implements Entry {
    public Stored {
      Objects.requireNonNull(object, "object");
    }

    @Override
    public String versionId() {
      return object.versionId();
    }

    @Override
    public Instant lastModified() {
      return object.lastModified();
    }

    @Override
    public VersionEntry describe(String key, boolean latest) {
      return new VersionEntry(key, object.versionId(), false, latest, object.lastModified(),
          Optional.of(object.etag()), object.size(), Optional.of(object.metadata().storageClass()));
    }
  }

  /** A delete marker: no content, no ETag. */
  record Marker(String versionId, Instant lastModified) implements Entry {
    public Marker {
      Objects.requireNonNull(versionId, "versionId");
      Objects.requireNonNull(lastModified, "lastModified");
    }

    @Override
    public VersionEntry describe(String key, boolean latest) {
      return new VersionEntry(key, versionId, true, latest, lastModified, Optional.empty(), 0,
          Optional.empty());
    }
  }
}
