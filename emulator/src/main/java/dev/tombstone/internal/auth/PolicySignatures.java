package dev.tombstone.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Strict mode's check of a browser upload: the form's {@code x-amz-signature} must be the hex
 * HMAC-SHA256 of its {@code policy} field, the base64 text as sent, under the SigV4 signing key
 * of the {@code x-amz-credential} scope (S3 developer guide, "Calculating a Signature" for POST).
 */
public final class PolicySignatures {
  private final Credentials credentials;

  public PolicySignatures(Credentials credentials) {
    this.credentials = credentials;
  }

  /** What the check found. */
  public sealed interface Outcome {
    /** The signature is the policy's. */
    record Valid() implements Outcome {}

    /** The credential is not {@code <key>/<date>/<region>/<service>/aws4_request}. */
    record MalformedCredential() implements Outcome {}

    /** The credential names another access key than the configured one. */
    record UnknownKey(String accessKeyId) implements Outcome {}

    /** The signature is not the one the configured secret gives. */
    record Mismatch(String accessKeyId) implements Outcome {}
  }

  /**
   * @param credential the form's {@code x-amz-credential}
   * @param policy the form's {@code policy}, as sent
   * @param signature the form's {@code x-amz-signature}
   */
  public Outcome check(String credential, String policy, String signature) {
    String[] scope = credential.split("/", -1);
    if (scope.length != 5 || !scope[4].equals("aws4_request") || scope[0].isEmpty()) {
      return new Outcome.MalformedCredential();
    }
    if (!scope[0].equals(credentials.accessKeyId())) {
      return new Outcome.UnknownKey(scope[0]);
    }
    String expected = SigV4.signature(
        SigV4.signingKey(credentials.secretAccessKey(), scope[1], scope[2], scope[3]), policy);
    boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    return same ? new Outcome.Valid() : new Outcome.Mismatch(scope[0]);
  }
}
