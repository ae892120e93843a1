package dev.tombstone.s3;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored object version with its bytes.
 *
 * @param versionId its id, {@code "null"} for the null version (never-versioned or Suspended)
 * @param lastModified when it was written, whole seconds
 * @param etag the quoted lower-case hex MD5 of the content, e.g. {@code "5d41...c592"}
 * @param checksum the additional checksum the client sent with it or, when it sent none, the
 *     full-object CRC64NVME S3 gives such an object; empty only when this record was built
 *     without one
 * @param tags its object tags, in the order they were set
 * @param acl its access control list
 * @param parts the parts a multipart upload made it of; empty for any other write
 * @param restore the last RestoreObject of an archived version; empty when it was never
 *     restored (a new version, or a storage-class change, starts without one)
 */
public record StoredObject(
    String key,
    String versionId,
    Instant lastModified,
    ObjectContent content,
    String etag,
    ObjectMetadata metadata,
    Optional<Checksum> checksum,
    Map<String, String> tags,
    AccessControlList acl,
    Optional<ObjectParts> parts,
    Optional<ObjectRestore> restore) implements Entry {
  public StoredObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(acl, "acl");
    Objects.requireNonNull(parts, "parts");
    Objects.requireNonNull(restore, "restore");
    tags = tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** A version as it is written: never restored. */
  public StoredObject(String key, String versionId, Instant lastModified, ObjectContent content,
      String etag, ObjectMetadata metadata, Optional<Checksum> checksum, Map<String, String> tags,
      AccessControlList acl, Optional<ObjectParts> parts) {
    this(key, versionId, lastModified, content, etag, metadata, checksum, tags, acl, parts,
        Optional.empty());
  }

  /** A version written in one piece (not by a multipart upload). */
  public StoredObject(String key, String versionId, Instant lastModified, ObjectContent content,
      String etag, ObjectMetadata metadata, Optional<Checksum> checksum, Map<String, String> tags,
      AccessControlList acl) {
    this(key, versionId, lastModified, content, etag, metadata, checksum, tags, acl,
        Optional.empty());
  }

  /** This version with other tags: tagging changes a version without making a new one. */
  public StoredObject withTags(Map<String, String> newTags) {
    return new StoredObject(key, versionId, lastModified, content, etag, metadata, checksum,
        newTags, acl, parts, restore);
  }

  /** This version with another ACL. */
  public StoredObject withAcl(AccessControlList newAcl) {
    return new StoredObject(key, versionId, lastModified, content, etag, metadata, checksum, tags,
        newAcl, parts, restore);
  }

  /** This version after a RestoreObject. */
  public StoredObject withRestore(ObjectRestore newRestore) {
    return new StoredObject(key, versionId, lastModified, content, etag, metadata, checksum, tags,
        acl, parts, Optional.of(newRestore));
  }

  /**
   * This version moved to another storage class by a lifecycle transition: bytes, ETag, version
   * id and metadata stay; a restored copy of the old class does not.
   */
  public StoredObject withStorageClass(String storageClass) {
    return new StoredObject(key, versionId, lastModified, content, etag,
        metadata.withStorageClass(storageClass), checksum, tags, acl, parts, Optional.empty());
  }

  /**
   * Whether an {@code If-Match} or {@code If-None-Match} value names this object's ETag:
   * {@code *}, or any member of a comma list, compared without quotes and weak prefix.
   */
  public boolean etagMatches(String condition) {
    return ETags.matches(condition, etag);
  }

  /** The content length in bytes. */
  public long size() {
    return content.size();
  }
}
