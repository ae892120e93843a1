package dev.tombstone.s3;

import dev.tombstone.s3.S3Error.PreconditionFailed.Condition;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CopyObject: a new version of the destination key with the bytes of a source version. The
 * bytes are shared, not copied: versions are immutable. Restoring an old version is a copy of
 * it onto its own key.
 */
public final class CopyObject {
  static final String TO_ITSELF = "This copy request is illegal because it is trying to copy an"
      + " object to itself without changing the object's metadata, storage class, website"
      + " redirect location or encryption attributes.";
  static final String FROM_DELETE_MARKER = "The source of a copy request may not specifically"
      + " refer to a delete marker by version id.";

  private CopyObject() {}

  /**
   * The source conditions, as the {@code x-amz-copy-source-if-*} headers give them.
   *
   * @param ifMatch the source's ETag must match
   * @param ifNoneMatch the source's ETag must differ
   * @param ifModifiedSince the source must be newer
   * @param ifUnmodifiedSince the source must not be newer
   */
  public record SourceConditions(Optional<String> ifMatch, Optional<String> ifNoneMatch,
      Optional<Instant> ifModifiedSince, Optional<Instant> ifUnmodifiedSince) {
    /** No conditions. */
    public static final SourceConditions NONE = new SourceConditions(Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks with S3's precedence: a matching If-Match overrides a failing If-Unmodified-Since,
     * and a failing If-None-Match decides whatever If-Modified-Since says.
     *
     * @throws S3Error.PreconditionFailed naming the condition that failed
     */
    public void check(StoredObject source) {
      Instant modified = source.lastModified();
      if (ifMatch.isPresent()) {
        if (!source.etagMatches(ifMatch.get())) {
          throw new S3Error.PreconditionFailed(Condition.COPY_SOURCE_ETAG_MATCHES);
        }
      } else if (ifUnmodifiedSince.filter(modified::isAfter).isPresent()) {
        throw new S3Error.PreconditionFailed(Condition.COPY_SOURCE_UNMODIFIED_SINCE);
      }
      if (ifNoneMatch.isPresent()) {
        if (source.etagMatches(ifNoneMatch.get())) {
          throw new S3Error.PreconditionFailed(Condition.COPY_SOURCE_ETAG_DIFFERS);
        }
      } else if (ifModifiedSince.filter(since -> !modified.isAfter(since)).isPresent()) {
        throw new S3Error.PreconditionFailed(Condition.COPY_SOURCE_MODIFIED_SINCE);
      }
    }
  }

  /**
   * @param sourceVersionId the source version; the current one when empty
   * @param metadata the destination's metadata (REPLACE); empty copies the source's (COPY)
   * @param storageClass the copy's storage class under COPY; STANDARD when empty, as S3 copies
   * @param tags the destination's tags (REPLACE); empty copies the source's (COPY)
   * @param acl the destination's ACL; empty gives the owner full control
   * @param ifMatch write only if the destination's current ETag matches (conditional write)
   * @param ifNoneMatchAny write only if the destination key has no current object
   * @param encryption the destination's encryption, as S3 gives a copy: the request's or the
   *     destination bucket's default, never the source's; empty keeps the metadata's
   * @param websiteRedirectLocation the copy's website redirect location: S3 never copies the
   *     source's, under either metadata directive, and a copy onto itself that sets one (even
   *     the source's) is legal
   */
  public record Request(String sourceBucket, String sourceKey, Optional<String> sourceVersionId,
      String bucket, String key, Optional<ObjectMetadata> metadata, Optional<String> storageClass,
      Optional<Map<String, String>> tags, Optional<AccessControlList> acl,
      SourceConditions conditions, Optional<String> ifMatch, boolean ifNoneMatchAny,
      Optional<ObjectEncryption> encryption, Optional<String> websiteRedirectLocation) {
    public Request {
      Objects.requireNonNull(sourceBucket, "sourceBucket");
      Objects.requireNonNull(sourceKey, "sourceKey");
      Objects.requireNonNull(sourceVersionId, "sourceVersionId");
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(storageClass, "storageClass");
      Objects.requireNonNull(tags, "tags");
      Objects.requireNonNull(acl, "acl");
      Objects.requireNonNull(conditions, "conditions");
      Objects.requireNonNull(ifMatch, "ifMatch");
      Objects.requireNonNull(encryption, "encryption");
      Objects.requireNonNull(websiteRedirectLocation, "websiteRedirectLocation");
    }

    /** A copy without a website redirect location. */
    public Request(String sourceBucket, String sourceKey, Optional<String> sourceVersionId,
        String bucket, String key, Optional<ObjectMetadata> metadata,
        Optional<String> storageClass, Optional<Map<String, String>> tags,
        Optional<AccessControlList> acl, SourceConditions conditions, Optional<String> ifMatch,
        boolean ifNoneMatchAny, Optional<ObjectEncryption> encryption) {
      this(sourceBucket, sourceKey, sourceVersionId, bucket, key, metadata, storageClass, tags,
          acl, conditions, ifMatch, ifNoneMatchAny, encryption, Optional.empty());
    }

    /** A copy that keeps the encryption of the metadata it writes. */
    public Request(String sourceBucket, String sourceKey, Optional<String> sourceVersionId,
        String bucket, String key, Optional<ObjectMetadata> metadata,
        Optional<String> storageClass, Optional<Map<String, String>> tags,
        Optional<AccessControlList> acl, SourceConditions conditions, Optional<String> ifMatch,
        boolean ifNoneMatchAny) {
      this(sourceBucket, sourceKey, sourceVersionId, bucket, key, metadata, storageClass, tags,
          acl, conditions, ifMatch, ifNoneMatchAny, Optional.empty());
    }

    /** A plain copy: metadata and tags of the source, the current source version. */
    public static Request of(String sourceBucket, String sourceKey, String bucket, String key) {
      return new Request(sourceBucket, sourceKey, Optional.empty(), bucket, key,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          SourceConditions.NONE, Optional.empty(), false);
    }

    /** This copy from a given source version. */
    public Request fromVersion(String versionId) {
      return new Request(sourceBucket, sourceKey, Optional.of(versionId), bucket, key, metadata,
          storageClass, tags, acl, conditions, ifMatch, ifNoneMatchAny, encryption,
          websiteRedirectLocation);
    }
  }

  /**
   * @param written the destination's new version, as PutObject reports it
   * @param source the version copied
   */
  public record Result(PutObject.Result written, StoredObject source) {}

  /** Finds the source version a copy reads. */
  static StoredObject source(Bucket bucket, Request request) {
    try {
      return ObjectLookup.find(bucket, request.sourceKey(), request.sourceVersionId());
    } catch (S3Error.MethodNotAllowed marker) {
      throw new S3Error.InvalidRequest(FROM_DELETE_MARKER);
    }
  }

  /** The put that writes the copy into the destination bucket. */
  static PutObject.Request put(Request request, StoredObject source, boolean sameCurrent,
      Optional<Checksum> checksum) {
    request.conditions().check(source);
    boolean newEncryption = request.encryption()
        .filter(e -> !e.equals(source.metadata().encryption())).isPresent();
    if (sameCurrent && request.metadata().isEmpty() && request.storageClass().isEmpty()
        && request.tags().isEmpty() && !newEncryption
        && request.websiteRedirectLocation().isEmpty()) {
      throw new S3Error.InvalidRequest(TO_ITSELF);
    }
    ObjectMetadata metadata = request.metadata().orElse(source.metadata());
    if (request.metadata().isEmpty()) {
      // A copy is STANDARD unless the request names a class: it never inherits the source's
      // (S3's CopyObject reference), so copying a restored GLACIER object makes it readable.
      metadata = metadata.withStorageClass(request.storageClass().orElse(ObjectMetadata.STANDARD));
    }
    if (request.encryption().isPresent()) {
      metadata = metadata.withEncryption(request.encryption().get());
    }
    metadata = metadata.withWebsiteRedirectLocation(request.websiteRedirectLocation());
    PutObject.Request put = new PutObject.Request(request.bucket(), request.key(),
        source.content(), metadata, checksum.or(source::checksum), request.ifMatch(),
        request.ifNoneMatchAny(),
        request.tags().orElse(source.tags()), request.acl());
    return put;
  }

  /**
   * A copy is one PUT written with {@code encryption}: a KMS copy gets a new opaque ETag, any
   * other the MD5 of the bytes, which a single-part SSE-S3 source already has as its ETag.
   */
  static String etag(StoredObject source, ObjectEncryption encryption) {
    boolean md5 = !source.etag().contains("-")
        && !ETags.isOpaque(source.metadata().encryption());
    return ETags.isOpaque(encryption) ? ETags.opaque()
        : md5 ? source.etag() : ETags.of(source.content());
  }
}
