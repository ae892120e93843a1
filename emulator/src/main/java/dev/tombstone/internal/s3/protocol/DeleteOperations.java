package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketInfo;
import dev.tombstone.s3.DeleteObject;
import dev.tombstone.s3.DeleteObjects;
import dev.tombstone.s3.S3State;
import java.util.List;

/** DeleteObject and DeleteObjects. */
final class DeleteOperations {
  // Conditions S3 supports on directory buckets only; this emulator serves general purpose ones.
  private static final String[] DIRECTORY_BUCKET_CONDITIONS =
      {"x-amz-if-match-last-modified-time", "x-amz-if-match-size"};
  private static final String BYPASS = "x-amz-bypass-governance-retention";

  private static final XmlWriter.Tag DELETED = new XmlWriter.Tag("Deleted");
  private static final XmlWriter.Tag KEY = new XmlWriter.Tag("Key");

  private final S3State state;

  DeleteOperations(S3State state) {
    this.state = state;
  }

  S3Response deleteObject(S3Call call) {
    DeleteObject.Request request = new DeleteObject.Request(call.bucket(), call.key(),
        call.query().get("versionId"), call.header("If-Match"));
    // S3 refuses these conditions only once the bucket, the key and the version id passed.
    state.bucket(call.bucket());
    refuseBypassWithoutLock(call);
    request.validate();
    for (String condition : DIRECTORY_BUCKET_CONDITIONS) {
      if (call.headers().has(condition)) {
        throw WireError.notImplemented(condition);
      }
    }
    if (request.versionId().isPresent()) {
      state.checkMfa(call.bucket(), MfaHeader.read(call.headers()));
    }
    DeleteObject.Result result = state.deleteObject(request, bypassGovernance(call));
    S3Response response = S3Response.empty(204);
    if (result.deleteMarker()) {
      response = response.with("x-amz-delete-marker", "true");
    }
    return response.with("x-amz-version-id", result.versionId());
  }

  /** {@code x-amz-bypass-governance-retention: true} lifts GOVERNANCE retention. */
  static boolean bypassGovernance(S3Call call) {
    return call.header(BYPASS)
        .filter(value -> value.trim().equalsIgnoreCase("true")).isPresent();
  }

  // S3 refuses the header, whatever its value, on a bucket without Object Lock: deleting
  // nothing rather than ignoring it.
  private void refuseBypassWithoutLock(S3Call call) {
    if (call.headers().has(BYPASS) && !state.objectLockEnabled(call.bucket())) {
      throw WireError.invalidArgument(
          BYPASS + " is only applicable to Object Lock enabled buckets.", BYPASS);
    }
  }

  S3Response deleteObjects(S3Call call) {
    BucketInfo bucket = state.bucket(call.bucket());
    refuseBypassWithoutLock(call);
    RequestBodies.Decoded<RequestDocuments.DeleteDocument> read =
        RequestBodies.read(call.request(), BodyKind.DOCUMENT, RequestDocuments::delete);
    if (!read.body().integrityProvided()) {
      throw WireError.invalidRequest(BucketOperations.MISSING_INTEGRITY_HEADER);
    }
    RequestDocuments.DeleteDocument document = read.value();
    if (document.directoryBucketFields()) {
      throw WireError.notImplemented();
    }
    // On an MFA-delete bucket a version named without a valid token fails the whole request,
    // and so does an invalid token, whatever the request names.
    if (namesVersions(document.targets())
        || bucket.mfaDeleteEnabled() && call.headers().has(MfaHeader.NAME)) {
      state.checkMfa(call.bucket(), MfaHeader.read(call.headers()));
    }
    List<DeleteObjects.Outcome> outcomes =
        state.deleteObjects(new DeleteObjects.Request(call.bucket(), document.targets()),
            bypassGovernance(call));
    XmlWriter xml = XmlWriter.document("DeleteResult",
        document.quiet() ? 512 : 128 + 64 * outcomes.size());
    for (DeleteObjects.Outcome outcome : outcomes) {
      if (outcome instanceof DeleteObjects.Deleted deleted) {
        if (!document.quiet()) {
          writeDeleted(xml, deleted);
        }
      } else if (outcome instanceof DeleteObjects.Failed failed) {
        xml.start("Error").element("Key", failed.key());
        failed.versionId().ifPresent(id -> xml.element("VersionId", id));
        xml.element("Code", failed.code()).element("Message", failed.message()).end();
      }
    }
    return S3Response.xml(200, xml.toBuffer());
  }

  private static boolean namesVersions(List<DeleteObjects.Target> targets) {
    for (DeleteObjects.Target target : targets) {
      if (target.versionId().isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static void writeDeleted(XmlWriter xml, DeleteObjects.Deleted deleted) {
    xml.start(DELETED).element(KEY, deleted.key());
    if (deleted.versionId().isPresent()) {
      xml.element("VersionId", deleted.versionId().get());
    }
    DeleteObject.Result result = deleted.result();
    if (result.deleteMarker()) {
      xml.element("DeleteMarker", true)
          .element("DeleteMarkerVersionId", result.versionId().orElseThrow());
    }
    xml.end();
  }
}
