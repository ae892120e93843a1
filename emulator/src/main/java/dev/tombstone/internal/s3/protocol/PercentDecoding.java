package dev.tombstone.internal.s3.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0 && isAscii(raw)) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw WireError.invalidUri();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw WireError.invalidUri();
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c <= 0xFF) {
        // The server hands over unescaped request-line bytes one char per byte.
        bytes.write(c);
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw WireError.invalidUri();
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
