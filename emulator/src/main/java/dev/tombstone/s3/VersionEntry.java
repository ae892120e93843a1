package dev.tombstone.s3;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a key's version history: an object version or a delete marker, as
 * ListObjectVersions reports it.
 *
 * @param versionId the id, {@code "null"} for the null version
 * @param isDeleteMarker whether this entry is a delete marker
 * @param isLatest whether this entry is the key's current one
 * @param etag the quoted MD5; empty for a delete marker
 * @param size the content length; 0 for a delete marker
 * @param storageClass e.g. {@code STANDARD}; empty for a delete marker
 * @param checksum the version's additional checksum (listings name its algorithm and type);
 *     empty for a delete marker
 * @param restore the version's last RestoreObject, for listings' RestoreStatus; empty for a
 *     delete marker and a version never restored
 */
public record VersionEntry(
    String key,
    String versionId,
    boolean isDeleteMarker,
    boolean isLatest,
    Instant lastModified,
    Optional<String> etag,
    long size,
    Optional<String> storageClass,
    Optional<Checksum> checksum,
    Optional<ObjectRestore> restore) {
  public VersionEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(storageClass, "storageClass");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(restore, "restore");
  }

  /** An entry of a version never restored. */
  public VersionEntry(String key, String versionId, boolean isDeleteMarker, boolean isLatest,
      Instant lastModified, Optional<String> etag, long size, Optional<String> storageClass,
      Optional<Checksum> checksum) {
    this(key, versionId, isDeleteMarker, isLatest, lastModified, etag, size, storageClass,
        checksum, Optional.empty());
  }

  /** An entry without a checksum, as versions were described before S3's default checksum. */
  public VersionEntry(String key, String versionId, boolean isDeleteMarker, boolean isLatest,
      Instant lastModified, Optional<String> etag, long size, Optional<String> storageClass) {
    this(key, versionId, isDeleteMarker, isLatest, lastModified, etag, size, storageClass,
        Optional.empty());
  }
}
