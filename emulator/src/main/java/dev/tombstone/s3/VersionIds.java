package dev.tombstone.s3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * Makes and checks version ids: 24 bytes (8-byte write sequence, 12 random bytes, CRC32 of the
 * first 20) in Base64 with {@code .} and {@code _} for {@code +} and {@code /}: 32 URL-safe
 * characters, like AWS's, and checkable, so a made-up id is told apart from a removed one.
 */
final class VersionIds {
  /** The id of the null version. */
  static final String NULL = "null";

  private static final int LENGTH = 32;
  private static final int RAW_LENGTH = 24;
  /** Base64's alphabet with {@code .} and {@code _} in place of {@code +} and {@code /}. */
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._"
          .getBytes(StandardCharsets.US_ASCII);
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  // Not SecureRandom: its first instance loads the security providers, 15 ms of every start.
  private final AtomicLong sequence =
      new AtomicLong(ThreadLocalRandom.current().nextInt() & 0xFFFF);

  /**
   * A new id, written straight into one array: the buffer, Base64 string and two replaced
   * copies this took before were about 300 bytes of every versioned DeleteObject.
   */
  String next() {
    byte[] raw = new byte[RAW_LENGTH];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    putBigEndian(raw, 0, sequence.incrementAndGet(), 8);
    putBigEndian(raw, 8, random.nextInt(), 4);
    putBigEndian(raw, 12, random.nextLong(), 8);
    putBigEndian(raw, 20, crc(raw), 4);
    byte[] text = new byte[LENGTH];
    for (int from = 0, to = 0; from < RAW_LENGTH; from += 3, to += 4) {
      int bits = (raw[from] & 0xFF) << 16 | (raw[from + 1] & 0xFF) << 8 | raw[from + 2] & 0xFF;
      text[to] = ALPHABET[bits >>> 18];
      text[to + 1] = ALPHABET[bits >>> 12 & 0x3F];
      text[to + 2] = ALPHABET[bits >>> 6 & 0x3F];
      text[to + 3] = ALPHABET[bits & 0x3F];
    }
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** The low {@code bytes} bytes of {@code value}, most significant first. */
  private static void putBigEndian(byte[] into, int at, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      into[at + i] = (byte) (value >>> (8 * (bytes - 1 - i)));
    }
  }

  /** {@code null}, or an id this class could have made. */
  static boolean isWellFormed(String id) {
    if (NULL.equals(id)) {
      return true;
    }
    if (id == null || id.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = id.charAt(i);
      boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_';
      if (!allowed) {
        return false;
      }
    }
    byte[] raw = DECODER.decode(id.replace('.', '+').replace('_', '/'));
    return ByteBuffer.wrap(raw, 20, 4).getInt() == (int) crc(raw);
  }

  private static long crc(byte[] raw) {
    CRC32 crc = new CRC32();
    crc.update(raw, 0, 20);
    return crc.getValue();
  }
}
