package dev.tombstone.s3;

import java.util.Optional;

/** The MFA an MFA-delete bucket requires for a version delete or a versioning change. */
final class MfaChecks {
  static final String REQUIRED = "Mfa Authentication must be used for this request";

  private MfaChecks() {}

  static void check(MfaDevice device, Optional<MfaToken> token) {
    if (token.isEmpty() || !device.accepts(token.get().serial(), token.get().code())) {
      throw new S3Error.AccessDenied(REQUIRED);
    }
  }
}
