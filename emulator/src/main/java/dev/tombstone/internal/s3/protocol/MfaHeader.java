package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.MfaToken;
import java.util.Optional;

/** The {@code x-amz-mfa} header: the device serial, a space, and the code it shows. */
final class MfaHeader {
  static final String NAME = "x-amz-mfa";

  private MfaHeader() {}

  /** @throws WireError InvalidArgument when the header is not {@code serial code} */
  static Optional<MfaToken> read(RequestHeaders headers) {
    Optional<String> value = headers.first(NAME).map(String::trim);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    int space = text.indexOf(' ');
    if (space <= 0 || text.substring(space + 1).isBlank()) {
      throw WireError.invalidArgument("The x-amz-mfa header must be the serial number of the"
          + " MFA device, a space, and the code it shows", NAME, text);
    }
    return Optional.of(new MfaToken(text.substring(0, space), text.substring(space + 1).trim()));
  }
}
