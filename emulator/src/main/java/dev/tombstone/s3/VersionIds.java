package dev.tombstone.s3;

import java.nio.ByteBuffer;
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
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  // Not SecureRandom: its first instance loads the security providers, 15 ms of every start.
  private final AtomicLong sequence =
      new AtomicLong(ThreadLocalRandom.current().nextInt() & 0xFFFF);

  String next() {
    ByteBuffer raw = ByteBuffer.allocate(24);
    raw.putLong(sequence.incrementAndGet());
    byte[] random = new byte[12];
    ThreadLocalRandom.current().nextBytes(random);
    raw.put(random);
    raw.putInt((int) crc(raw.array()));
    return ENCODER.encodeToString(raw.array()).replace('+', '.').replace('/', '_');
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
