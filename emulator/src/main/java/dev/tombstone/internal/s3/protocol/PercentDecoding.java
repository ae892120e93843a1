package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.PercentEscapes;

/** Percent-decoding of paths and query components, exactly once, as strict UTF-8. */
final class PercentDecoding {
  private PercentDecoding() {}

  /**
   * Decodes {@code %XX} escapes and {@code +} (a space, also in paths: hand-written requests
   * rely on it, and SDKs always send {@code %2B} for a plus).
   *
   * @throws WireError InvalidURI for a broken escape or bytes that are not UTF-8
   */
  static String decode(String raw) {
    String decoded = PercentEscapes.decode(raw, true);
    if (decoded == null) {
      throw WireError.invalidUri();
    }
    return decoded;
  }
}
