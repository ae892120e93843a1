package dev.tombstone.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of URI parts, shared by S3's paths and queries, SigV4's canonical request
 * and MagnetoDB's paths.
 *
 * <pre>{@code
 * PercentEscapes.decode("a%20b+c", true);   // "a b c"
 * PercentEscapes.decode("a%ZZ", false);     // null: a broken escape
 * PercentEscapes.encode("a b/é", true);     // "a%20b/%C3%A9"
 * }</pre>
 */
public final class PercentEscapes {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEscapes() {}

  /**
   * Decodes {@code %XX} escapes, exactly once, as strict UTF-8; {@code +} is a space when
   * {@code plusIsSpace}, else a plus.
   *
   * @return the decoded text, or null when an escape is broken or the bytes are not UTF-8 (no
   *     value is made for the common text without escapes, which runs per request)
   */
  public static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0) && isAscii(raw)) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
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
      return null;
    }
  }

  /**
   * AWS's encoding: every UTF-8 byte but RFC 3986's unreserved ones ({@code A-Z a-z 0-9 - _ .
   * ~}, and {@code /} when {@code keepSlash}) as {@code %XY} with upper-case hex.
   */
  public static String encode(String text, boolean keepSlash) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
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
