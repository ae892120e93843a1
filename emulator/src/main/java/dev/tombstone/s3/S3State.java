package dev.tombstone.s3;

import dev.tombstone.internal.FourDigitYears;
import dev.tombstone.internal.Utf8Order;
import dev.tombstone.internal.s3.BucketNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The S3 side of an emulator: buckets, versioning, object versions and delete markers, without
 * HTTP. Seed and inspect state in tests; the S3 protocol runs the same operations.
 *
 * <pre>{@code
 * S3State s3 = tombstone.s3();
 * s3.createBucket("photos");
 * s3.setVersioning("photos", Versioning.ENABLED);
 * s3.putObject("photos", "cat.jpg", bytes);
 * s3.deleteObject("photos", "cat.jpg");            // adds a delete marker
 * assert s3.isDeleteMarker("photos", "cat.jpg");
 * assert s3.versions("photos", "cat.jpg").size() == 2;
 * }</pre>
 *
 * <p>Thread-safe. Every operation on one key is atomic: a condition is checked and the write it
 * guards applied with no other write to that key in between, and no version is ever lost.
 * Timestamps come from the emulator's clock, truncated to whole seconds as S3 keeps them.
 */
public final class S3State {
  private static final String US_EAST_1 = "us-east-1";

  private final String region;
  private final Clock clock;
  private volatile Instant lastSecond = Instant.MIN;
  private final Owner owner;
  private final MfaDevice mfaDevice;
  private final VersionIds versionIds = new VersionIds();
  private final SharedValues sharedValues = new SharedValues();
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param region the emulator's region: where buckets without a LocationConstraint live
   */
  public S3State(String region, Clock clock) {
    this(region, clock, Owner.DEFAULT);
  }

  /**
   * @param region the emulator's region: where buckets without a LocationConstraint live
   * @param owner the canonical user that owns every bucket and object
   */
  public S3State(String region, Clock clock, Owner owner) {
    this(region, clock, owner, MfaDevice.ANY);
  }

  /**
   * @param owner the canonical user that owns every bucket and object
   * @param mfaDevice what {@code x-amz-mfa} must carry on MFA-delete buckets
   */
  public S3State(String region, Clock clock, Owner owner, MfaDevice mfaDevice) {
    this.region = Objects.requireNonNull(region, "region");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.mfaDevice = Objects.requireNonNull(mfaDevice, "mfaDevice");
  }

  /** The MFA device MFA-delete buckets accept. */
  public MfaDevice mfaDevice() {
    return mfaDevice;
  }

  /** The owner of every bucket and object. */
  public Owner owner() {
    return owner;
  }

  /** The emulator's region: where buckets without a LocationConstraint live. */
  public String region() {
    return region;
  }

  /** Creates a bucket in the emulator's region; an existing bucket is left as it is. */
  public BucketInfo createBucket(String name) {
    Bucket existing = buckets.get(name);
    if (existing != null) {
      return existing.info();
    }
    return createBucket(name, region.equals(US_EAST_1) ? Optional.empty() : Optional.of(region));
  }

  /**
   * CreateBucket as S3 answers it. Re-creating a bucket that is in us-east-1 succeeds and, as S3
   * does "for legacy compatibility", resets the bucket's ACL to private; re-creating one in any
   * other region is {@code BucketAlreadyOwnedByYou}.
   *
   * @param locationConstraint the requested region; absent or empty means us-east-1
   * @throws S3Error.InvalidBucketName when the name breaks the naming rules
   * @throws S3Error.InvalidLocationConstraint when the constraint names no region or us-east-1
   * @throws S3Error.IllegalLocationConstraint without constraint outside us-east-1
   * @throws S3Error.BucketAlreadyOwnedByYou when it exists in a region other than us-east-1
   */
  public BucketInfo createBucket(String name, Optional<String> locationConstraint) {
    return createBucket(name, locationConstraint, Optional.empty(), Optional.empty());
  }

  /**
   * CreateBucket with an ACL and an Object Ownership setting (BucketOwnerEnforced when absent).
   * Re-creating a bucket that is in us-east-1 resets its ACL to {@code acl} (private when
   * absent) after the same checks; its other settings, Object Ownership included, stay.
   *
   * @throws S3Error.InvalidBucketAclWithObjectOwnership when ownership is enforced and the ACL
   *     grants anyone but the owner, whether the request or the re-created bucket enforces it
   * @throws S3Error.InvalidBucketAclWithBlockPublicAccess when the ACL is public: the new
   *     bucket's public access block refuses it
   */
  public BucketInfo createBucket(String name, Optional<String> locationConstraint,
      Optional<AccessControlList> acl, Optional<ObjectOwnership> ownership) {
    return createBucket(name, locationConstraint, acl, ownership, Map.of());
  }

  /**
   * CreateBucket with the tags of its {@code CreateBucketConfiguration} as well ("tag on
   * create"). A bucket this call creates starts with {@code tags} as its tag set (none when
   * empty); re-creating an existing us-east-1 bucket leaves its tags as they are.
   *
   * @param tags validated as {@link ObjectTagging#validateBucketTags} validates a tag set,
   *     before anything is created
   * @throws S3Error.InvalidTag for tags PutBucketTagging would refuse; no bucket is created
   */
  public BucketInfo createBucket(String name, Optional<String> locationConstraint,
      Optional<AccessControlList> acl, Optional<ObjectOwnership> ownership,
      Map<String, String> tags) {
    if (!BucketNames.isValid(name)) {
      throw new S3Error.InvalidBucketName(name);
    }
    String bucketRegion = Regions.forConstraint(locationConstraint, region);
    ObjectOwnership setting = ownership.orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED);
    AccessControlList bucketAcl = acl.orElseGet(() -> AccessControlList.ownerFullControl(owner));
    if (setting == ObjectOwnership.BUCKET_OWNER_ENFORCED && !bucketAcl.grantsOnlyOwner()) {
      throw new S3Error.InvalidBucketAclWithObjectOwnership();
    }
    if (AccessControl.isPublic(bucketAcl)) {
      throw new S3Error.InvalidBucketAclWithBlockPublicAccess();
    }
    Map<String, String> tagSet = ObjectTagging.validateBucketTags(tags.entrySet().stream()
        .map(tag -> new ObjectTagging.Tag(tag.getKey(), tag.getValue())).toList());
    BucketSettings settings = new BucketSettings(owner, bucketAcl, setting);
    settings.tags(tagSet.isEmpty() ? Optional.empty() : Optional.of(tagSet));
    Bucket created = new Bucket(name, bucketRegion, now(), settings);
    Bucket existing = buckets.putIfAbsent(name, created);
    if (existing == null) {
      return created.info();
    }
    // The legacy answer is for buckets in North Virginia, whatever region the emulator serves.
    if (existing.region().equals(US_EAST_1)) {
      AccessControl.resetBucketAcl(existing, bucketAcl);
      return existing.info();
    }
    throw new S3Error.BucketAlreadyOwnedByYou(name);
  }

  /**
   * The bucket's description.
   *
   * @throws S3Error.NoSuchBucket when it does not exist
   */
  public BucketInfo bucket(String name) {
    return bucketNamed(name).info();
  }

  /** Every bucket, names in ascending order. */
  public List<BucketInfo> buckets() {
    List<BucketInfo> infos = new ArrayList<>();
    for (Bucket bucket : buckets.values()) {
      infos.add(bucket.info());
    }
    infos.sort((a, b) -> Utf8Order.compare(a.name(), b.name()));
    return infos;
  }

  /** The bucket names in ascending order. */
  public List<String> bucketNames() {
    return buckets().stream().map(BucketInfo::name).toList();
  }

  /**
   * Deletes an empty bucket; its name is free at once.
   *
   * @throws S3Error.NoSuchBucket when it does not exist
   * @throws S3Error.BucketNotEmpty when any version remains, delete markers included
   */
  public void deleteBucket(String name) {
    boolean[] found = new boolean[1];
    buckets.computeIfPresent(name, (n, bucket) -> {
      found[0] = true;
      bucket.delete();
      return null;
    });
    if (!found[0]) {
      throw new S3Error.NoSuchBucket(name);
    }
  }

  /**
   * Sets the versioning state. {@link Versioning#UNVERSIONED} is refused once the bucket was
   * versioned, as in S3.
   *
   * @throws S3Error.ObjectLockError InvalidBucketState for anything but ENABLED while Object
   *     Lock or a replication configuration is on the bucket
   */
  public void setVersioning(String bucket, Versioning state) {
    Objects.requireNonNull(state, "state");
    bucketNamed(bucket).configureVersioning(Optional.of(state), false);
  }

  /**
   * PutBucketVersioning: sets the status when one is given; remembers an {@code MfaDelete}
   * setting (only {@code Disabled} is supported).
   *
   * @throws S3Error.ObjectLockError InvalidBucketState for a status other than ENABLED while
   *     Object Lock or a replication configuration is on the bucket
   */
  public void putBucketVersioning(
      String bucket, Optional<Versioning> status, boolean mfaDeleteDisabled) {
    bucketNamed(bucket).configureVersioning(status, mfaDeleteDisabled);
  }

  /** The bucket's versioning state. */
  public Versioning versioning(String bucket) {
    return bucketNamed(bucket).versioning();
  }

  /** Stores {@code content} under {@code key}; returns the new version. */
  public VersionEntry putObject(String bucket, String key, byte[] content) {
    PutObject.Result result =
        putObject(PutObject.Request.of(bucket, key, ObjectContent.of(content)));
    return Entry.describe(result.stored(), key, true);
  }

  /** Stores the UTF-8 bytes of {@code content} under {@code key}; returns the new version. */
  public VersionEntry putObject(String bucket, String key, String content) {
    return putObject(bucket, key, content.getBytes(StandardCharsets.UTF_8));
  }

  /** PutObject with metadata, checksum and conditions. */
  public PutObject.Result putObject(PutObject.Request request) {
    return putObject(request, ObjectLock.WriteLock.NONE);
  }

  /**
   * GetObject: the current object, or the version named.
   *
   * @throws S3Error.NoSuchKey when there is no current object
   * @throws S3Error.NoSuchVersion when the version id names nothing of this key
   * @throws S3Error.MethodNotAllowed when the version id names a delete marker
   * @throws S3Error.InvalidArgument for an empty or malformed version id
   * @throws S3Error.KeyTooLong above 1024 UTF-8 bytes
   */
  public StoredObject getObject(String bucket, String key, Optional<String> versionId) {
    return onBucket(bucket, b -> ObjectLookup.find(b, key, versionId));
  }

  /**
   * Refuses GetObject of the bytes of {@code object} (HeadObject is always answered) while it
   * is archived, in GLACIER or DEEP_ARCHIVE, and not restored at the clock's time.
   *
   * @throws S3Error.InvalidObjectState when the bytes cannot be read
   */
  public void checkReadable(StoredObject object) {
    RestoreObject.checkReadable(object, now(), false);
  }

  /**
   * RestoreObject of the current version or the one named.
   *
   * @return {@link RestoreObject.Outcome#STARTED} for a new restore (202),
   *     {@link RestoreObject.Outcome#EXTENDED} when the version was restored already (200)
   * @throws S3Error.InvalidObjectState when the version is not archived
   * @throws S3Error.RestoreAlreadyInProgress while an earlier restore is not complete
   * @throws S3Error.InvalidArgument for Expedited of a DEEP_ARCHIVE version
   * @throws S3Error.NoSuchKey when there is no current object
   * @throws S3Error.NoSuchVersion when the version id names nothing of this key
   */
  public RestoreObject.Outcome restoreObject(RestoreObject.Request request) {
    return onBucket(request.bucket(), b -> RestoreObject.execute(b, request, now()));
  }

  /** The current object of {@code key}; empty when there is none or a delete marker hides it. */
  public Optional<StoredObject> currentObject(String bucket, String key) {
    KeyHistory history = onBucket(bucket, b -> b.keys().get(key));
    return history != null && history.current() instanceof StoredObject stored
        ? Optional.of(stored)
        : Optional.empty();
  }

  /** Whether the current entry of {@code key} is a delete marker. */
  public boolean isDeleteMarker(String bucket, String key) {
    KeyHistory history = onBucket(bucket, b -> b.keys().get(key));
    return history != null && history.current() instanceof Entry.Marker;
  }

  /** Every version and delete marker of {@code key}, newest first; empty when none. */
  public List<VersionEntry> versions(String bucket, String key) {
    KeyHistory history = onBucket(bucket, b -> b.keys().get(key));
    return history == null ? List.of() : history.describe(key);
  }

  /** The keys that have a current object (not hidden by a delete marker), in S3's order. */
  public List<String> keys(String bucket) {
    return onBucket(bucket, b -> {
      List<String> keys = new ArrayList<>();
      for (Map.Entry<String, KeyHistory> entry : b.keys().entries()) {
        if (entry.getValue().current() instanceof StoredObject) {
          keys.add(entry.getKey());
        }
      }
      return keys;
    });
  }

  /** DeleteObject without a version id: removes the object or adds a delete marker. */
  public DeleteObject.Result deleteObject(String bucket, String key) {
    return deleteObject(DeleteObject.Request.of(bucket, key));
  }

  /** DeleteObject of one version or delete marker, for good. */
  public DeleteObject.Result deleteObject(String bucket, String key, String versionId) {
    return deleteObject(DeleteObject.Request.of(bucket, key, versionId));
  }

  /** DeleteObject with every option. */
  public DeleteObject.Result deleteObject(DeleteObject.Request request) {
    return onBucket(request.bucket(), b -> DeleteObject.execute(b, request, versionIds, now()));
  }

  /** DeleteObjects: one outcome per object, in request order. */
  public List<DeleteObjects.Outcome> deleteObjects(DeleteObjects.Request request) {
    return onBucket(request.bucket(),
        b -> DeleteObjects.execute(b, request, versionIds, now()));
  }

  /** ListObjects / ListObjectsV2. */
  public ListObjects.Result listObjects(ListObjects.Request request) {
    return onBucket(request.bucket(), b -> ListObjects.execute(b, request));
  }

  /** ListObjectVersions. */
  public ListVersions.Result listObjectVersions(ListVersions.Request request) {
    return onBucket(request.bucket(), b -> ListVersions.execute(b, request));
  }

  /**
   * CreateMultipartUpload: starts an upload of {@code key}; parts follow with
   * {@link #uploadPart}.
   *
   * @param checksumAlgorithm the algorithm the client will send part checksums with, if any
   * @throws S3Error.NoSuchBucket when the bucket does not exist
   * @throws S3Error.KeyTooLong above 1024 UTF-8 bytes
   */
  public Multipart.Upload createMultipartUpload(
      String bucket, String key, ObjectMetadata metadata, Optional<String> checksumAlgorithm) {
    return createMultipartUpload(bucket, key, metadata, checksumAlgorithm, Map.of(),
        Optional.empty());
  }

  /**
   * CreateMultipartUpload with the object tags and ACL the completed version gets, as PutObject
   * sets them.
   *
   * <pre>{@code
   * s3.createMultipartUpload("docs", "video.mp4", ObjectMetadata.DEFAULT, Optional.of("SHA256"),
   *     Map.of("team", "media"), Optional.empty());
   * }</pre>
   *
   * @param tags the object tags, validated by {@link ObjectTagging#validate}
   * @param acl the ACL; empty gives the owner full control
   * @throws S3Error.AccessControlListNotSupported when the bucket enforces ownership and the ACL
   *     grants anyone but the owner
   */
  public Multipart.Upload createMultipartUpload(String bucket, String key,
      ObjectMetadata metadata, Optional<String> checksumAlgorithm, Map<String, String> tags,
      Optional<AccessControlList> acl) {
    return createMultipartUpload(bucket, key, metadata, checksumAlgorithm, Optional.empty(),
        tags, acl, ObjectLock.WriteLock.NONE);
  }

  /**
   * CreateMultipartUpload with the checksum type and Object Lock as well.
   * {@link Multipart#FULL_OBJECT} makes a CRC32 or CRC32C upload's checksum cover the whole
   * object; without a type an upload gets its algorithm's default (FULL_OBJECT for CRC64NVME,
   * else {@link Multipart#COMPOSITE}). The completed version gets the protection {@code lock}
   * asks for, as {@link #putObject(PutObject.Request, ObjectLock.WriteLock)} gives it; the event
   * hold is placed at the completion.
   *
   * <pre>{@code
   * s3.createMultipartUpload("docs", "video.mp4", ObjectMetadata.DEFAULT, Optional.of("CRC32"),
   *     Optional.of(Multipart.FULL_OBJECT), Map.of(), Optional.empty(),
   *     ObjectLock.WriteLock.NONE.withLegalHold(ObjectLock.LegalHold.ON));
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code checksumType} is neither type
   * @throws S3Error.InvalidRequest for a type without an algorithm, or a pair S3 refuses
   *     (CRC64NVME with COMPOSITE, SHA1 or SHA256 with FULL_OBJECT); no upload is started
   * @throws S3Error.ObjectLockError InvalidRequest when {@code lock} asks for protection of a
   *     bucket without Object Lock
   * @throws S3Error.InvalidArgument when the retention is not in the future, or after the year
   *     9999; no upload is started
   */
  public Multipart.Upload createMultipartUpload(String bucket, String key,
      ObjectMetadata metadata, Optional<String> checksumAlgorithm, Optional<String> checksumType,
      Map<String, String> tags, Optional<AccessControlList> acl, ObjectLock.WriteLock lock) {
    return onBucket(bucket, b -> {
      Instant now = now();
      checkLockAllowed(b, lock);
      checkRetainUntil(lock.retention(), now);
      return Multipart.create(b, key, metadata, checksumAlgorithm, checksumType, tags, acl,
          ObjectLock.VersionLock.of(lock.retention(), recordable(b, lock.legalHold())),
          lock.eventHold(), now);
    });
  }

  /**
   * UploadPart: stores (or replaces) one part of an upload in progress.
   *
   * @param checksum the additional checksum the client sent, already verified
   * @throws S3Error.NoSuchUpload when the id names no upload of this key in progress
   * @throws S3Error.InvalidRequest when the checksum is not of the algorithm the upload named
   */
  public Multipart.Part uploadPart(String bucket, String key, String uploadId, int partNumber,
      ObjectContent content, Optional<Checksum> checksum) {
    return storePart(bucket, key, uploadId, partNumber, content, checksum, false);
  }

  /**
   * UploadPartCopy: stores (or replaces) one part of an upload in progress with copied bytes.
   *
   * @param checksum the checksum of the copied bytes with the upload's algorithm, if it names one
   * @throws S3Error.NoSuchUpload when the id names no upload of this key in progress
   */
  public Multipart.Part uploadPartCopy(String bucket, String key, String uploadId,
      int partNumber, ObjectContent content, Optional<Checksum> checksum) {
    return storePart(bucket, key, uploadId, partNumber, content, checksum, true);
  }

  private Multipart.Part storePart(String bucket, String key, String uploadId, int partNumber,
      ObjectContent content, Optional<Checksum> checksum, boolean copied) {
    if (partNumber < 1 || partNumber > Multipart.MAX_PART_NUMBER) {
      throw new S3Error.InvalidArgument(
          "Part number must be an integer between 1 and 10000, inclusive", "partNumber",
          Integer.toString(partNumber));
    }
    return onBucket(bucket, b ->
        Multipart.uploadPart(b, key, uploadId, partNumber, content, checksum, copied, now()));
  }

  /**
   * CompleteMultipartUpload: joins the named parts, in order, into a new version of the key,
   * stored (and locked, as CreateMultipartUpload asked or by the bucket's default retention) as
   * PutObject stores one. On any error the upload stays in progress. Sent again for an upload
   * it completed, with the same parts, it writes nothing and returns the first result, as S3
   * answers a retried completion; the bucket remembers its last 1,000 completions.
   *
   * @param parts at least one, in ascending part-number order
   * @throws S3Error.NoSuchUpload when the id names no upload of this key in progress, nor one
   *     it completed with these parts
   * @throws S3Error.InvalidPartOrder when the part numbers do not ascend
   * @throws S3Error.InvalidPart when a part was not uploaded or has another ETag
   * @throws S3Error.EntityTooSmall when a part other than the last is below 5 MiB
   */
  public PutObject.Result completeMultipartUpload(
      String bucket, String key, String uploadId, List<Multipart.CompletedPart> parts) {
    return completeMultipartUpload(bucket, key, uploadId, parts, Optional.empty(), false);
  }

  /**
   * CompleteMultipartUpload with the conditions of a conditional write: {@code If-Match}
   * (the current object's ETag) and {@code If-None-Match: *} (no current object). A failed
   * condition leaves the upload in progress; a repeated completion checks neither, as S3 does.
   *
   * @throws S3Error.PreconditionFailed when a condition does not hold
   * @throws S3Error.NoSuchKey for {@code ifMatch} when the key has no current object
   */
  public PutObject.Result completeMultipartUpload(String bucket, String key, String uploadId,
      List<Multipart.CompletedPart> parts, Optional<String> ifMatch, boolean ifNoneMatchAny) {
    return completeMultipartUpload(bucket, key, uploadId, parts, ifMatch, ifNoneMatchAny,
        Optional.empty());
  }

  /**
   * CompleteMultipartUpload that stores a whole-object checksum with the completed version, as
   * PutObject stores the checksum it was sent.
   *
   * @param checksum the completed object's checksum, already verified against the parts: a
   *     full-object one, or a composite one whose value ends in {@code -<part count>}
   */
  public PutObject.Result completeMultipartUpload(String bucket, String key, String uploadId,
      List<Multipart.CompletedPart> parts, Optional<String> ifMatch, boolean ifNoneMatchAny,
      Optional<Checksum> checksum) {
    return onBucket(bucket, b -> {
      // A retry after a lost answer: S3 answers it as it answered the completion, unchecked.
      Optional<PutObject.Result> repeated = Multipart.repeated(b, key, uploadId, parts);
      if (repeated.isPresent()) {
        return repeated.get();
      }
      Instant now = now();
      // Dated from the completed version's creation, as a PutObject version is.
      ObjectLock.VersionLock asked = Multipart.requestedLock(b, key, uploadId);
      Optional<ObjectLock.VersionLock> lock = versionLock(b, new ObjectLock.WriteLock(
          asked.retention(), asked.legalHoldStatus(),
          Multipart.requestedEventHold(b, key, uploadId)), now);
      return Multipart.complete(b, key, uploadId, parts, ifMatch, ifNoneMatchAny, checksum,
          lock, versionIds, now);
    });
  }

  /**
   * AbortMultipartUpload: drops an upload in progress and its parts; for an upload of this key
   * the bucket completed recently (its last 1,000 completions), does nothing and succeeds.
   *
   * @throws S3Error.NoSuchUpload when the id names no upload of this key in progress or
   *     recently completed
   */
  public void abortMultipartUpload(String bucket, String key, String uploadId) {
    onBucket(bucket, b -> {
      Multipart.abort(b, key, uploadId);
      return null;
    });
  }

  /**
   * ListParts: the parts uploaded so far, by ascending part number.
   *
   * @throws S3Error.NoSuchUpload when the id names no upload of this key in progress
   */
  public List<Multipart.Part> listParts(String bucket, String key, String uploadId) {
    return onBucket(bucket, b -> Multipart.listParts(b, key, uploadId));
  }

  /** The multipart uploads in progress in {@code bucket}, in no particular order. */
  public List<Multipart.Upload> multipartUploads(String bucket) {
    return onBucket(bucket, Multipart::uploads);
  }

  /**
   * CopyObject.
   *
   * @throws S3Error.NoSuchKey when the source has no current object
   * @throws S3Error.NoSuchVersion when the source version does not exist
   * @throws S3Error.InvalidRequest when the source version is a delete marker, or a copy onto
   *     the source itself changes nothing
   * @throws S3Error.PreconditionFailed when a source condition does not hold
   * @throws S3Error.InvalidObjectState when the source is archived and not restored
   */
  public CopyObject.Result copyObject(CopyObject.Request request) {
    return copyObject(request, ObjectLock.WriteLock.NONE);
  }

  /**
   * CopyObject that also protects the new version as {@code lock} asks, as
   * {@link #putObject(PutObject.Request, ObjectLock.WriteLock)} does. The copy's lock comes from
   * the request alone: the source's retention, legal hold and event hold are not copied.
   *
   * @throws S3Error.ObjectLockError InvalidRequest when {@code lock} asks for protection of a
   *     bucket without Object Lock
   * @throws S3Error.InvalidArgument when the retention is not in the future, or after the year
   *     9999; nothing is stored
   */
  public CopyObject.Result copyObject(CopyObject.Request request, ObjectLock.WriteLock lock) {
    return copyObject(request, lock, source -> Optional.empty());
  }

  /**
   * CopyObject whose new version may carry another checksum than the source's, as S3 gives a
   * copy that names a checksum algorithm, and is protected as {@code lock} asks.
   *
   * @param checksumOf the copy's checksum, computed over the source version the copy reads
   *     (the very one, so a concurrent overwrite of the source cannot split bytes and
   *     checksum); empty keeps the source's
   */
  public CopyObject.Result copyObject(CopyObject.Request request, ObjectLock.WriteLock lock,
      Function<StoredObject, Optional<Checksum>> checksumOf) {
    StoredObject source = onBucket(request.sourceBucket(), b -> CopyObject.source(b, request));
    RestoreObject.checkReadable(source, now(), true);
    Optional<Checksum> checksum = checksumOf.apply(source);
    boolean sameCurrent = request.sourceBucket().equals(request.bucket())
        && request.sourceKey().equals(request.key()) && request.sourceVersionId()
            .map(id -> currentObject(request.bucket(), request.key())
                .filter(current -> current.versionId().equals(id)).isPresent())
            .orElse(true);
    PutObject.Request put = CopyObject.put(request, source, sameCurrent, checksum);
    PutObject.Result written = onBucket(request.bucket(), b -> {
      Instant now = now();
      Optional<ObjectLock.VersionLock> locked = newVersionLock(b, lock, now);
      PutObject.Result result =
          PutObject.execute(b, put, versionIds, now,
              CopyObject.etag(source, put.metadata().encryption()), Optional.empty());
      locked.ifPresent(l -> b.objectLock().set(request.key(), result.stored().versionId(), l));
      return result;
    });
    return new CopyObject.Result(written, source);
  }

  /**
   * The source version of a copy, its conditions checked (UploadPartCopy).
   *
   * @throws S3Error.InvalidRequest when the source version is a delete marker
   * @throws S3Error.PreconditionFailed when a source condition does not hold
   * @throws S3Error.InvalidObjectState when the source is archived and not restored
   */
  public StoredObject copySource(CopyObject.Request request) {
    StoredObject source = onBucket(request.sourceBucket(), b -> CopyObject.source(b, request));
    RestoreObject.checkReadable(source, now(), true);
    request.conditions().check(source);
    return source;
  }

  /**
   * The MFA check of an MFA-delete bucket: deleting a version or changing versioning needs a
   * token the configured {@link MfaDevice} accepts.
   *
   * @throws S3Error.AccessDenied when MFA delete is on and {@code mfa} is absent or refused
   */
  public void checkMfa(String bucket, Optional<MfaToken> mfa) {
    if (bucketNamed(bucket).settings().mfaDelete()) {
      MfaChecks.check(mfaDevice, mfa);
    }
  }

  /**
   * PutBucketVersioning with an MFA delete setting: turning MFA delete on or off needs
   * {@code mfa} as {@link #checkMfa} checks it, as does any change while it is on.
   *
   * @param mfaDelete the requested MfaDelete setting, if the configuration names one
   */
  public void putBucketVersioning(String bucket, Optional<Versioning> status,
      Optional<Boolean> mfaDelete, Optional<MfaToken> mfa) {
    Bucket b = bucketNamed(bucket);
    if (b.settings().mfaDelete() || mfaDelete.orElse(false)) {
      MfaChecks.check(mfaDevice, mfa);
    }
    b.configureVersioning(status, mfaDelete.isPresent());
    mfaDelete.ifPresent(enabled -> b.settings().mfaDelete(enabled));
  }

  /** GetBucketAcl: the owner's full control alone while ACLs are disabled. */
  public AccessControlList bucketAcl(String bucket) {
    return onBucket(bucket, AccessControl::bucketAcl);
  }

  /**
   * PutBucketAcl.
   *
   * @throws S3Error.AccessControlListNotSupported when ACLs are disabled and it grants others
   */
  public void putBucketAcl(String bucket, AccessControlList acl) {
    onBucket(bucket, b -> {
      AccessControl.putBucketAcl(b, acl);
      return null;
    });
  }

  /** GetObjectAcl of the current version, or of the version named. */
  public AccessControlList objectAcl(String bucket, String key, Optional<String> versionId) {
    return onBucket(bucket, b -> AccessControl.objectAcl(b, key, versionId));
  }

  /**
   * PutObjectAcl; returns the id of the version changed.
   *
   * @throws S3Error.AccessControlListNotSupported when ACLs are disabled and it grants others
   */
  public String putObjectAcl(String bucket, String key, Optional<String> versionId,
      AccessControlList acl) {
    return onBucket(bucket, b -> AccessControl.putObjectAcl(b, key, versionId, acl));
  }

  /** GetBucketOwnershipControls; empty after DeleteBucketOwnershipControls. */
  public Optional<ObjectOwnership> ownershipControls(String bucket) {
    return onBucket(bucket, b -> b.settings().ownership());
  }

  /**
   * PutBucketOwnershipControls.
   *
   * @throws S3Error.InvalidBucketAclWithObjectOwnership when enforcing ownership on a bucket
   *     whose ACL grants others
   */
  public void putOwnershipControls(String bucket, ObjectOwnership ownership) {
    onBucket(bucket, b -> {
      AccessControl.putOwnership(b, ownership);
      return null;
    });
  }

  /** DeleteBucketOwnershipControls: the bucket then behaves as ObjectWriter. */
  public void deleteOwnershipControls(String bucket) {
    onBucket(bucket, b -> {
      b.settings().ownership(Optional.empty());
      return null;
    });
  }

  /** GetPublicAccessBlock; empty after DeletePublicAccessBlock. */
  public Optional<PublicAccessBlock> publicAccessBlock(String bucket) {
    return onBucket(bucket, b -> b.settings().publicAccessBlock());
  }

  /** PutPublicAccessBlock (empty: DeletePublicAccessBlock). Stored, not enforced. */
  public void putPublicAccessBlock(String bucket, Optional<PublicAccessBlock> block) {
    onBucket(bucket, b -> {
      b.settings().publicAccessBlock(block);
      return null;
    });
  }

  /** GetBucketTagging; empty when the bucket has no tag set. */
  public Optional<Map<String, String>> bucketTags(String bucket) {
    return onBucket(bucket, b -> b.settings().tags());
  }

  /**
   * PutBucketTagging (empty: DeleteBucketTagging).
   *
   * @param tags validated by {@link ObjectTagging#validateBucketTags}
   */
  public void putBucketTags(String bucket, Optional<Map<String, String>> tags) {
    onBucket(bucket, b -> {
      b.settings().tags(tags);
      return null;
    });
  }

  /**
   * GetBucketAbac: whether attribute-based access control is on; off until
   * {@link #putBucketAbac} turns it on. Stored only: no policy is evaluated. Over HTTP, a
   * bucket with ABAC on refuses PutBucketTagging and DeleteBucketTagging.
   */
  public boolean abacEnabled(String bucket) {
    return onBucket(bucket, b -> b.settings().abac());
  }

  /** PutBucketAbac: turns attribute-based access control on or off. */
  public void putBucketAbac(String bucket, boolean enabled) {
    onBucket(bucket, b -> {
      b.settings().abac(enabled);
      return null;
    });
  }

  /** GetObjectTagging: the version whose tags are asked for, current one without an id. */
  public StoredObject objectTags(String bucket, String key, Optional<String> versionId) {
    return onBucket(bucket, b -> ObjectTagging.get(b, key, versionId));
  }

  /**
   * PutObjectTagging (an empty map: DeleteObjectTagging); returns the id of the version.
   *
   * @param tags validated by {@link ObjectTagging#validate}
   */
  public String putObjectTags(String bucket, String key, Optional<String> versionId,
      Map<String, String> tags) {
    return onBucket(bucket, b -> ObjectTagging.put(b, key, versionId, tags));
  }

  // Analytics, inventory, metrics and Intelligent-Tiering configurations: stored, not performed.

  /**
   * PutBucket{Analytics,Inventory,Metrics,IntelligentTiering}Configuration: stores
   * {@code content} under {@code id}, replacing what was there.
   *
   * @param content the configuration's child elements as Get returns them, already validated
   * @throws S3Error.TooManyConfigurations when {@code id} is new and the bucket holds
   *     {@link ConfigurationKind#LIMIT} of the kind
   */
  public void putBucketConfiguration(String bucket, ConfigurationKind kind, String id,
      String content) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(content, "content");
    onBucket(bucket, b -> {
      b.settings().idConfigurations().put(kind, id, content);
      return null;
    });
  }

  /**
   * GetBucket{Analytics,...}Configuration: the content stored under {@code id}.
   *
   * @throws S3Error.NoSuchConfiguration when there is none
   */
  public String bucketConfiguration(String bucket, ConfigurationKind kind, String id) {
    return onBucket(bucket, b -> b.settings().idConfigurations().get(kind, id))
        .orElseThrow(S3Error.NoSuchConfiguration::new);
  }

  /**
   * DeleteBucket{Analytics,...}Configuration.
   *
   * @throws S3Error.NoSuchConfiguration when there is none under {@code id}
   */
  public void deleteBucketConfiguration(String bucket, ConfigurationKind kind, String id) {
    if (!onBucket(bucket, b -> b.settings().idConfigurations().remove(kind, id))) {
      throw new S3Error.NoSuchConfiguration();
    }
  }

  /** ListBucket{Analytics,...}Configurations: id to content, in id order. */
  public SortedMap<String, String> bucketConfigurations(String bucket, ConfigurationKind kind) {
    return onBucket(bucket, b -> b.settings().idConfigurations().all(kind));
  }

  // Configurations stored and returned only: notifications, logging, request payment, Transfer
  // Acceleration, replication.

  /**
   * GetBucketReplication.
   *
   * @throws S3Error.ReplicationConfigurationNotFound when the bucket has none
   */
  public BucketReplication replicationConfiguration(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().replication())
        .orElseThrow(() -> new S3Error.ReplicationConfigurationNotFound(bucket));
  }

  /**
   * PutBucketReplication: replaces the configuration. Stored only: nothing is replicated.
   *
   * @throws S3Error.InvalidRequest unless versioning is Enabled on the bucket, and every
   *     destination is a bucket of this emulator with versioning Enabled
   */
  public void putReplicationConfiguration(String bucket, BucketReplication replication) {
    Objects.requireNonNull(replication, "replication");
    onBucket(bucket, b -> {
      synchronized (b) {
        putReplicationConfiguration(b, replication);
      }
      return null;
    });
  }

  // Under the bucket's monitor, as versioning changes are: suspending versioning is refused
  // while a configuration is stored, so none may be stored on a bucket that is being suspended.
  private void putReplicationConfiguration(Bucket b, BucketReplication replication) {
    if (b.versioning() != Versioning.ENABLED) {
      throw new S3Error.InvalidRequest(
          "Versioning must be 'Enabled' on the bucket to apply a replication configuration");
    }
    for (BucketReplication.Rule rule : replication.rules()) {
      Bucket destination = buckets.get(rule.destination().bucket());
      if (destination == null) {
        throw new S3Error.InvalidRequest("Destination bucket must exist.");
      }
      if (destination.versioning() != Versioning.ENABLED) {
        throw new S3Error.InvalidRequest("Destination bucket must have versioning enabled.");
      }
    }
    b.settings().configurations().replication(Optional.of(replication));
  }

  /** DeleteBucketReplication; nothing to delete is fine. */
  public void deleteReplicationConfiguration(String bucket) {
    onBucket(bucket, b -> {
      b.settings().configurations().replication(Optional.empty());
      return null;
    });
  }

  /** GetBucketNotificationConfiguration; {@link BucketNotification#NONE} until one is put. */
  public BucketNotification notificationConfiguration(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().notification());
  }

  /**
   * PutBucketNotificationConfiguration: replaces the configuration ({@link
   * BucketNotification#NONE} clears it). Stored only: no event is delivered.
   */
  public void putNotificationConfiguration(String bucket, BucketNotification notification) {
    Objects.requireNonNull(notification, "notification");
    onBucket(bucket, b -> {
      b.settings().configurations().notification(notification);
      return null;
    });
  }

  /** GetBucketLogging; empty while logging is off. */
  public Optional<BucketLogging> bucketLogging(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().logging());
  }

  /**
   * PutBucketLogging (empty: logging off). Stored only: no log object is written.
   *
   * @throws S3Error.InvalidTargetBucketForLogging when the target bucket does not exist
   * @throws S3Error.CrossLocationLoggingProhibitted when it is in another region
   * @throws S3Error.AccessControlListNotSupported for target grants on a target bucket whose
   *     Object Ownership is BucketOwnerEnforced
   */
  public void putBucketLogging(String bucket, Optional<BucketLogging> logging) {
    onBucket(bucket, b -> {
      if (logging.isPresent()) {
        String target = logging.get().targetBucket();
        Bucket targetBucket = buckets.get(target);
        if (targetBucket == null) {
          throw new S3Error.InvalidTargetBucketForLogging(
              "The target bucket for logging does not exist", target);
        }
        String targetRegion = targetBucket.info().region();
        if (!targetRegion.equals(b.info().region())) {
          throw new S3Error.CrossLocationLoggingProhibitted(b.info().region(), targetRegion);
        }
        if (!logging.get().targetGrants().isEmpty() && targetBucket.settings().aclsDisabled()) {
          throw new S3Error.AccessControlListNotSupported(
              "Target grants not allowed for bucket owner enforced buckets");
        }
      }
      b.settings().configurations().logging(logging);
      return null;
    });
  }


  /** GetBucketRequestPayment: BucketOwner unless PutBucketRequestPayment said otherwise. */
  public RequestPayment requestPayment(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().requestPayment());
  }

  /** PutBucketRequestPayment. Stored, not enforced. */
  public void putRequestPayment(String bucket, RequestPayment payer) {
    Objects.requireNonNull(payer, "payer");
    onBucket(bucket, b -> {
      b.settings().configurations().requestPayment(payer);
      return null;
    });
  }

  /** GetBucketAccelerateConfiguration; empty until a status was put. */
  public Optional<TransferAcceleration> accelerateConfiguration(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().acceleration());
  }

  /**
   * PutBucketAccelerateConfiguration. Stored only: there is no accelerate endpoint.
   *
   * @throws S3Error.InvalidRequest for a bucket whose name has a period, as S3 refuses it
   */
  public void putAccelerateConfiguration(String bucket, TransferAcceleration status) {
    Objects.requireNonNull(status, "status");
    onBucket(bucket, b -> {
      if (bucket.indexOf('.') >= 0) {
        throw new S3Error.InvalidRequest("S3 Transfer Acceleration is not supported for"
            + " buckets with periods (.) in their names");
      }
      b.settings().configurations().acceleration(status);
      return null;
    });
  }

  // Bucket documents: stored and returned, not enforced.

  /** GetBucketPolicy: the policy text exactly as it was put; empty when the bucket has none. */
  public Optional<String> bucketPolicy(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().policy());
  }

  /**
   * PutBucketPolicy (empty: DeleteBucketPolicy). Stored, not enforced: the policy never denies
   * or allows a request.
   *
   * @param policy the policy document as sent; the protocol validates it first
   */
  public void putBucketPolicy(String bucket, Optional<String> policy) {
    onBucket(bucket, b -> {
      b.settings().configurations().policy(policy);
      return null;
    });
  }

  /** GetBucketCors: the rules in the order they were put; empty when the bucket has none. */
  public Optional<List<CorsRule>> bucketCors(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().cors());
  }

  /** PutBucketCors (empty: DeleteBucketCors). */
  public void putBucketCors(String bucket, Optional<List<CorsRule>> rules) {
    onBucket(bucket, b -> {
      b.settings().configurations().cors(rules);
      return null;
    });
  }

  /** GetBucketEncryption: {@link BucketEncryption#DEFAULT} unless another was put. */
  public BucketEncryption bucketEncryption(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().encryption());
  }

  /** PutBucketEncryption (empty: DeleteBucketEncryption, back to the default). */
  public void putBucketEncryption(String bucket, Optional<BucketEncryption> encryption) {
    onBucket(bucket, b -> {
      b.settings().configurations().encryption(encryption.orElse(BucketEncryption.DEFAULT));
      return null;
    });
  }

  /** GetBucketWebsite; empty when the bucket has no website configuration. */
  public Optional<BucketWebsite> bucketWebsite(String bucket) {
    return onBucket(bucket, b -> b.settings().configurations().website());
  }

  /** PutBucketWebsite (empty: DeleteBucketWebsite). The website endpoint is not served. */
  public void putBucketWebsite(String bucket, Optional<BucketWebsite> website) {
    onBucket(bucket, b -> {
      b.settings().configurations().website(website);
      return null;
    });
  }

  /** Drops every bucket and object. Version ids already handed out are never reused. */
  public void reset() {
    buckets.clear();
    sharedValues.clear();
  }

  private Bucket bucketNamed(String name) {
    Bucket bucket = buckets.get(Objects.requireNonNull(name, "bucket"));
    if (bucket == null) {
      throw new S3Error.NoSuchBucket(name);
    }
    return bucket;
  }

  // Lifecycle: the configuration and the sweep the emulator runs when time moves.

  /** PutBucketLifecycleConfiguration: replaces the bucket's rules. */
  public void putBucketLifecycleConfiguration(String bucket, List<BucketLifecycle.Rule> rules) {
    putBucketLifecycleConfiguration(bucket, rules, BucketLifecycle.TransitionMinimumSize.DEFAULT);
  }

  /**
   * PutBucketLifecycleConfiguration with {@code x-amz-transition-default-minimum-object-size}:
   * replaces the bucket's rules and that setting.
   */
  public void putBucketLifecycleConfiguration(String bucket, List<BucketLifecycle.Rule> rules,
      BucketLifecycle.TransitionMinimumSize transitionMinimumSize) {
    Objects.requireNonNull(transitionMinimumSize, "transitionMinimumSize");
    onBucket(bucket, b -> {
      b.lifecycle(rules);
      b.transitionMinimumSize(transitionMinimumSize);
      return null;
    });
  }

  /**
   * The default minimum object size for transitions of the bucket's lifecycle configuration, as
   * GetBucketLifecycleConfiguration reports it.
   *
   * @throws S3Error.NoSuchLifecycleConfiguration when the bucket has no rules
   */
  public BucketLifecycle.TransitionMinimumSize transitionMinimumSize(String bucket) {
    bucketLifecycleConfiguration(bucket);
    return onBucket(bucket, Bucket::transitionMinimumSize);
  }

  /**
   * GetBucketLifecycleConfiguration.
   *
   * @throws S3Error.NoSuchLifecycleConfiguration when the bucket has no rules
   */
  public List<BucketLifecycle.Rule> bucketLifecycleConfiguration(String bucket) {
    List<BucketLifecycle.Rule> rules = onBucket(bucket, Bucket::lifecycle);
    if (rules.isEmpty()) {
      throw new S3Error.NoSuchLifecycleConfiguration(bucket);
    }
    return rules;
  }

  /** DeleteBucketLifecycleConfiguration: the bucket has no rules afterwards. */
  public void deleteBucketLifecycleConfiguration(String bucket) {
    putBucketLifecycleConfiguration(bucket, List.of());
  }

  /**
   * When a lifecycle rule will expire this version of {@code key} if it stays current; empty
   * when no rule applies.
   */
  public Optional<BucketLifecycle.Expiry> expiry(String bucket, String key, StoredObject version) {
    return onBucket(bucket, b -> BucketLifecycle.expiry(
        b.lifecycle(), key, version.size(), version.tags(), version.lastModified()));
  }

  /**
   * When a lifecycle rule will abort {@code upload} if it is still in progress, and which rule:
   * what CreateMultipartUpload and ListParts report in {@code x-amz-abort-date} and
   * {@code x-amz-abort-rule-id}; empty when no AbortIncompleteMultipartUpload rule applies.
   */
  public Optional<BucketLifecycle.Expiry> uploadAbort(String bucket, Multipart.Upload upload) {
    return onBucket(bucket,
        b -> BucketLifecycle.abort(b.lifecycle(), upload.key(), upload.initiated()));
  }

  /**
   * Applies every bucket's lifecycle rules at the clock's time, bucket by bucket in name order.
   * The emulator calls this when a manual clock moves and periodically otherwise.
   *
   * @return what the rules did
   */
  public List<BucketLifecycle.Action> expireObjects() {
    List<BucketLifecycle.Action> actions = new ArrayList<>();
    for (String name : bucketNames()) {
      Bucket bucket = buckets.get(name);
      if (bucket != null && !bucket.lifecycle().isEmpty()) {
        try {
          actions.addAll(bucket.use(
              b -> LifecycleSweep.run(b, b.lifecycle(), versionIds, now())));
        } catch (S3Error.NoSuchBucket deletedMeanwhile) {
          // Deleted while the sweep ran: nothing left to expire.
        }
      }
    }
    return actions;
  }

  /**
   * The first instant after {@code after} at which a lifecycle rule of some bucket may act: a
   * midnight when an object, a noncurrent version or an upload falls due, an Expiration Date,
   * or the end of a retention that held back a due version. Early rather than late: the rules'
   * tag and size filters are not consulted.
   */
  public Optional<Instant> nextLifecycleDue(Instant after) {
    Instant first = null;
    for (String name : bucketNames()) {
      Bucket bucket = buckets.get(name);
      if (bucket == null || bucket.lifecycle().isEmpty()) {
        continue;
      }
      try {
        Optional<Instant> due = bucket.use(b -> LifecycleSweep.nextDue(b, b.lifecycle(), after));
        if (due.isPresent() && (first == null || due.get().isBefore(first))) {
          first = due.get();
        }
      } catch (S3Error.NoSuchBucket deletedMeanwhile) {
        // Deleted meanwhile: nothing of it falls due.
      }
    }
    return Optional.ofNullable(first);
  }

  // Object Lock: the bucket switch, its default rule, each version's retention and legal hold.

  /**
   * CreateBucket with {@code x-amz-bucket-object-lock-enabled: true}: the bucket is versioned
   * (for good: it cannot be suspended) and accepts retention and legal holds.
   */
  public BucketInfo createBucketWithObjectLock(String name, Optional<String> locationConstraint) {
    return createBucketWithObjectLock(name, locationConstraint, Optional.empty(), Optional.empty());
  }

  /** The same, with an ACL and an Object Ownership setting, as {@link #createBucket}. */
  public BucketInfo createBucketWithObjectLock(String name, Optional<String> locationConstraint,
      Optional<AccessControlList> acl, Optional<ObjectOwnership> ownership) {
    return createBucketWithObjectLock(name, locationConstraint, acl, ownership, Map.of());
  }

  /** The same, with the tags a new bucket starts with, as {@link #createBucket}. */
  public BucketInfo createBucketWithObjectLock(String name, Optional<String> locationConstraint,
      Optional<AccessControlList> acl, Optional<ObjectOwnership> ownership,
      Map<String, String> tags) {
    createBucket(name, locationConstraint, acl, ownership, tags);
    Bucket bucket = bucketNamed(name);
    bucket.configureVersioning(Optional.of(Versioning.ENABLED), false);
    bucket.objectLock().enable();
    return bucket.info();
  }

  /**
   * PutObject that also protects the new version as {@code lock} asks: its retention, else the
   * bucket's default retention; its legal hold status, recorded OFF included (the version then
   * reports it on GET, HEAD and GetObjectLegalHold, as S3 records a write's
   * {@code x-amz-object-lock-legal-hold}); its event hold, else the bucket's default one (ON
   * protects until PutObjectRetention releases the hold and the hold's duration has then passed
   * on the emulator's clock; OFF places none). On a bucket without Object Lock an OFF is
   * accepted and records nothing.
   *
   * <pre>{@code
   * s3.putObject(request, ObjectLock.WriteLock.NONE.withEventHold(
   *     ObjectLock.RequestedEventHold.on(ObjectLock.EventHoldDuration.ofDays(30))));
   * }</pre>
   *
   * @throws S3Error.ObjectLockError InvalidRequest when {@code lock} asks for protection of a
   *     bucket without Object Lock
   * @throws S3Error.InvalidArgument when the retention is not in the future, or after the year
   *     9999; nothing is stored
   */
  public PutObject.Result putObject(PutObject.Request request, ObjectLock.WriteLock lock) {
    return onBucket(request.bucket(), b -> {
      Instant now = now();
      Optional<ObjectLock.VersionLock> locked = newVersionLock(b, lock, now);
      PutObject.Result result = PutObject.execute(b, request, versionIds, sharedValues, now);
      locked.ifPresent(l -> b.objectLock().set(request.key(), result.stored().versionId(), l));
      return result;
    });
  }

  // A retention or a hold of ON needs Object Lock; OFF is let through (see recordable).
  private static void checkLockAllowed(Bucket bucket, ObjectLock.WriteLock lock) {
    if (lock.asksForProtection() && !bucket.objectLock().enabled()) {
      throw S3Error.ObjectLockError.invalidRequest(NO_LOCK_ON_WRITE);
    }
  }

  // The legal hold status a new version records: none on a bucket without Object Lock.
  private static Optional<ObjectLock.LegalHold> recordable(
      Bucket bucket, Optional<ObjectLock.LegalHold> legalHold) {
    return bucket.objectLock().enabled() ? legalHold : Optional.empty();
  }

  // A date the AWS SDKs could not read back (after 9999), then one the clock has reached.
  private static void checkRetainUntil(Optional<ObjectLock.Retention> retention, Instant now) {
    if (retention.isEmpty()) {
      return;
    }
    Instant until = retention.get().retainUntil();
    if (FourDigitYears.exceededBy(until)) {
      throw new S3Error.InvalidArgument(ObjectLock.UNREADABLE, RETAIN_UNTIL_HEADER,
          until.toString());
    }
    if (!retention.get().activeAt(now)) {
      throw new S3Error.InvalidArgument(PAST_RETENTION, RETAIN_UNTIL_HEADER, until.toString());
    }
  }

  /**
   * The lock a version created at {@code now} gets: the retention asked for, else the bucket's
   * default rule, and the legal hold if asked. Worked out before anything is written, so a
   * refusal leaves no unprotected version behind.
   */
  private static Optional<ObjectLock.VersionLock> newVersionLock(Bucket bucket,
      ObjectLock.WriteLock lock, Instant now) {
    checkLockAllowed(bucket, lock);
    checkRetainUntil(lock.retention(), now);
    return versionLock(bucket, lock, now);
  }

  // The retention asked for, else the bucket's default rule, the legal hold status asked, and
  // the event hold asked for, else the bucket's default one.
  private static Optional<ObjectLock.VersionLock> versionLock(Bucket bucket,
      ObjectLock.WriteLock lock, Instant now) {
    Optional<ObjectLock.Retention> applied = lock.retention().isPresent() ? lock.retention()
        : bucket.objectLock().defaultRetention().map(rule -> rule.from(now));
    Optional<ObjectLock.LegalHold> hold = recordable(bucket, lock.legalHold());
    ObjectLock.VersionLock versionLock = ObjectLock.VersionLock.of(applied, hold,
        EventHolds.forNewVersion(bucket, lock.eventHold()));
    return versionLock.isEmpty() ? Optional.empty() : Optional.of(versionLock);
  }

  /**
   * PutObjectLockConfiguration: enables Object Lock on a versioned bucket and sets its default
   * retention (empty: none).
   *
   * @throws S3Error.ObjectLockError InvalidBucketState when versioning is not Enabled
   */
  public void putObjectLockConfiguration(
      String bucket, Optional<ObjectLock.DefaultRetention> defaultRetention) {
    putObjectLockConfiguration(bucket, defaultRetention, Optional.empty());
  }

  /**
   * PutObjectLockConfiguration with a default event hold (empty: none) beside the default
   * retention: each new version is placed under an event hold of that duration unless its
   * write asks for its own event hold.
   *
   * @throws S3Error.ObjectLockError InvalidBucketState when versioning is not Enabled
   */
  public void putObjectLockConfiguration(String bucket,
      Optional<ObjectLock.DefaultRetention> defaultRetention,
      Optional<ObjectLock.EventHoldDuration> defaultEventHold) {
    onBucket(bucket, b -> {
      if (!b.objectLock().enabled() && b.versioning() != Versioning.ENABLED) {
        throw S3Error.ObjectLockError.invalidBucketState(
            "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
      }
      b.objectLock().enable();
      b.objectLock().defaultRetention(defaultRetention);
      b.objectLock().defaultEventHold(defaultEventHold);
      return null;
    });
  }

  /**
   * GetObjectLockConfiguration.
   *
   * @throws S3Error.ObjectLockError ObjectLockConfigurationNotFoundError without Object Lock
   */
  public ObjectLock.Configuration objectLockConfiguration(String bucket) {
    return onBucket(bucket, b -> {
      if (!b.objectLock().enabled()) {
        throw S3Error.ObjectLockError.notFound("ObjectLockConfigurationNotFoundError",
            "Object Lock configuration does not exist for this bucket",
            new S3Error.Field("BucketName", bucket));
      }
      return new ObjectLock.Configuration(b.objectLock().defaultRetention(),
          b.objectLock().defaultEventHold());
    });
  }

  /**
   * PutObjectRetention on the current version or the one named. A retention in force can be
   * extended in its own mode; shortening it, or changing its mode (GOVERNANCE to COMPLIANCE
   * too), needs GOVERNANCE and {@code bypassGovernance}, and COMPLIANCE never allows it.
   *
   * @throws S3Error.ObjectLockError InvalidRequest without Object Lock, AccessDenied when the
   *     change would alter a retention in force, InvalidArgument for a date not in the future
   *     or after the year 9999
   */
  public void putObjectRetention(String bucket, String key, Optional<String> versionId,
      ObjectLock.Retention retention, boolean bypassGovernance) {
    onBucket(bucket, b -> {
      BucketLocks locks = requireLock(b);
      String version = ObjectLookup.find(b, key, versionId).versionId();
      Instant now = now();
      if (FourDigitYears.exceededBy(retention.retainUntil())) {
        throw S3Error.ObjectLockError.invalidArgument(ObjectLock.UNREADABLE);
      }
      if (!retention.activeAt(now)) {
        throw S3Error.ObjectLockError.invalidArgument(PAST_RETENTION);
      }
      ObjectLock.VersionLock current = locks.of(key, version);
      checkRetentionChange(current, retention, bypassGovernance, now);
      locks.set(key, version, current.withRetention(Optional.of(retention)));
      return null;
    });
  }

  /**
   * PutObjectRetention with {@code EventHold}: places the version's event hold (ON) or releases
   * it (OFF), and puts {@code retention} as well when the request carries one, all or nothing.
   * A released hold keeps the version protected for its duration from the release, on the
   * emulator's clock; OFF without a duration uses the hold's own, and OFF on a version whose
   * hold is not on changes nothing.
   *
   * <pre>{@code
   * s3.putObjectEventHold("vault", "loan.pdf", Optional.empty(), Optional.empty(),
   *     ObjectLock.RequestedEventHold.OFF, false);
   * }</pre>
   *
   * @throws S3Error.ObjectLockError InvalidRequest without Object Lock, AccessDenied when the
   *     duration asked for is shorter than that of a hold in force or the retention change is
   *     one {@link #putObjectRetention} refuses, InvalidArgument for a date not in the future
   */
  public void putObjectEventHold(String bucket, String key, Optional<String> versionId,
      Optional<ObjectLock.Retention> retention, ObjectLock.RequestedEventHold eventHold,
      boolean bypassGovernance) {
    onBucket(bucket, b -> {
      BucketLocks locks = requireLock(b);
      String version = ObjectLookup.find(b, key, versionId).versionId();
      Instant now = now();
      ObjectLock.VersionLock current = locks.of(key, version);
      ObjectLock.VersionLock next = current.withEventHold(
          EventHolds.change(current.eventHold(), eventHold, now));
      if (retention.isPresent()) {
        if (FourDigitYears.exceededBy(retention.get().retainUntil())) {
          throw S3Error.ObjectLockError.invalidArgument(ObjectLock.UNREADABLE);
        }
        if (!retention.get().activeAt(now)) {
          throw S3Error.ObjectLockError.invalidArgument(PAST_RETENTION);
        }
        checkRetentionChange(current, retention.get(), bypassGovernance, now);
        next = next.withRetention(retention);
      }
      locks.set(key, version, next);
      return null;
    });
  }

  /**
   * GetObjectRetention's whole answer: the version's lock, with its retention and event hold.
   *
   * @throws S3Error.ObjectLockError NoSuchObjectLockConfiguration when the version has neither
   *     a retention nor an event hold
   */
  public ObjectLock.VersionLock objectRetentionLock(String bucket, String key,
      Optional<String> versionId) {
    return onBucket(bucket, b -> {
      BucketLocks locks = requireLock(b);
      ObjectLock.VersionLock lock =
          locks.of(key, ObjectLookup.find(b, key, versionId).versionId());
      if (lock.retention().isEmpty() && lock.eventHold().isEmpty()) {
        throw S3Error.ObjectLockError.notFound("NoSuchObjectLockConfiguration",
            "The specified object does not have a ObjectLock configuration");
      }
      return lock;
    });
  }

  // A retention in force may only be extended in its own mode, unless GOVERNANCE is bypassed.
  private static void checkRetentionChange(ObjectLock.VersionLock current,
      ObjectLock.Retention retention, boolean bypassGovernance, Instant now) {
    Optional<ObjectLock.Retention> old = current.retention().filter(r -> r.activeAt(now));
    if (old.isPresent() && alters(old.get(), retention)
        && (old.get().mode() == ObjectLock.Mode.COMPLIANCE || !bypassGovernance)) {
      throw S3Error.ObjectLockError.accessDenied(ObjectLock.PROTECTED);
    }
  }

  /**
   * PutObjectRetention with an empty {@code Retention} (no mode, no date): removes the version's
   * retention. A GOVERNANCE retention in force gives way only to {@code bypassGovernance}, a
   * COMPLIANCE one never; a legal hold and an event hold stay as they are.
   *
   * <pre>{@code
   * s3.removeObjectRetention("vault", "report.pdf", Optional.empty(), true);
   * }</pre>
   *
   * @throws S3Error.ObjectLockError InvalidRequest without Object Lock, AccessDenied while a
   *     retention that the request may not lift is in force
   */
  public void removeObjectRetention(String bucket, String key, Optional<String> versionId,
      boolean bypassGovernance) {
    onBucket(bucket, b -> {
      BucketLocks locks = requireLock(b);
      String version = ObjectLookup.find(b, key, versionId).versionId();
      ObjectLock.VersionLock current = locks.of(key, version);
      Optional<ObjectLock.Retention> old = current.retention().filter(r -> r.activeAt(now()));
      if (old.isPresent()
          && (old.get().mode() == ObjectLock.Mode.COMPLIANCE || !bypassGovernance)) {
        throw S3Error.ObjectLockError.accessDenied(ObjectLock.PROTECTED);
      }
      locks.set(key, version, current.withRetention(Optional.empty()));
      return null;
    });
  }

  /**
   * GetObjectRetention.
   *
   * @throws S3Error.ObjectLockError NoSuchObjectLockConfiguration when the version has none
   */
  public ObjectLock.Retention objectRetention(String bucket, String key,
      Optional<String> versionId) {
    return onBucket(bucket, b -> {
      BucketLocks locks = requireLock(b);
      String version = ObjectLookup.find(b, key, versionId).versionId();
      return locks.of(key, version).retention().orElseThrow(() ->
          S3Error.ObjectLockError.notFound("NoSuchObjectLockConfiguration",
              "The specified object does not have a ObjectLock configuration"));
    });
  }

  /** PutObjectLegalHold: a legal hold refuses every delete of the version until it is off. */
  public void putObjectLegalHold(String bucket, String key, Optional<String> versionId,
      boolean on) {
    onBucket(bucket, b -> {
      BucketLocks locks = requireLock(b);
      String version = ObjectLookup.find(b, key, versionId).versionId();
      locks.set(key, version, locks.of(key, version).withLegalHold(on));
      return null;
    });
  }

  /**
   * GetObjectLegalHold: whether the version is on legal hold.
   *
   * @throws S3Error.ObjectLockError NoSuchObjectLockConfiguration when the version was never
   *     given a legal hold status
   */
  public boolean objectLegalHold(String bucket, String key, Optional<String> versionId) {
    return onBucket(bucket, b -> {
      BucketLocks locks = requireLock(b);
      ObjectLock.VersionLock lock =
          locks.of(key, ObjectLookup.find(b, key, versionId).versionId());
      if (!lock.legalHoldStatusSet()) {
        throw S3Error.ObjectLockError.notFound("NoSuchObjectLockConfiguration",
            "The specified object does not have a ObjectLock configuration");
      }
      return lock.legalHold();
    });
  }

  /** DeleteObject; {@code bypassGovernance} lifts GOVERNANCE retention (never COMPLIANCE). */
  public DeleteObject.Result deleteObject(DeleteObject.Request request, boolean bypassGovernance) {
    return onBucket(request.bucket(),
        b -> DeleteObject.execute(b, request, versionIds, now(), bypassGovernance));
  }

  /** DeleteObjects; locked versions are reported per key as AccessDenied. */
  public List<DeleteObjects.Outcome> deleteObjects(
      DeleteObjects.Request request, boolean bypassGovernance) {
    return onBucket(request.bucket(),
        b -> DeleteObjects.execute(b, request, versionIds, now(), bypassGovernance));
  }

  /** The retention and legal hold of one version; none for a bucket without Object Lock. */
  public ObjectLock.VersionLock versionLock(String bucket, String key, String versionId) {
    return onBucket(bucket, b -> b.objectLock().of(key, versionId));
  }

  /** Whether the bucket has Object Lock enabled. */
  public boolean objectLockEnabled(String bucket) {
    return onBucket(bucket, b -> b.objectLock().enabled());
  }

  private static final String NO_LOCK = "Bucket is missing Object Lock Configuration";
  // PutObject, CopyObject and CreateMultipartUpload word it without spaces (versitygw#1751).
  private static final String NO_LOCK_ON_WRITE = "Bucket is missing ObjectLockConfiguration";
  private static final String PAST_RETENTION = "The retain until date must be in the future!";
  private static final String RETAIN_UNTIL_HEADER = "x-amz-object-lock-retain-until-date";

  private static BucketLocks requireLock(Bucket bucket) {
    if (!bucket.objectLock().enabled()) {
      throw S3Error.ObjectLockError.invalidRequest(NO_LOCK);
    }
    return bucket.objectLock();
  }

  // Governance mode keeps users from altering the lock settings without the bypass; only an
  // extension in the same mode is not an alteration. Even GOVERNANCE to COMPLIANCE needs it.
  private static boolean alters(ObjectLock.Retention old, ObjectLock.Retention next) {
    return next.retainUntil().isBefore(old.retainUntil()) || next.mode() != old.mode();
  }

  private <T> T onBucket(String name, Function<Bucket, T> operation) {
    Bucket bucket = bucketNamed(name);
    return bucket.use(operation);
  }

  /**
   * The clock's time in whole seconds; versions written within one second share it. Read as
   * milliseconds: the system clock's {@code instant()} would make an object per call.
   */
  private Instant now() {
    long second = Math.floorDiv(clock.millis(), 1000L);
    Instant last = lastSecond;
    if (last.getEpochSecond() == second) {
      return last;
    }
    Instant now = Instant.ofEpochSecond(second);
    lastSecond = now;
    return now;
  }
}
