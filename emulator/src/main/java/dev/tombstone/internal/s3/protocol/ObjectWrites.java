package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.AccessControlList;
import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.ObjectEncryption;
import dev.tombstone.s3.ObjectLock;
import dev.tombstone.s3.ObjectMetadata;
import dev.tombstone.s3.PutObject;
import dev.tombstone.s3.S3State;
import java.util.Map;
import java.util.Optional;

/** PutObject. */
final class ObjectWrites {
  private static final String WRITE_OFFSET = "x-amz-write-offset-bytes";

  private final S3State state;
  private final EncryptionHeaders encryption;

  ObjectWrites(S3State state, EncryptionHeaders encryption) {
    this.state = state;
    this.encryption = encryption;
  }

  /**
   * The {@code If-None-Match} of a conditional write (PutObject, CopyObject,
   * CompleteMultipartUpload): S3 evaluates only {@code *}, and only without {@code If-Match}.
   *
   * @return whether {@code If-None-Match: *} was sent
   * @throws WireError NotImplemented naming both headers when If-Match is sent too, or naming
   *     If-None-Match for a value other than {@code *}
   */
  static boolean ifNoneMatchAny(S3Call call) {
    Optional<String> ifNoneMatch = call.header("If-None-Match").map(String::trim);
    if (ifNoneMatch.isPresent() && call.header("If-Match").isPresent()) {
      throw WireError.notImplemented("If-Match,If-None-Match",
          "Multiple conditional request headers present in the request");
    }
    if (ifNoneMatch.isPresent() && !ifNoneMatch.get().equals("*")) {
      throw WireError.notImplemented("If-None-Match", notAccepted("If-None-Match"));
    }
    return ifNoneMatch.isPresent();
  }

  /**
   * Refuses {@code If-Match: *}: PutObject and CompleteMultipartUpload take an ETag there, and
   * S3 answers the wildcard with 501 rather than match any current object.
   */
  static void refuseIfMatchAny(S3Call call) {
    if (call.header("If-Match").map(String::trim).filter("*"::equals).isPresent()) {
      throw WireError.notImplemented("If-Match", notAccepted("If-Match"));
    }
  }

  private static String notAccepted(String header) {
    return "We don't accept the provided value of " + header + " header for this API";
  }

  S3Response put(S3Call call) {
    state.bucket(call.bucket());
    Optional<String> versionId = call.query().get("versionId");
    if (versionId.isPresent()) {
      throw WireError.invalidArgument("This operation does not accept a version-id.",
          "versionId", versionId.get());
    }
    CustomerKeys.refuseIfBlocked(state, call, "s3:PutObject");
    if (call.headers().has(WRITE_OFFSET)) {
      // Appending at an offset is for directory buckets (S3 Express One Zone) only.
      throw WireError.notImplemented(WRITE_OFFSET);
    }
    boolean ifNoneMatchAny = ifNoneMatchAny(call);
    refuseIfMatchAny(call);
    ObjectLock.WriteLock lock = ObjectLockHeaders.of(call);
    RequestBodies.requireDeclaredLength(call.headers());
    ObjectMetadata metadata = ObjectHeaders.metadata(call.headers())
        .withEncryption(encryption.of(call.headers(), call.bucket()));
    Map<String, String> tags = TaggingOperations.header(call.headers());
    Optional<AccessControlList> acl = AclDocuments.fromHeaders(call.headers(), state.owner());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.OBJECT);
    boolean locking = lock.asksForProtection() || state.objectLockEnabled(call.bucket());
    if (locking && !body.integrityProvided()) {
      throw WireError.invalidRequest(BucketOperations.MISSING_INTEGRITY_HEADER);
    }
    PutObject.Request request = new PutObject.Request(call.bucket(), call.key(),
        body.content(), metadata, body.checksum(), call.header("If-Match"),
        ifNoneMatchAny).withTags(tags);
    PutObject.Result result = state.putObject(acl.isPresent() ? request.withAcl(acl.get())
        : request, lock);
    S3Response response = S3Response.empty(200)
        .with("ETag", result.stored().etag())
        .with("x-amz-version-id", result.reportedVersionId());
    ObjectEncryption written = result.stored().metadata().encryption();
    response = EncryptionHeaders.echoContext(EncryptionHeaders.describe(response, written),
        call.headers(), written);
    response = TimeHeaders.add(response, state, call.bucket(), call.key(), result.stored(),
        false);
    // The checksum sent, or the CRC64NVME S3 gives an object sent without one: S3 echoes both.
    Optional<Checksum> stored = result.stored().checksum();
    Optional<String> header = stored.flatMap(ChecksumAlgorithm::headerFor);
    if (header.isPresent()) {
      response = response.with(header.get(), stored.get().value())
          .with("x-amz-checksum-type", ChecksumTypes.FULL_OBJECT);
    }
    return response;
  }
}
