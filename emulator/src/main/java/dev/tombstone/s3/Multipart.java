package dev.tombstone.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Multipart upload: CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
 * AbortMultipartUpload and ListParts. Parts are kept in memory until the upload completes into
 * one object version (stored as PutObject stores it) or is aborted.
 */
public final class Multipart {
  /** The smallest size of every part but the last of a completed upload: 5 MiB. */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  /** The largest completed object this in-memory emulator holds (S3's limit is 5 TiB). */
  static final long MAX_OBJECT_SIZE = Integer.MAX_VALUE - 16;

  /** The highest part number S3 accepts. */
  public static final int MAX_PART_NUMBER = 10_000;

  private static final Base64.Encoder UPLOAD_ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Multipart() {}

  /** The checksum type of a multipart upload that combines its part checksums. */
  public static final String COMPOSITE = "COMPOSITE";

  /** The checksum type of a multipart upload whose checksum covers the whole object. */
  public static final String FULL_OBJECT = "FULL_OBJECT";

  /**
   * An upload in progress, as CreateMultipartUpload made it.
   *
   * @param checksumType {@link #COMPOSITE} or {@link #FULL_OBJECT}, present exactly when
   *     {@code checksumAlgorithm} is
   * @param storageClass the storage class the completed object will have, as ListParts and
   *     ListMultipartUploads report it
   * @param encryption the server-side encryption CreateMultipartUpload fixed for the upload,
   *     which UploadPart and UploadPartCopy report for each part
   */
  public record Upload(String uploadId, String key, Instant initiated,
      Optional<String> checksumAlgorithm, Optional<String> checksumType, String storageClass,
      ObjectEncryption encryption) {
    public Upload {
      Objects.requireNonNull(uploadId, "uploadId");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(initiated, "initiated");
      Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
      Objects.requireNonNull(checksumType, "checksumType");
      Objects.requireNonNull(storageClass, "storageClass");
      Objects.requireNonNull(encryption, "encryption");
    }

    /** An SSE-S3 upload. */
    public Upload(String uploadId, String key, Instant initiated,
        Optional<String> checksumAlgorithm, Optional<String> checksumType, String storageClass) {
      this(uploadId, key, initiated, checksumAlgorithm, checksumType, storageClass,
          ObjectEncryption.SSE_S3);
    }

    /** A {@link ObjectMetadata#STANDARD} upload. */
    public Upload(String uploadId, String key, Instant initiated,
        Optional<String> checksumAlgorithm, Optional<String> checksumType) {
      this(uploadId, key, initiated, checksumAlgorithm, checksumType, ObjectMetadata.STANDARD);
    }

    /** An upload with the default checksum type of its algorithm, if any. */
    public Upload(
        String uploadId, String key, Instant initiated, Optional<String> checksumAlgorithm) {
      this(uploadId, key, initiated, checksumAlgorithm,
          checksumAlgorithm.map(Multipart::defaultChecksumType));
    }

    /** Whether the upload's checksum covers the whole object rather than its parts. */
    public boolean isFullObject() {
      return checksumType.filter(FULL_OBJECT::equals).isPresent();
    }
  }

  /**
   * An uploaded part.
   *
   * @param etag the quoted hex MD5 of the part's content; under SSE-KMS or DSSE-KMS an opaque
   *     32-hex value instead, as S3's are not an MD5 of the data
   * @param checksum the additional checksum the client sent with it, already verified; for a
   *     part copied with UploadPartCopy, the one computed with the upload's algorithm
   * @param copied whether UploadPartCopy made the part (CompleteMultipartUpload does not ask
   *     for its checksum)
   */
  public record Part(int partNumber, ObjectContent content, String etag, Instant lastModified,
      Optional<Checksum> checksum, boolean copied) {
    public Part {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(etag, "etag");
      Objects.requireNonNull(lastModified, "lastModified");
      Objects.requireNonNull(checksum, "checksum");
    }

    public long size() {
      return content.size();
    }
  }

  /** A part as CompleteMultipartUpload names it: its number and the ETag UploadPart returned. */
  public record CompletedPart(int partNumber, String etag) {
    public CompletedPart {
      Objects.requireNonNull(etag, "etag");
    }
  }

  /**
   * Starts an upload; its tags, ACL and Object Lock go to the version it completes into, so
   * they are checked now, as PutObject checks them (the lock by the caller).
   *
   * @throws S3Error.AccessControlListNotSupported for an ACL that grants others while the bucket
   *     enforces ownership
   */
  static Upload create(Bucket bucket, String key, ObjectMetadata metadata,
      Optional<String> checksumAlgorithm, Optional<String> checksumType,
      Map<String, String> tags, Optional<AccessControlList> acl, ObjectLock.VersionLock lock,
      Optional<ObjectLock.RequestedEventHold> eventHold, Instant now) {
    ObjectKeys.check(key);
    Optional<String> type = checksumType(checksumAlgorithm, checksumType);
    acl.ifPresent(a -> AccessControl.checkWrite(bucket, a));
    String uploadId = newUploadId();
    MultipartUpload upload = new MultipartUpload(uploadId, key, metadata, checksumAlgorithm,
        type, tags, acl, lock, eventHold, now);
    bucket.uploads().put(uploadId, upload);
    return upload.describe();
  }

  /**
   * The checksum type an upload gets: the one asked for, else its algorithm's default.
   *
   * @throws S3Error.InvalidRequest for a type without an algorithm, or a pair S3 cannot combine
   *     (CRC64NVME is only FULL_OBJECT, SHA1 and SHA256 only COMPOSITE)
   */
  private static Optional<String> checksumType(
      Optional<String> algorithm, Optional<String> type) {
    if (type.isPresent() && !type.get().equals(COMPOSITE) && !type.get().equals(FULL_OBJECT)) {
      throw new IllegalArgumentException(
          "checksumType must be COMPOSITE or FULL_OBJECT, was " + type.get());
    }
    if (algorithm.isEmpty()) {
      if (type.isPresent()) {
        throw new S3Error.InvalidRequest("The x-amz-checksum-type header can only be used with"
            + " the x-amz-checksum-algorithm header.");
      }
      return Optional.empty();
    }
    String name = algorithm.get().toUpperCase(Locale.ROOT);
    String chosen = type.orElse(defaultChecksumType(name));
    boolean impossible = chosen.equals(COMPOSITE) ? name.equals("CRC64NVME")
        : name.equals("SHA1") || name.equals("SHA256");
    if (impossible) {
      throw new S3Error.InvalidRequest("The " + chosen + " checksum type cannot be used with the "
          + name.toLowerCase(Locale.ROOT) + " checksum algorithm.");
    }
    return Optional.of(chosen);
  }

  private static String defaultChecksumType(String algorithm) {
    return algorithm.equalsIgnoreCase("CRC64NVME") ? FULL_OBJECT : COMPOSITE;
  }

  static Part uploadPart(Bucket bucket, String key, String uploadId, int partNumber,
      ObjectContent content, Optional<Checksum> checksum, boolean copied, Instant now) {
    MultipartUpload upload = find(bucket, key, uploadId);
    Optional<String> expected = upload.checksumAlgorithm();
    if (expected.isPresent() && checksum.isPresent()
        && !checksum.get().algorithm().equalsIgnoreCase(expected.get())) {
      throw new S3Error.InvalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
          + expected.get().toLowerCase(Locale.ROOT) + ", actual checksum Type: "
          + checksum.get().algorithm().toLowerCase(Locale.ROOT));
    }
    Part part = new Part(partNumber, content, ETags.of(content, upload.metadata().encryption()),
        now, checksum, copied);
    upload.put(part);
    return part;
  }

  /**
   * The Object Lock CreateMultipartUpload asked for the version the upload completes into.
   *
   * @throws S3Error.NoSuchUpload when the id names no upload of this key in progress
   */
  static ObjectLock.VersionLock requestedLock(Bucket bucket, String key, String uploadId) {
    return find(bucket, key, uploadId).lock();
  }

  /**
   * The event hold CreateMultipartUpload asked for the version the upload completes into.
   *
   * @throws S3Error.NoSuchUpload when the id names no upload of this key in progress
   */
  static Optional<ObjectLock.RequestedEventHold> requestedEventHold(
      Bucket bucket, String key, String uploadId) {
    return find(bucket, key, uploadId).eventHold();
  }

  static List<Part> listParts(Bucket bucket, String key, String uploadId) {
    return find(bucket, key, uploadId).parts();
  }

  /**
   * Completes the upload, or answers as its completion did when another completion of it
   * got there first: completions of one upload run one after the other.
   *
   * @param lock the retention and legal hold the completed version gets, if any
   */
  static PutObject.Result complete(Bucket bucket, String key, String uploadId,
      List<CompletedPart> selection, Optional<String> ifMatch, boolean ifNoneMatchAny,
      Optional<Checksum> checksum, Optional<ObjectLock.VersionLock> lock, VersionIds ids,
      Instant now) {
    MultipartUpload upload = find(bucket, key, uploadId);
    synchronized (upload) {
      if (!upload.isOpen()) {
        return repeated(bucket, key, uploadId, selection)
            .orElseThrow(() -> new S3Error.NoSuchUpload(uploadId));
      }
      // Checked before the upload is finished, so a failed condition leaves it open.
      PutObject.checkConditions(key, bucket.keys().get(key), ifMatch, ifNoneMatchAny);
      if ((ifMatch.isPresent() || ifNoneMatchAny) && upload.keyChanged()) {
        // S3 cannot tell whether the condition held for the whole upload: the client restarts.
        throw new S3Error.ConditionalRequestConflict(
            ifNoneMatchAny ? "If-None-Match" : "If-Match", key);
      }
      // Ownership may have been enforced since the upload began; refuse before the upload ends.
      upload.acl().ifPresent(acl -> AccessControl.checkWrite(bucket, acl));
      List<Part> parts = upload.finish(selection);
      try {
        ObjectContent.Writer writer = ObjectContent.writer(totalSize(parts));
        for (Part part : parts) {
          byte[] bytes = part.content().toByteArray();
          writer.write(bytes, 0, bytes.length);
        }
        PutObject.Request request = new PutObject.Request(bucket.name(), key,
            writer.toContent(), upload.metadata(), checksum, ifMatch, ifNoneMatchAny,
            upload.tags(), upload.acl());
        PutObject.Result result = PutObject.execute(bucket, request, ids, now, etag(parts),
            Optional.of(ObjectParts.of(parts, upload.checksumAlgorithm())));
        lock.ifPresent(l -> bucket.objectLock().set(key, result.stored().versionId(), l));
        bucket.completedUploads().remember(uploadId, key, selection, result);
        return result;
      } finally {
        // Only now: a completion of this upload that started meanwhile finds it and waits.
        bucket.uploads().remove(uploadId, upload);
      }
    }
  }

  /**
   * The answer to CompleteMultipartUpload sent again for an upload it already completed with
   * the same parts: the first answer, with the version it wrote while that version is still
   * stored. Empty while the upload is in progress, and for any other id, key or parts.
   */
  static Optional<PutObject.Result> repeated(Bucket bucket, String key, String uploadId,
      List<CompletedPart> selection) {
    if (bucket.uploads().containsKey(uploadId)) {
      return Optional.empty();
    }
    return bucket.completedUploads().repeated(uploadId, key, selection)
        .map(answer -> new PutObject.Result(stillStored(bucket, answer.stored()),
            answer.versioning()));
  }

  private static StoredObject stillStored(Bucket bucket, StoredObject written) {
    KeyHistory history = bucket.keys().get(written.key());
    Optional<Entry> entry = history == null ? Optional.empty() : history.find(written.versionId());
    return entry.filter(StoredObject.class::isInstance).map(StoredObject.class::cast)
        .filter(stored -> stored.etag().equals(written.etag())
            && stored.lastModified().equals(written.lastModified()))
        .orElse(written);
  }

  /**
   * Aborts the upload in progress. An upload this bucket completed recently (one it still
   * remembers for a retried completion) is aborted without effect: S3 answers 204 there for a
   * while, so cleanup code that aborts after completing does not fail, and the object stays.
   */
  static void abort(Bucket bucket, String key, String uploadId) {
    MultipartUpload inProgress = bucket.uploads().get(uploadId);
    if ((inProgress == null || !inProgress.key().equals(key))
        && bucket.completedUploads().completed(uploadId, key)) {
      return;
    }
    MultipartUpload upload = find(bucket, key, uploadId);
    upload.abort();
    bucket.uploads().remove(uploadId, upload);
  }

  static List<Upload> uploads(Bucket bucket) {
    return bucket.uploads().values().stream().map(MultipartUpload::describe).toList();
  }

  private static MultipartUpload find(Bucket bucket, String key, String uploadId) {
    MultipartUpload upload = bucket.uploads().get(uploadId);
    if (upload == null || !upload.key().equals(key)) {
      throw new S3Error.NoSuchUpload(uploadId);
    }
    return upload;
  }

  /** S3's multipart ETag: the MD5 of the parts' binary MD5s, then a dash and the part count. */
  private static String etag(List<Part> parts) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      HexFormat hex = HexFormat.of();
      for (Part part : parts) {
        md5.update(hex.parseHex(part.etag().substring(1, part.etag().length() - 1)));
      }
      return '"' + hex.formatHex(md5.digest()) + "-" + parts.size() + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private static int totalSize(List<Part> parts) {
    long total = 0;
    for (Part part : parts) {
      total += part.size();
    }
    return (int) total;
  }

  private static String newUploadId() {
    byte[] random = new byte[48];
    ThreadLocalRandom.current().nextBytes(random);
    return UPLOAD_ID_ENCODER.encodeToString(random);
  }
}
