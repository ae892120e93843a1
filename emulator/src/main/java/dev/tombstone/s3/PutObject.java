package dev.tombstone.s3;

import dev.tombstone.s3.S3Error.PreconditionFailed.Condition;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PutObject: stores a new version of a key. What happens to the older versions depends on the
 * bucket's versioning: replaced (never versioned), kept (Enabled), or only the null version
 * replaced (Suspended).
 */
public final class PutObject {
  private PutObject() {}

  /**
   * @param checksum the additional checksum the client sent, already verified; when empty the
   *     stored version gets S3's default, a full-object CRC64NVME of the content
   * @param ifMatch store only if the current object's ETag matches this ETag (or {@code *})
   * @param ifNoneMatchAny store only if the key has no current object
   * @param tags the object tags, validated by {@link ObjectTagging#validate}
   * @param acl the ACL; empty gives the owner full control
   */
  public record Request(
      String bucket,
      String key,
      ObjectContent content,
      ObjectMetadata metadata,
      Optional<Checksum> checksum,
      Optional<String> ifMatch,
      boolean ifNoneMatchAny,
      Map<String, String> tags,
      Optional<AccessControlList> acl) {
    public Request {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(checksum, "checksum");
      Objects.requireNonNull(ifMatch, "ifMatch");
      tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
      Objects.requireNonNull(acl, "acl");
    }

    /** A put without tags and with the default ACL. */
    public Request(String bucket, String key, ObjectContent content, ObjectMetadata metadata,
        Optional<Checksum> checksum, Optional<String> ifMatch, boolean ifNoneMatchAny) {
      this(bucket, key, content, metadata, checksum, ifMatch, ifNoneMatchAny, Map.of(),
          Optional.empty());
    }

    /** This request with object tags. */
    public Request withTags(Map<String, String> newTags) {
      return new Request(bucket, key, content, metadata, checksum, ifMatch, ifNoneMatchAny,
          newTags, acl);
    }

    /** This request with an ACL. */
    public Request withAcl(AccessControlList newAcl) {
      return new Request(bucket, key, content, metadata, checksum, ifMatch, ifNoneMatchAny, tags,
          Optional.of(newAcl));
    }

    /** An unconditional put with default metadata. */
    public static Request of(String bucket, String key, ObjectContent content) {
      return new Request(bucket, key, content, ObjectMetadata.DEFAULT, Optional.empty(),
          Optional.empty(), false);
    }
  }

  /**
   * @param stored the new version
   * @param versioning the bucket's versioning state the write saw
   */
  public record Result(StoredObject stored, Versioning versioning) {
    /** The version id S3 reports for the write: only Enabled buckets report one. */
    public Optional<String> reportedVersionId() {
      return versioning == Versioning.ENABLED ? Optional.of(stored.versionId()) : Optional.empty();
    }
  }

  static Result execute(Bucket bucket, Request request, VersionIds ids, SharedValues shared,
      Instant now) {
    SharedValues.Shared body = shared.share(request.content(), ETags.of(request.content()));
    Optional<Checksum> checksum =
        request.checksum().isPresent() ? request.checksum() : body.defaultChecksum();
    String etag = ETags.isOpaque(request.metadata().encryption()) ? ETags.opaque() : body.etag();
    return execute(bucket, request, body.content(), shared.share(request.metadata()), checksum,
        ids, now, etag, Optional.empty());
  }

  /**
   * Stores the object with the given ETag and part layout (a completed multipart upload has its
   * own kind of ETag), and the default checksum when the request carries none.
   */
  static Result execute(Bucket bucket, Request request, VersionIds ids, Instant now, String etag,
      Optional<ObjectParts> parts) {
    Optional<Checksum> checksum = request.checksum().isPresent() ? request.checksum()
        : DefaultChecksum.of(request.content());
    return execute(bucket, request, request.content(), request.metadata(), checksum, ids, now,
        etag, parts);
  }

  /**
   * Stores {@code content} and {@code metadata}, which equal the request's (and may be shared
   * copies of them), with {@code checksum}: the request's, or S3's default.
   */
  private static Result execute(Bucket bucket, Request request, ObjectContent content,
      ObjectMetadata metadata, Optional<Checksum> checksum, VersionIds ids, Instant now,
      String etag, Optional<ObjectParts> parts) {
    ObjectKeys.check(request.key());
    request.acl().ifPresent(acl -> AccessControl.checkWrite(bucket, acl));
    // The function runs once, atomically for this key; the result escapes through the array.
    Result[] result = new Result[1];
    bucket.keys().compute(request.key(), (key, history) -> {
      checkConditions(key, history, request.ifMatch(), request.ifNoneMatchAny());
      Versioning versioning = bucket.versioning();
      String versionId = versioning == Versioning.ENABLED ? ids.next() : VersionIds.NULL;
      StoredObject object = StoredObject.of(key, versionId, now, content, etag,
          metadata, checksum, request.tags(),
          request.acl().orElseGet(bucket::defaultObjectAcl),
          parts);
      result[0] = new Result(object, versioning);
      return switch (versioning) {
        case UNVERSIONED -> KeyHistory.of(object);
        case ENABLED -> KeyHistory.push(history, object);
        case SUSPENDED -> KeyHistory.replaceNull(history, object);
      };
    });
    bucket.keyWritten(request.key());
    return result[0];
  }

  static void checkConditions(String key, KeyHistory history, Optional<String> ifMatch,
      boolean ifNoneMatchAny) {
    Entry current = history == null ? null : history.current();
    StoredObject object = current instanceof StoredObject stored ? stored : null;
    if (ifNoneMatchAny && object != null) {
      throw new S3Error.PreconditionFailed(Condition.NO_CURRENT_OBJECT);
    }
    if (ifMatch.isPresent()) {
      if (object == null) {
        throw new S3Error.NoSuchKey(key);
      }
      if (!ETags.matches(ifMatch.get(), object.etag())) {
        throw new S3Error.PreconditionFailed(Condition.ETAG_MATCHES);
      }
    }
  }
}
