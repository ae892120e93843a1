package dev.tombstone.internal.s3.protocol;

import java.nio.charset.StandardCharsets;

/**
 * {@code encoding-type=url}: keeps {@code A-Z a-z 0-9 - _ . ~ /} and percent-encodes every other
 * UTF-8 byte with upper-case hex, space and plus included, so that form decoders (botocore) and
 * RFC 3986 decoders read the same key.
 */
final class UrlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlEncoding() {}

  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
      if (kept) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
