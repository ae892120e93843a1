package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.PercentEscapes;

/**
 * {@code encoding-type=url}: keeps {@code A-Z a-z 0-9 - _ . ~ /} and percent-encodes every other
 * UTF-8 byte with upper-case hex, space and plus included, so that form decoders (botocore) and
 * RFC 3986 decoders read the same key.
 */
final class UrlEncoding {
  private UrlEncoding() {}

  static String encode(String value) {
    return PercentEscapes.encode(value, true);
  }
}
