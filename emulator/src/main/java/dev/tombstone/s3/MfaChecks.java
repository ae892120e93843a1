package dev.tombstone.s3;

import java.util.Optional;

/** The {@code x-amz-mfa} value an MFA-delete bucket requires: {@code serial code}. */
final class MfaChecks {
  static final String REQUIRED = "Mfa Authentication must be used for this request";

  private MfaChecks() {}

  static void check(MfaDevice device, Optional<String> mfa) {
    if (mfa.isEmpty() || mfa.get().isBlank()) {
      throw new S3Error.AccessDenied(REQUIRED);
    }
    String value = mfa.get().trim();
    int space = value.indexOf(' ');
    if (space <= 0 || space == value.length() - 1) {
      throw new S3Error.InvalidArgument("The x-amz-mfa header is invalid: it must be the serial"
          + " number of the device, a space, and the code it shows", "x-amz-mfa", value);
    }
    if (!device.accepts(value.substring(0, space), value.substring(space + 1).trim())) {
      throw new S3Error.AccessDenied(REQUIRED);
    }
  }
}
