package dev.tombstone.s3;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An S3 service error raised by the domain: S3's error code, its message, and the extra
 * elements S3 puts into the error document. The protocol renders it (status, XML, headers).
 */
public abstract sealed class S3Error extends RuntimeException {
  private static final long serialVersionUID = 1L;

  S3Error(String message) {
    // Errors are expected outcomes (a missing key is a normal answer), so no stack trace.
    super(Objects.requireNonNull(message, "message"), null, false, false);
  }

  /** S3's error code, e.g. {@code NoSuchKey}. */
  public abstract String code();

  /** The code-specific elements of the error document, in document order. */
  public List<Field> fields() {
    return List.of();
  }

  /** One code-specific element of an error document, e.g. {@code <Key>a.txt</Key>}. */
  public record Field(String name, String value) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** The bucket does not exist. */
  public static final class NoSuchBucket extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public NoSuchBucket(String bucket) {
      super("The specified bucket does not exist");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "NoSuchBucket";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }

  /** The key has no current object: no versions at all, or its current entry is a marker. */
  public static final class NoSuchKey extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String deleteMarkerVersionId;
    private final Instant deleteMarkerLastModified;

    public NoSuchKey(String key) {
      this(key, null, null);
    }

    /**
     * @param deleteMarkerVersionId the id of the marker that is current, null when none
     * @param deleteMarkerLastModified when that marker was written, null when none
     */
    public NoSuchKey(String key, String deleteMarkerVersionId, Instant deleteMarkerLastModified) {
      super("The specified key does not exist.");
      this.key = key;
      this.deleteMarkerVersionId = deleteMarkerVersionId;
      this.deleteMarkerLastModified = deleteMarkerLastModified;
    }

    /** The id of the delete marker that hides the key, when that is why it is missing. */
    public Optional<String> deleteMarkerVersionId() {
      return Optional.ofNullable(deleteMarkerVersionId);
    }

    /** When the delete marker that hides the key was written, when that is why it is missing. */
    public Optional<Instant> deleteMarkerLastModified() {
      return Optional.ofNullable(deleteMarkerLastModified);
    }

    @Override
    public String code() {
      return "NoSuchKey";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("Key", key));
    }
  }

  /** A well-formed version id that names no version of the key. */
  public static final class NoSuchVersion extends S3Error {
    private static final long serialVersionUID = 1L;
    // DeleteObjects reports a malformed version id of one key with this text, no exception.
    static final String MESSAGE = "The specified version does not exist.";
    private final String key;
    private final String versionId;

    public NoSuchVersion(String key, String versionId) {
      super(MESSAGE);
      this.key = key;
      this.versionId = versionId;
    }

    @Override
    public String code() {
      return "NoSuchVersion";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("Key", key), new Field("VersionId", versionId));
    }
  }

  /** A request argument is invalid, e.g. a malformed version id. */
  public static final class InvalidArgument extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String argumentName;
    private final String argumentValue;

    public InvalidArgument(String message, String argumentName, String argumentValue) {
      super(message);
      this.argumentName = argumentName;
      this.argumentValue = argumentValue;
    }

    @Override
    public String code() {
      return "InvalidArgument";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("ArgumentName", argumentName),
          new Field("ArgumentValue", argumentValue));
    }
  }

  /**
   * A read named a delete marker's version id: a marker has no content. The protocol adds the
   * request's method to the document.
   */
  public static final class MethodNotAllowed extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String versionId;
    private final Instant lastModified;

    public MethodNotAllowed(String versionId, Instant lastModified) {
      super("The specified method is not allowed against this resource.");
      this.versionId = versionId;
      this.lastModified = lastModified;
    }

    /** The delete marker's id. */
    public String versionId() {
      return versionId;
    }

    /** When the delete marker was written. */
    public Instant lastModified() {
      return lastModified;
    }

    @Override
    public String code() {
      return "MethodNotAllowed";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("ResourceType", "DeleteMarker"));
    }
  }

  /**
   * A precondition of the request did not hold; nothing changed. The protocol adds the
   * {@code Condition} element, which names the request header the condition came in.
   */
  public static final class PreconditionFailed extends S3Error {
    private static final long serialVersionUID = 1L;
    private final Condition condition;

    /** The kinds of precondition S3 evaluates. */
    public enum Condition {
      /** The current object's ETag had to match a given ETag (or {@code *}). */
      ETAG_MATCHES,
      /** The key had to have no current object. */
      NO_CURRENT_OBJECT,
      /** The current object had to be unmodified since a given time. */
      UNMODIFIED_SINCE,
      /** A copy source's ETag had to match. */
      COPY_SOURCE_ETAG_MATCHES,
      /** A copy source's ETag had to differ. */
      COPY_SOURCE_ETAG_DIFFERS,
      /** A copy source had to be unmodified since a given time. */
      COPY_SOURCE_UNMODIFIED_SINCE,
      /** A copy source had to be modified since a given time. */
      COPY_SOURCE_MODIFIED_SINCE
    }

    /** @param condition the precondition that did not hold */
    public PreconditionFailed(Condition condition) {
      super("At least one of the pre-conditions you specified did not hold");
      this.condition = Objects.requireNonNull(condition, "condition");
    }

    /** Which precondition failed. */
    public Condition condition() {
      return condition;
    }

    @Override
    public String code() {
      return "PreconditionFailed";
    }
  }

  /** DeleteBucket on a bucket that still holds versions or delete markers. */
  public static final class BucketNotEmpty extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public BucketNotEmpty(String bucket, boolean versioningAware) {
      super(versioningAware
          ? "The bucket you tried to delete is not empty. You must delete all versions in the"
              + " bucket."
          : "The bucket you tried to delete is not empty");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "BucketNotEmpty";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }

  /** CreateBucket with a name that breaks the naming rules. */
  public static final class InvalidBucketName extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public InvalidBucketName(String bucket) {
      super("The specified bucket is not valid.");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "InvalidBucketName";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }

  /** CreateBucket of a bucket that exists, outside us-east-1. */
  public static final class BucketAlreadyOwnedByYou extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public BucketAlreadyOwnedByYou(String bucket) {
      super("Your previous request to create the named bucket succeeded and you already own it.");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "BucketAlreadyOwnedByYou";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }

  /** A key longer than 1024 UTF-8 bytes. */
  public static final class KeyTooLong extends S3Error {
    private static final long serialVersionUID = 1L;
    public static final int MAX_KEY_BYTES = 1024;
    private final int size;

    public KeyTooLong(int size) {
      super("Your key is too long");
      this.size = size;
    }

    @Override
    public String code() {
      return "KeyTooLongError";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("Size", Integer.toString(size)),
          new Field("MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES)));
    }
  }

  /** A LocationConstraint that names no region, or names us-east-1 explicitly. */
  public static final class InvalidLocationConstraint extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String constraint;

    public InvalidLocationConstraint(String constraint) {
      super("The specified location-constraint is not valid");
      this.constraint = constraint;
    }

    @Override
    public String code() {
      return "InvalidLocationConstraint";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("LocationConstraint", constraint));
    }
  }

  /**
   * CreateBucket on an emulator whose region is not us-east-1, without a LocationConstraint or
   * with one naming another region.
   */
  public static final class IllegalLocationConstraint extends S3Error {
    private static final long serialVersionUID = 1L;

    public IllegalLocationConstraint() {
      this("unspecified");
    }

    /** A LocationConstraint naming another region than the emulator's, which is not us-east-1. */
    IllegalLocationConstraint(String constraint) {
      super("The " + constraint + " location constraint is incompatible for the region specific"
          + " endpoint this request was sent to.");
    }

    @Override
    public String code() {
      return "IllegalLocationConstraintException";
    }
  }

  /** The upload id names no upload in progress for this key: unknown, aborted or completed. */
  public static final class NoSuchUpload extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String uploadId;

    public NoSuchUpload(String uploadId) {
      super("The specified upload does not exist. The upload ID may be invalid, or the upload"
          + " may have been aborted or completed.");
      this.uploadId = uploadId;
    }

    @Override
    public String code() {
      return "NoSuchUpload";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("UploadId", uploadId));
    }
  }

  /** CompleteMultipartUpload named a part that was not uploaded, or with another ETag. */
  public static final class InvalidPart extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String uploadId;
    private final int partNumber;
    private final String etag;

    public InvalidPart(String uploadId, int partNumber, String etag) {
      super("One or more of the specified parts could not be found.  The part may not have been"
          + " uploaded, or the specified entity tag may not match the part's entity tag.");
      this.uploadId = uploadId;
      this.partNumber = partNumber;
      // S3 names the part's ETag without the quotes the request put around it.
      this.etag = ETags.unquoted(etag);
    }

    @Override
    public String code() {
      return "InvalidPart";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("UploadId", uploadId),
          new Field("PartNumber", Integer.toString(partNumber)), new Field("ETag", etag));
    }
  }

  /** CompleteMultipartUpload listed its parts out of ascending part-number order. */
  public static final class InvalidPartOrder extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String uploadId;

    public InvalidPartOrder(String uploadId) {
      super("The list of parts was not in ascending order. Parts must be ordered by part"
          + " number.");
      this.uploadId = uploadId;
    }

    @Override
    public String code() {
      return "InvalidPartOrder";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("UploadId", uploadId));
    }
  }

  /** A part other than the last of a completed upload is below the 5 MiB minimum. */
  public static final class EntityTooSmall extends S3Error {
    private static final long serialVersionUID = 1L;
    private final long proposedSize;
    private final long minimum;
    private final int partNumber;
    private final String etag;

    public EntityTooSmall(long proposedSize, long minimum, int partNumber, String etag) {
      super("Your proposed upload is smaller than the minimum allowed size");
      this.proposedSize = proposedSize;
      this.minimum = minimum;
      this.partNumber = partNumber;
      this.etag = etag;
    }

    @Override
    public String code() {
      return "EntityTooSmall";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("ProposedSize", Long.toString(proposedSize)),
          new Field("MinSizeAllowed", Long.toString(minimum)),
          new Field("PartNumber", Integer.toString(partNumber)),
          new Field("ETag", bareTag(etag)));
    }

    private static String bareTag(String tag) {
      return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
          ? tag.substring(1, tag.length() - 1) : tag;
    }
  }

  /**
   * An Object Lock refusal or misuse, with S3's code: {@code AccessDenied} for a protected
   * version, {@code InvalidRequest} for a bucket without Object Lock, {@code InvalidArgument},
   * {@code ObjectLockConfigurationNotFoundError} / {@code NoSuchObjectLockConfiguration}, and
   * {@code InvalidBucketState}. {@link #kind()} says which, for the protocol to pick the status.
   */
  public static final class ObjectLockError extends S3Error {
    private static final long serialVersionUID = 1L;

    /** Which refusal this is. */
    public enum Kind {
      ACCESS_DENIED,
      INVALID_REQUEST,
      INVALID_ARGUMENT,
      NOT_FOUND,
      INVALID_BUCKET_STATE
    }

    private final String code;
    private final Kind kind;
    private final transient List<Field> fields;

    private ObjectLockError(String code, Kind kind, String message, Field... fields) {
      super(message);
      this.code = code;
      this.kind = kind;
      this.fields = List.of(fields);
    }

    static ObjectLockError accessDenied(String message) {
      return new ObjectLockError("AccessDenied", Kind.ACCESS_DENIED, message);
    }

    static ObjectLockError invalidRequest(String message) {
      return new ObjectLockError("InvalidRequest", Kind.INVALID_REQUEST, message);
    }

    static ObjectLockError invalidArgument(String message) {
      return new ObjectLockError("InvalidArgument", Kind.INVALID_ARGUMENT, message);
    }

    static ObjectLockError notFound(String code, String message, Field... fields) {
      return new ObjectLockError(code, Kind.NOT_FOUND, message, fields);
    }

    static ObjectLockError invalidBucketState(String message) {
      return new ObjectLockError("InvalidBucketState", Kind.INVALID_BUCKET_STATE, message);
    }

    @Override
    public String code() {
      return code;
    }

    /** Which refusal this is. */
    public Kind kind() {
      return kind;
    }

    @Override
    public List<Field> fields() {
      return fields;
    }
  }

  /** The bucket has no lifecycle configuration. */
  public static final class NoSuchLifecycleConfiguration extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public NoSuchLifecycleConfiguration(String bucket) {
      super("The lifecycle configuration does not exist");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "NoSuchLifecycleConfiguration";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }

  /** A request S3 refuses as malformed in its combination of arguments (S3's InvalidRequest). */
  public static final class InvalidRequest extends S3Error {
    private static final long serialVersionUID = 1L;

    public InvalidRequest(String message) {
      super(message);
    }

    @Override
    public String code() {
      return "InvalidRequest";
    }
  }

  /** A request refused for want of authorization, e.g. without the MFA a bucket requires. */
  public static final class AccessDenied extends S3Error {
    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
      super(message);
    }

    @Override
    public String code() {
      return "AccessDenied";
    }
  }

  /** A tag with an invalid key or value, or a repeated key. */
  public static final class InvalidTag extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String tagKey;
    private final String tagValue;

    /** @param tagKey the key at fault, when S3 names it; null otherwise */
    public InvalidTag(String message, String tagKey) {
      this(message, tagKey, null);
    }

    /**
     * @param tagKey the key at fault, when S3 names it; null otherwise
     * @param tagValue its value, when S3 names it too; null otherwise
     */
    public InvalidTag(String message, String tagKey, String tagValue) {
      super(message);
      this.tagKey = tagKey;
      this.tagValue = tagValue;
    }

    @Override
    public String code() {
      return "InvalidTag";
    }

    @Override
    public List<Field> fields() {
      if (tagKey == null) {
        return List.of();
      }
      return tagValue == null ? List.of(new Field("TagKey", tagKey))
          : List.of(new Field("TagKey", tagKey), new Field("TagValue", tagValue));
    }
  }

  /** More tags than S3 allows on an object. */
  public static final class BadRequest extends S3Error {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
      super(message);
    }

    @Override
    public String code() {
      return "BadRequest";
    }
  }

  /** An ACL write on a bucket whose Object Ownership is BucketOwnerEnforced. */
  public static final class AccessControlListNotSupported extends S3Error {
    private static final long serialVersionUID = 1L;

    public AccessControlListNotSupported() {
      super("The bucket does not allow ACLs");
    }

    AccessControlListNotSupported(String message) {
      super(message);
    }

    @Override
    public String code() {
      return "AccessControlListNotSupported";
    }
  }

  /** BucketOwnerEnforced asked for a bucket whose ACL grants others access. */
  public static final class InvalidBucketAclWithObjectOwnership extends S3Error {
    private static final long serialVersionUID = 1L;

    public InvalidBucketAclWithObjectOwnership() {
      super("Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
    }

    @Override
    public String code() {
      return "InvalidBucketAclWithObjectOwnership";
    }
  }

  /**
   * CreateBucket with a public ACL: a new bucket's public access block (all four settings on)
   * refuses it.
   */
  public static final class InvalidBucketAclWithBlockPublicAccess extends S3Error {
    private static final long serialVersionUID = 1L;

    public InvalidBucketAclWithBlockPublicAccess() {
      super("Bucket cannot have public ACLs set with BlockPublicAccess enabled");
    }

    @Override
    public String code() {
      return "InvalidBucketAclWithBlockPublicAccessError";
    }
  }

  /** GetBucketOwnershipControls on a bucket without them. */
  public static final class OwnershipControlsNotFound extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public OwnershipControlsNotFound(String bucket) {
      super("The bucket ownership controls were not found");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "OwnershipControlsNotFoundError";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }

  /** GetPublicAccessBlock on a bucket without the configuration. */
  public static final class NoSuchPublicAccessBlockConfiguration extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public NoSuchPublicAccessBlockConfiguration(String bucket) {
      super("The public access block configuration was not found");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "NoSuchPublicAccessBlockConfiguration";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }

  /** GetBucketTagging on a bucket without tags. */
  public static final class NoSuchTagSet extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public NoSuchTagSet(String bucket) {
      super("The TagSet does not exist");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "NoSuchTagSet";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }

  /** Get or Delete of an analytics, inventory, metrics or Intelligent-Tiering id not stored. */
  public static final class NoSuchConfiguration extends S3Error {
    private static final long serialVersionUID = 1L;

    public NoSuchConfiguration() {
      super("The specified configuration does not exist.");
    }

    @Override
    public String code() {
      return "NoSuchConfiguration";
    }
  }

  /** A new id-keyed configuration on a bucket that has {@link ConfigurationKind#LIMIT}. */
  public static final class TooManyConfigurations extends S3Error {
    private static final long serialVersionUID = 1L;

    public TooManyConfigurations() {
      super("You are attempting to create a new configuration but have already reached the"
          + " 1,000-configuration limit.");
    }

    @Override
    public String code() {
      return "TooManyConfigurations";
    }
  }

  /** A conditional write that a conflicting operation on the same key made undecidable. */
  public static final class ConditionalRequestConflict extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final String key;

    public ConditionalRequestConflict() {
      this(null, null);
    }

    /** S3 names the condition header it could not decide, and the key. */
    ConditionalRequestConflict(String condition, String key) {
      super("The conditional request cannot succeed due to a conflicting operation against this"
          + " resource.");
      this.condition = condition;
      this.key = key;
    }

    @Override
    public String code() {
      return "ConditionalRequestConflict";
    }

    @Override
    public List<Field> fields() {
      return condition == null ? List.of()
          : List.of(new Field("Condition", condition), new Field("Key", key));
    }
  }

  /** PutBucketLogging naming a target bucket that does not exist. */
  public static final class InvalidTargetBucketForLogging extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String targetBucket;

    public InvalidTargetBucketForLogging(String message, String targetBucket) {
      super(message);
      this.targetBucket = targetBucket;
    }

    @Override
    public String code() {
      return "InvalidTargetBucketForLogging";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("TargetBucket", targetBucket));
    }
  }

  /** PutBucketLogging naming a target bucket in another region than the logged bucket. */
  public static final class CrossLocationLoggingProhibitted extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String targetRegion;

    /**
     * @param sourceRegion the logged bucket's region, which S3's error does not name
     * @param targetRegion the target bucket's region
     */
    public CrossLocationLoggingProhibitted(String sourceRegion, String targetRegion) {
      // The trailing space is S3's (LocalStack's AWS-validated recording).
      super("Cross S3 location logging not allowed. ");
      this.targetRegion = targetRegion;
    }

    @Override
    public String code() {
      return "CrossLocationLoggingProhibitted";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("TargetBucketLocation", targetRegion));
    }
  }

  /** GetBucketReplication on a bucket without a replication configuration. */
  public static final class ReplicationConfigurationNotFound extends S3Error {
    private static final long serialVersionUID = 1L;
    private final String bucket;

    public ReplicationConfigurationNotFound(String bucket) {
      super("The replication configuration was not found");
      this.bucket = bucket;
    }

    @Override
    public String code() {
      return "ReplicationConfigurationNotFoundError";
    }

    @Override
    public List<Field> fields() {
      return List.of(new Field("BucketName", bucket));
    }
  }
  /**
   * The object's storage class does not allow the request: a read or copy of an archived
   * object that is not restored, or a restore of an object that is not archived.
   */
  public static final class InvalidObjectState extends S3Error {
    private static final long serialVersionUID = 1L;

    /** Which request was refused; S3 words each differently. */
    public enum Refused {
      /** GetObject: S3 names the storage class in the error document. */
      READ("The operation is not valid for the object's storage class"),
      /** CopyObject or UploadPartCopy from the object. */
      COPY_SOURCE("Operation is not valid for the source object's storage class"),
      /** RestoreObject of an object that is not archived. */
      RESTORE("Restore is not allowed for the object's current storage class");

      private final String message;

      Refused(String message) {
        this.message = message;
      }
    }

    private final Refused refused;
    private final String storageClass;

    /** @param storageClass the object's storage class */
    public InvalidObjectState(Refused refused, String storageClass) {
      super(refused.message);
      this.refused = refused;
      this.storageClass = Objects.requireNonNull(storageClass, "storageClass");
    }

    @Override
    public String code() {
      return "InvalidObjectState";
    }

    @Override
    public List<Field> fields() {
      return refused == Refused.READ ? List.of(new Field("StorageClass", storageClass))
          : List.of();
    }
  }

  /** RestoreObject while an earlier restore of the version is still in progress. */
  public static final class RestoreAlreadyInProgress extends S3Error {
    private static final long serialVersionUID = 1L;

    public RestoreAlreadyInProgress() {
      super("Object restore is already in progress");
    }

    @Override
    public String code() {
      return "RestoreAlreadyInProgress";
    }
  }
}
