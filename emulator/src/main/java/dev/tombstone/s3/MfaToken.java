package dev.tombstone.s3;

import java.util.Objects;

/**
 * What a request presents for MFA delete: the device's serial number and the code it shows.
 *
 * @param serial the device serial, e.g. {@code arn:aws:iam::123456789012:mfa/root}
 * @param code the current code, e.g. {@code 123456}
 */
public record MfaToken(String serial, String code) {
  public MfaToken {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(code, "code");
  }
}
