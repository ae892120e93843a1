package dev.tombstone.s3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
  /** Per ASCII character, its six bits in {@link #ALPHABET}; -1 for characters outside it. */
  private static final byte[] SIX_BITS = new byte[128];

  static {
    Arrays.fill(SIX_BITS, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      SIX_BITS[ALPHABET[i]] = (byte) i;
    }
  }

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
    return text(raw);
  }

  /** The 32 characters of 24 raw bytes. */
  private static String text(byte[] raw) {
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

  /**
   * Long {@code index} (0, 1 or 2) of the 24 bytes of a well-formed id other than
   * {@code "null"}, most significant byte first. The sequence in the first long starts above
   * zero, so no id has three zero longs.
   */
  static long word(String id, int index) {
    long word = 0;
    for (int at = 8 * index; at < 8 * index + 8; at++) {
      int group = at / 3 * 4;
      int bits = SIX_BITS[id.charAt(group)] << 18 | SIX_BITS[id.charAt(group + 1)] << 12
          | SIX_BITS[id.charAt(group + 2)] << 6 | SIX_BITS[id.charAt(group + 3)];
      word = word << 8 | (bits >>> (16 - 8 * (at % 3)) & 0xFF);
    }
    return word;
  }

  /** The id whose 24 bytes are these three longs, as {@link #word} reads them. */
  static String encode(long high, long middle, long low) {
    byte[] raw = new byte[RAW_LENGTH];
    putBigEndian(raw, 0, high, 8);
    putBigEndian(raw, 8, middle, 8);
    putBigEndian(raw, 16, low, 8);
    return text(raw);
  }

  /** Whether {@code id} is the text of these 24 bytes, compared without making it. */
  static boolean matches(long high, long middle, long low, String id) {
    if (id.length() != LENGTH) {
      return false;
    }
    for (int text = 0, raw = 0; text < LENGTH; text += 4, raw += 3) {
      int bits = threeBytes(high, middle, low, raw);
      if (id.charAt(text) != ALPHABET[bits >>> 18]
          || id.charAt(text + 1) != ALPHABET[bits >>> 12 & 0x3F]
          || id.charAt(text + 2) != ALPHABET[bits >>> 6 & 0x3F]
          || id.charAt(text + 3) != ALPHABET[bits & 0x3F]) {
        return false;
      }
    }
    return true;
  }

  /** Bytes {@code at} to {@code at + 2} of the three longs: the 24 bits of four characters. */
  private static int threeBytes(long high, long middle, long low, int at) {
    return rawByte(high, middle, low, at) << 16 | rawByte(high, middle, low, at + 1) << 8
        | rawByte(high, middle, low, at + 2);
  }

  private static int rawByte(long high, long middle, long low, int at) {
    long word = at < 8 ? high : at < 16 ? middle : low;
    return (int) (word >>> (56 - 8 * (at % 8))) & 0xFF;
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
    if (!hasShape(id)) {
      return false;
    }
    byte[] raw = DECODER.decode(id.replace('.', '+').replace('_', '/'));
    return ByteBuffer.wrap(raw, 20, 4).getInt() == (int) crc(raw);
  }

  /** Whether {@code id} has an id's length and alphabet; its checksum is not verified. */
  static boolean hasShape(String id) {
    if (id == null || id.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = id.charAt(i);
      if (c >= SIX_BITS.length || SIX_BITS[c] < 0) {
        return false;
      }
    }
    return true;
  }

  private static long crc(byte[] raw) {
    CRC32 crc = new CRC32();
    crc.update(raw, 0, 20);
    return crc.getValue();
  }
}
