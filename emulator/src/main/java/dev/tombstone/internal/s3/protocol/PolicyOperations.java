package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.PublicAccessBlock;
import dev.tombstone.s3.S3State;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Get/Put/DeleteBucketPolicy and GetBucketPolicyStatus. The policy is validated as S3 does and
 * stored as sent but for account-id principals, which S3 stores as root ARNs ({@link
 * AccountPrincipals}); it is not enforced.
 */
final class PolicyOperations {
  private final S3State state;

  PolicyOperations(S3State state) {
    this.state = state;
  }

  S3Response get(S3Call call) {
    String policy = state.bucketPolicy(call.bucket())
        .orElseThrow(() -> BucketDocumentErrors.noSuchBucketPolicy(call.bucket()));
    return new S3Response(200, List.of(new S3Response.Header("Content-Type", "application/json")),
        ByteBuffer.wrap(policy.getBytes(StandardCharsets.UTF_8)));
  }

  // x-amz-confirm-remove-self-bucket-access needs nothing: the emulator has one caller, the owner.
  S3Response put(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    byte[] document = body.content().toByteArray();
    PolicyDocument policy = PolicyDocument.parse(document, call.bucket());
    boolean blocked = state.publicAccessBlock(call.bucket())
        .map(PublicAccessBlock::blockPublicPolicy).orElse(false);
    if (blocked && policy.isPublic()) {
      throw BucketDocumentErrors.publicPolicyBlocked(call.bucket());
    }
    state.putBucketPolicy(call.bucket(), Optional.of(
        new String(AccountPrincipals.rewrite(document), StandardCharsets.UTF_8)));
    return S3Response.empty(204);
  }

  S3Response delete(S3Call call) {
    state.putBucketPolicy(call.bucket(), Optional.empty());
    return S3Response.empty(204);
  }

  S3Response status(S3Call call) {
    String policy = state.bucketPolicy(call.bucket())
        .orElseThrow(() -> BucketDocumentErrors.noSuchBucketPolicy(call.bucket()));
    boolean isPublic;
    try {
      isPublic = PolicyDocument.parse(policy.getBytes(StandardCharsets.UTF_8), call.bucket())
          .isPublic();
    } catch (WireError unchecked) {
      // Only a policy put through S3State, which does not validate, can get here.
      isPublic = false;
    }
    return S3Response.xml(200,
        XmlWriter.document("PolicyStatus").element("IsPublic", isPublic).toBytes());
  }
}
