package dev.tombstone.s3;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the emulator accepts as the {@code x-amz-mfa} of an MFA-delete bucket: the device
 * serial number followed by a space and a code. By default any serial and any code pass;
 * configure a serial and codes to test the refusals.
 *
 * @param serial the accepted serial number; empty accepts any
 * @param codes the accepted codes; empty accepts any
 */
public record MfaDevice(Optional<String> serial, Set<String> codes) {
  /** Any serial, any code. */
  public static final MfaDevice ANY = new MfaDevice(Optional.empty(), Set.of());

  public MfaDevice {
    Objects.requireNonNull(serial, "serial");
    codes = Set.copyOf(codes);
  }

  /** Whether a well-formed {@code serial code} pair is accepted. */
  public boolean accepts(String givenSerial, String code) {
    return serial.map(givenSerial::equals).orElse(true)
        && (codes.isEmpty() || codes.contains(code));
  }
}
