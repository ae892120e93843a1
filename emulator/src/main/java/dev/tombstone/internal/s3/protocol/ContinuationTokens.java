package dev.tombstone.internal.s3.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Opaque continuation tokens for ListObjectsV2 and ListBuckets: the position to resume after,
 * with a CRC so that a token the emulator did not issue is recognised.
 */
final class ContinuationTokens {
  private ContinuationTokens() {}

  static String encode(String position) {
    byte[] text = position.getBytes(StandardCharsets.UTF_8);
    ByteBuffer token = ByteBuffer.allocate(text.length + 4);
    token.put(text).putInt((int) crc(text, text.length));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  /** The position a token resumes after; empty when the token is not one of ours. */
  static Optional<String> decode(String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length < 4) {
      return Optional.empty();
    }
    int length = raw.length - 4;
    if (ByteBuffer.wrap(raw, length, 4).getInt() != (int) crc(raw, length)) {
      return Optional.empty();
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(raw, 0, length)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static long crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }
}
