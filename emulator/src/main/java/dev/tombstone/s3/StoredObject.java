package dev.tombstone.s3;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored object version with its bytes. Immutable; its {@code with} methods return a changed
 * copy.
 *
 * <p>A version id Tombstone made is held as the three longs it encodes and written out when
 * {@link #versionId()} is asked for: a version of a versioned bucket is one object of 80 bytes
 * instead of three of 128, and such a bucket deleted from keeps every version alive. The null
 * version and ids given otherwise keep their text.
 */
public abstract sealed class StoredObject implements Entry
    permits StoredObject.NamedVersion, StoredObject.MadeVersion {
  private final String key;
  private final Instant lastModified;
  private final ObjectContent content;
  private final String etag;
  private final ObjectMetadata metadata;
  private final Optional<Checksum> checksum;
  private final Map<String, String> tags;
  private final AccessControlList acl;
  private final Optional<ObjectParts> parts;
  private final Optional<ObjectRestore> restore;

  private StoredObject(String key, Instant lastModified, ObjectContent content, String etag,
      ObjectMetadata metadata, Optional<Checksum> checksum, Map<String, String> tags,
      AccessControlList acl, Optional<ObjectParts> parts, Optional<ObjectRestore> restore) {
    this.key = Objects.requireNonNull(key, "key");
    this.lastModified = Objects.requireNonNull(lastModified, "lastModified");
    this.content = Objects.requireNonNull(content, "content");
    this.etag = Objects.requireNonNull(etag, "etag");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.checksum = Objects.requireNonNull(checksum, "checksum");
    this.tags = tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    this.acl = Objects.requireNonNull(acl, "acl");
    this.parts = Objects.requireNonNull(parts, "parts");
    this.restore = Objects.requireNonNull(restore, "restore");
  }

  /**
   * A version.
   *
   * @param versionId its id, {@code "null"} for the null version (never-versioned or Suspended)
   * @param lastModified when it was written, whole seconds
   * @param etag the quoted lower-case hex MD5 of the content, e.g. {@code "5d41...c592"}; a
   *     multipart upload's {@code "<hex>-<part count>"}; for an SSE-KMS or DSSE-KMS version an
   *     opaque 32-hex value drawn when it was written, as S3's is not an MD5 of the data
   * @param checksum the additional checksum the client sent with it or, when it sent none, the
   *     full-object CRC64NVME S3 gives such an object; empty only when it was made without one
   * @param tags its object tags, in the order they were set
   * @param acl its access control list
   * @param parts the parts a multipart upload made it of; empty for any other write
   * @param restore the last RestoreObject of an archived version; empty when it was never
   *     restored (a new version, or a storage-class change, starts without one)
   */
  static StoredObject of(String key, String versionId, Instant lastModified,
      ObjectContent content, String etag, ObjectMetadata metadata, Optional<Checksum> checksum,
      Map<String, String> tags, AccessControlList acl, Optional<ObjectParts> parts,
      Optional<ObjectRestore> restore) {
    Objects.requireNonNull(versionId, "versionId");
    if (VersionIds.hasShape(versionId)) {
      return new MadeVersion(key, VersionIds.word(versionId, 0), VersionIds.word(versionId, 1),
          VersionIds.word(versionId, 2), lastModified, content, etag, metadata, checksum, tags,
          acl, parts, restore);
    }
    return new NamedVersion(key, versionId, lastModified, content, etag, metadata, checksum, tags,
        acl, parts, restore);
  }

  /** A version as it is written: never restored. */
  static StoredObject of(String key, String versionId, Instant lastModified,
      ObjectContent content, String etag, ObjectMetadata metadata, Optional<Checksum> checksum,
      Map<String, String> tags, AccessControlList acl, Optional<ObjectParts> parts) {
    return of(key, versionId, lastModified, content, etag, metadata, checksum, tags, acl, parts,
        Optional.empty());
  }

  /** The key this version is stored under. */
  public String key() {
    return key;
  }

  /** Its version id, {@code "null"} for the null version (never-versioned or Suspended). */
  @Override
  public abstract String versionId();

  /** Whether its version id is {@code versionId}, compared without writing its own out. */
  abstract boolean hasVersionId(String versionId);

  /** When it was written, whole seconds. */
  @Override
  public Instant lastModified() {
    return lastModified;
  }

  /** Its bytes. */
  public ObjectContent content() {
    return content;
  }

  /**
   * The quoted lower-case hex MD5 of the content, e.g. {@code "5d41...c592"}; a multipart
   * upload's {@code "<hex>-<part count>"}; for an SSE-KMS or DSSE-KMS version an opaque 32-hex
   * value drawn when it was written, as S3's is not an MD5 of the data.
   */
  public String etag() {
    return etag;
  }

  /** Its system and user metadata. */
  public ObjectMetadata metadata() {
    return metadata;
  }

  /**
   * The additional checksum the client sent with it or, when it sent none, the full-object
   * CRC64NVME S3 gives such an object; empty only when it was made without one.
   */
  public Optional<Checksum> checksum() {
    return checksum;
  }

  /** Its object tags, in the order they were set. */
  public Map<String, String> tags() {
    return tags;
  }

  /** Its access control list. */
  public AccessControlList acl() {
    return acl;
  }

  /** The parts a multipart upload made it of; empty for any other write. */
  public Optional<ObjectParts> parts() {
    return parts;
  }

  /**
   * The last RestoreObject of an archived version; empty when it was never restored (a new
   * version, or a storage-class change, starts without one).
   */
  public Optional<ObjectRestore> restore() {
    return restore;
  }

  /** This version with other tags: tagging changes a version without making a new one. */
  public StoredObject withTags(Map<String, String> newTags) {
    return with(lastModified, content, metadata, newTags, acl, restore);
  }

  /** This version with another ACL. */
  public StoredObject withAcl(AccessControlList newAcl) {
    return with(lastModified, content, metadata, tags, newAcl, restore);
  }

  /** This version after a RestoreObject. */
  public StoredObject withRestore(ObjectRestore newRestore) {
    return with(lastModified, content, metadata, tags, acl, Optional.of(newRestore));
  }

  /**
   * This version moved to another storage class by a lifecycle transition: bytes, ETag, version
   * id, metadata and encryption stay; a restored copy of the old class does not.
   */
  public StoredObject withStorageClass(String storageClass) {
    return with(lastModified, content, metadata.withStorageClass(storageClass), tags, acl,
        Optional.empty());
  }

  /** This version as it is remembered without its bytes (a completed upload's answer). */
  StoredObject withoutContent() {
    return with(lastModified, ObjectContent.EMPTY, metadata, tags, acl, restore);
  }

  /** This version, same key, version id, ETag, checksum and parts, with the other members given. */
  abstract StoredObject with(Instant lastModified, ObjectContent content, ObjectMetadata metadata,
      Map<String, String> tags, AccessControlList acl, Optional<ObjectRestore> restore);

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

  /** Equal when every member is: key, version id, bytes, ETag, metadata and the rest. */
  @Override
  public final boolean equals(Object other) {
    return other instanceof StoredObject that && key.equals(that.key)
        && sameVersionId(that) && lastModified.equals(that.lastModified)
        && content.equals(that.content) && etag.equals(that.etag)
        && metadata.equals(that.metadata) && checksum.equals(that.checksum)
        && tags.equals(that.tags) && acl.equals(that.acl) && parts.equals(that.parts)
        && restore.equals(that.restore);
  }

  private boolean sameVersionId(StoredObject that) {
    if (this instanceof MadeVersion made && that instanceof MadeVersion other) {
      return made.high == other.high && made.middle == other.middle && made.low == other.low;
    }
    return versionId().equals(that.versionId());
  }

  @Override
  public final int hashCode() {
    return Objects.hash(key, versionId(), lastModified, content, etag, metadata, checksum, tags,
        acl, parts, restore);
  }

  @Override
  public final String toString() {
    return "StoredObject[key=" + key + ", versionId=" + versionId() + ", lastModified="
        + lastModified + ", content=" + content + ", etag=" + etag + ", metadata=" + metadata
        + ", checksum=" + checksum + ", tags=" + tags + ", acl=" + acl + ", parts=" + parts
        + ", restore=" + restore + "]";
  }

  /** A version whose id is kept as text: the null version, or an id Tombstone did not make. */
  static final class NamedVersion extends StoredObject {
    private final String versionId;

    private NamedVersion(String key, String versionId, Instant lastModified,
        ObjectContent content, String etag, ObjectMetadata metadata,
        Optional<Checksum> checksum, Map<String, String> tags, AccessControlList acl,
        Optional<ObjectParts> parts, Optional<ObjectRestore> restore) {
      super(key, lastModified, content, etag, metadata, checksum, tags, acl, parts, restore);
      this.versionId = versionId;
    }

    @Override
    public String versionId() {
      return versionId;
    }

    @Override
    boolean hasVersionId(String id) {
      return versionId.equals(id);
    }

    @Override
    StoredObject with(Instant lastModified, ObjectContent content, ObjectMetadata metadata,
        Map<String, String> tags, AccessControlList acl, Optional<ObjectRestore> restore) {
      return new NamedVersion(key(), versionId, lastModified, content, etag(), metadata,
          checksum(), tags, acl, parts(), restore);
    }
  }

  /** A version whose id {@link VersionIds} made, kept as the three longs it encodes. */
  static final class MadeVersion extends StoredObject {
    private final long high;
    private final long middle;
    private final long low;

    private MadeVersion(String key, long high, long middle, long low, Instant lastModified,
        ObjectContent content, String etag, ObjectMetadata metadata,
        Optional<Checksum> checksum, Map<String, String> tags, AccessControlList acl,
        Optional<ObjectParts> parts, Optional<ObjectRestore> restore) {
      super(key, lastModified, content, etag, metadata, checksum, tags, acl, parts, restore);
      this.high = high;
      this.middle = middle;
      this.low = low;
    }

    @Override
    public String versionId() {
      return VersionIds.encode(high, middle, low);
    }

    @Override
    boolean hasVersionId(String id) {
      return VersionIds.matches(high, middle, low, id);
    }

    @Override
    StoredObject with(Instant lastModified, ObjectContent content, ObjectMetadata metadata,
        Map<String, String> tags, AccessControlList acl, Optional<ObjectRestore> restore) {
      return new MadeVersion(key(), high, middle, low, lastModified, content, etag(), metadata,
          checksum(), tags, acl, parts(), restore);
    }
  }
}
