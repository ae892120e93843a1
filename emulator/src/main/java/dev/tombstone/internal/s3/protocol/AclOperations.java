package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.AccessControlList;
import dev.tombstone.s3.ObjectOwnership;
import dev.tombstone.s3.PublicAccessBlock;
import dev.tombstone.s3.S3State;
import java.util.Optional;

/**
 * Get/PutBucketAcl, Get/PutObjectAcl, Get/Put/DeleteBucketOwnershipControls and
 * Get/Put/DeletePublicAccessBlock.
 */
final class AclOperations {
  private final S3State state;

  AclOperations(S3State state) {
    this.state = state;
  }

  S3Response getBucketAcl(S3Call call) {
    return S3Response.xml(200, AclDocuments.write(state.bucketAcl(call.bucket())));
  }

  S3Response putBucketAcl(S3Call call) {
    state.bucket(call.bucket());
    AccessControlList acl = requestedAcl(call);
    state.putBucketAcl(call.bucket(), acl);
    return S3Response.empty(200);
  }

  S3Response getObjectAcl(S3Call call) {
    Optional<String> versionId = call.query().get("versionId");
    AccessControlList acl = state.objectAcl(call.bucket(), call.key(), versionId);
    return withVersion(S3Response.xml(200, AclDocuments.write(acl)), call, versionId);
  }

  S3Response putObjectAcl(S3Call call) {
    Optional<String> versionId = call.query().get("versionId");
    CurrentMarker.refused(() -> state.objectAcl(call.bucket(), call.key(), versionId));
    AccessControlList acl = requestedAcl(call);
    String changed = CurrentMarker.refused(
        () -> state.putObjectAcl(call.bucket(), call.key(), versionId, acl));
    return withVersion(S3Response.empty(200), call, Optional.of(changed));
  }

  private S3Response withVersion(S3Response response, S3Call call, Optional<String> versionId) {
    boolean versioned = state.bucket(call.bucket()).versioning().isVersioningAware();
    return versioned ? response.with("x-amz-version-id", versionId) : response;
  }

  // Headers or a document, never both; no ACL at all is S3's MissingSecurityHeader.
  private AccessControlList requestedAcl(S3Call call) {
    Optional<AccessControlList> fromHeaders = AclDocuments.fromHeaders(call.headers(),
        state.owner());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    boolean hasDocument = body.content().size() > 0;
    if (fromHeaders.isPresent() && hasDocument) {
      throw WireError.unexpectedContent();
    }
    if (fromHeaders.isPresent()) {
      return fromHeaders.get();
    }
    if (!hasDocument) {
      throw WireError.missingSecurityHeader();
    }
    return AclDocuments.read(body.content(), state.owner());
  }

  S3Response getOwnership(S3Call call) {
    ObjectOwnership ownership = state.ownershipControls(call.bucket())
        .orElseThrow(() -> new dev.tombstone.s3.S3Error.OwnershipControlsNotFound(call.bucket()));
    XmlWriter xml = XmlWriter.document("OwnershipControls");
    xml.start("Rule").element("ObjectOwnership", ownership.wireName()).end();
    return S3Response.xml(200, xml.toBytes());
  }

  S3Response putOwnership(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    XmlElement root = XmlReader.parse(body.content());
    if (!root.is("OwnershipControls") || root.children("Rule").size() != 1) {
      throw WireError.malformedXml();
    }
    ObjectOwnership ownership = root.children("Rule").get(0).childText("ObjectOwnership")
        .map(String::trim).flatMap(ObjectOwnership::named)
        .orElseThrow(WireError::malformedXml);
    state.putOwnershipControls(call.bucket(), ownership);
    return S3Response.empty(200);
  }

  S3Response deleteOwnership(S3Call call) {
    state.deleteOwnershipControls(call.bucket());
    return S3Response.empty(204);
  }

  S3Response getPublicAccessBlock(S3Call call) {
    PublicAccessBlock block = state.publicAccessBlock(call.bucket()).orElseThrow(() ->
        new dev.tombstone.s3.S3Error.NoSuchPublicAccessBlockConfiguration(call.bucket()));
    XmlWriter xml = XmlWriter.document("PublicAccessBlockConfiguration")
        .element("BlockPublicAcls", block.blockPublicAcls())
        .element("IgnorePublicAcls", block.ignorePublicAcls())
        .element("BlockPublicPolicy", block.blockPublicPolicy())
        .element("RestrictPublicBuckets", block.restrictPublicBuckets());
    return S3Response.xml(200, xml.toBytes());
  }

  S3Response putPublicAccessBlock(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    XmlElement root = XmlReader.parse(body.content());
    if (!root.is("PublicAccessBlockConfiguration")) {
      throw WireError.malformedXml();
    }
    state.putPublicAccessBlock(call.bucket(), Optional.of(new PublicAccessBlock(
        flag(root, "BlockPublicAcls"), flag(root, "IgnorePublicAcls"),
        flag(root, "BlockPublicPolicy"), flag(root, "RestrictPublicBuckets"))));
    return S3Response.empty(200);
  }

  S3Response deletePublicAccessBlock(S3Call call) {
    state.putPublicAccessBlock(call.bucket(), Optional.empty());
    return S3Response.empty(204);
  }

  private static boolean flag(XmlElement root, String name) {
    return root.childText(name).map(String::trim).map(value -> switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw WireError.malformedXml();
    }).orElse(false);
  }
}
