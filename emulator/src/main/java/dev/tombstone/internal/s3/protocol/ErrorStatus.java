package dev.tombstone.internal.s3.protocol;

import static java.util.Map.entry;

import dev.tombstone.s3.S3Error;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP status of every S3 error, as the S3 API Reference's error list gives it
 * (s3-api.md §6.4). Each error has its status written out; there is no fallback.
 */
final class ErrorStatus {
  private static final Map<Class<? extends S3Error>, Integer> DOMAIN = Map.ofEntries(
      entry(S3Error.NoSuchBucket.class, 404),
      entry(S3Error.NoSuchKey.class, 404),
      entry(S3Error.NoSuchVersion.class, 404),
      entry(S3Error.InvalidArgument.class, 400),
      entry(S3Error.MethodNotAllowed.class, 405),
      entry(S3Error.PreconditionFailed.class, 412),
      entry(S3Error.BucketNotEmpty.class, 409),
      entry(S3Error.InvalidBucketName.class, 400),
      entry(S3Error.BucketAlreadyOwnedByYou.class, 409),
      entry(S3Error.KeyTooLong.class, 400),
      entry(S3Error.InvalidLocationConstraint.class, 400),
      entry(S3Error.IllegalLocationConstraint.class, 400),
      entry(S3Error.NoSuchUpload.class, 404),
      entry(S3Error.InvalidPart.class, 400),
      entry(S3Error.InvalidPartOrder.class, 400),
      entry(S3Error.EntityTooSmall.class, 400),
      entry(S3Error.NoSuchLifecycleConfiguration.class, 404),
      entry(S3Error.InvalidRequest.class, 400),
      entry(S3Error.AccessDenied.class, 403),
      entry(S3Error.InvalidTag.class, 400),
      entry(S3Error.BadRequest.class, 400),
      entry(S3Error.AccessControlListNotSupported.class, 400),
      entry(S3Error.InvalidBucketAclWithObjectOwnership.class, 400),
      entry(S3Error.InvalidBucketAclWithBlockPublicAccess.class, 400),
      entry(S3Error.OwnershipControlsNotFound.class, 404),
      entry(S3Error.NoSuchPublicAccessBlockConfiguration.class, 404),
      entry(S3Error.NoSuchTagSet.class, 404),
      entry(S3Error.ConditionalRequestConflict.class, 409),
      entry(S3Error.NoSuchConfiguration.class, 404),
      entry(S3Error.TooManyConfigurations.class, 400),
      entry(S3Error.InvalidTargetBucketForLogging.class, 400),
      entry(S3Error.CrossLocationLoggingProhibitted.class, 403),
      entry(S3Error.ReplicationConfigurationNotFound.class, 404),
      entry(S3Error.InvalidObjectState.class, 403),
      entry(S3Error.RestoreAlreadyInProgress.class, 409));

  static {
    // Java 17 cannot switch over a sealed type; this refuses to load instead of letting a new
    // error fall through to some status nobody chose.
    // ObjectLockError's status depends on its kind, so it is mapped by the switch below.
    Set<Class<?>> permitted = new HashSet<>(Set.of(S3Error.class.getPermittedSubclasses()));
    permitted.remove(S3Error.ObjectLockError.class);
    if (!permitted.equals(DOMAIN.keySet())) {
      throw new IllegalStateException("S3 errors without a status, or statuses without an"
          + " error: permitted " + permitted + ", mapped " + DOMAIN.keySet());
    }
  }

  private ErrorStatus() {}

  static int of(S3Error error) {
    if (error instanceof S3Error.ObjectLockError lock) {
      return of(lock.kind());
    }
    return of(error.getClass());
  }

  static int of(S3Error.ObjectLockError.Kind kind) {
    return switch (kind) {
      case ACCESS_DENIED -> 403;
      case INVALID_REQUEST, INVALID_ARGUMENT -> 400;
      case NOT_FOUND -> 404;
      case INVALID_BUCKET_STATE -> 409;
    };
  }

  static int of(Class<? extends S3Error> type) {
    Integer status = DOMAIN.get(type);
    if (status == null) {
      throw new IllegalArgumentException("not an S3 error type: " + type);
    }
    return status;
  }

  static int of(WireError.Kind kind) {
    return switch (kind) {
      case ACCESS_DENIED -> 403;
      case BAD_DIGEST -> 400;
      case CONTENT_SHA256_MISMATCH -> 400;
      case ENTITY_TOO_LARGE -> 400;
      case INCOMPLETE_BODY -> 400;
      case INTERNAL_ERROR -> 500;
      case INVALID_ARGUMENT -> 400;
      case INVALID_ENCRYPTION_ALGORITHM -> 400;
      case INVALID_DIGEST -> 400;
      case INVALID_PART_NUMBER -> 416;
      case INVALID_RANGE -> 416;
      case INVALID_REDIRECT_LOCATION -> 400;
      case INVALID_REQUEST -> 400;
      case INVALID_STORAGE_CLASS -> 400;
      case INVALID_URI -> 400;
      case MALFORMED_ACL -> 400;
      case MALFORMED_TRAILER -> 400;
      case MALFORMED_XML -> 400;
      case MAX_MESSAGE_LENGTH_EXCEEDED -> 400;
      case METHOD_NOT_ALLOWED -> 405;
      case MISSING_CONTENT_LENGTH -> 411;
      case NOT_IMPLEMENTED -> 501;
      case MISSING_SECURITY_HEADER -> 400;
      case UNEXPECTED_CONTENT -> 400;
      case AUTHORIZATION_QUERY_PARAMETERS_ERROR -> 400;
      case ID_MISMATCH, INVALID_S3_DESTINATION_BUCKET, INVALID_CONFIGURATION_ID -> 400;
      case ILLEGAL_VERSIONING_CONFIGURATION -> 400;
      case MISSING_NAMESPACE_HEADER, INVALID_NAMESPACE_HEADER -> 400;
      case MISSING_REQUEST_BODY -> 400;
      case MALFORMED_POLICY -> 400;
      case NO_SUCH_BUCKET_POLICY -> 404;
      case NO_SUCH_CORS_CONFIGURATION -> 404;
      case NO_SUCH_WEBSITE_CONFIGURATION -> 404;
      case ACCESS_FORBIDDEN -> 403;
      case BAD_REQUEST -> 400;
      case POST_PRECONDITION_FAILED -> 412;
      case MALFORMED_POST_REQUEST, MAX_POST_PRE_DATA_LENGTH_EXCEEDED, INVALID_POLICY_DOCUMENT,
          ENTITY_TOO_SMALL -> 400;
      case INVALID_ACCESS_KEY_ID, SIGNATURE_DOES_NOT_MATCH -> 403;
    };
  }
}
