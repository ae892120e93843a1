package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.auth.PolicySignatures;
import java.util.List;
import java.util.Optional;

/**
 * How a browser upload is authorized: by the policy its form carries and that policy's signature
 * (SigV4 fields {@code x-amz-algorithm}, {@code -credential}, {@code -date}, {@code -signature};
 * SigV2 fields {@code AWSAccessKeyId}, {@code signature}), or not at all. A form with none of
 * those fields is anonymous, as in S3, and its policy, if any, is not read.
 */
final class PostAuthentication {
  private static final List<String> SIGV4 =
      List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Signature", "Policy");
  private static final List<String> SIGV2 = List.of("AWSAccessKeyId", "Signature", "Policy");

  private PostAuthentication() {}

  /**
   * The form's policy, when it is signed; empty when it is anonymous. Without strict mode
   * ({@code strict} empty) any signature is taken, as any request signature is.
   *
   * @throws WireError InvalidArgument naming the first signing field missing; in strict mode
   *     AccessDenied for an anonymous or SigV2 form, InvalidAccessKeyId, SignatureDoesNotMatch
   */
  static Optional<String> signedPolicy(PostForm form, Optional<PolicySignatures> strict) {
    boolean v4 = SIGV4.stream().limit(4).anyMatch(form::has);
    boolean v2 = !v4 && (form.has("AWSAccessKeyId") || form.has("Signature"));
    if (!v4 && !v2) {
      if (strict.isPresent()) {
        throw WireError.accessDenied();
      }
      return Optional.empty();
    }
    for (String name : v4 ? SIGV4 : SIGV2) {
      if (!form.has(name)) {
        throw PostErrors.missingField(name);
      }
    }
    String policy = form.field("Policy").orElseThrow();
    if (strict.isPresent()) {
      if (v2) {
        // Strict mode takes no SigV2, as for presigned URLs.
        throw WireError.accessDenied();
      }
      String credential = form.field("X-Amz-Credential").orElseThrow();
      String signature = form.field("X-Amz-Signature").orElseThrow();
      PolicySignatures.Outcome outcome = strict.get().check(credential, policy, signature);
      if (outcome instanceof PolicySignatures.Outcome.MalformedCredential) {
        throw PostErrors.malformedCredential(credential);
      }
      if (outcome instanceof PolicySignatures.Outcome.UnknownKey unknown) {
        throw PostErrors.unknownAccessKey(unknown.accessKeyId());
      }
      if (outcome instanceof PolicySignatures.Outcome.Mismatch mismatch) {
        throw PostErrors.signatureMismatch(mismatch.accessKeyId(), policy, signature);
      }
    }
    return Optional.of(policy);
  }
}
