package dev.tombstone.dynamodb;

import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable byte string, the value of a DynamoDB binary ({@code B}) attribute.
 *
 * <p>Ordered as DynamoDB orders binary values: unsigned bytes, then length.
 */
public final class Bytes implements Comparable<Bytes> {
  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;
  private int hash;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** Decodes standard (padded) base64. */
  public static Bytes fromBase64(String base64) {
    return wrap(Base64.getDecoder().decode(base64));
  }

  /** Wraps an array the caller promises never to modify again. */
  static Bytes wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes);
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Standard base64 with padding, as DynamoDB JSON writes binary values. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Whether these bytes start with {@code prefix}. */
  public boolean startsWith(Bytes prefix) {
    return prefix.bytes.length <= bytes.length
        && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
  }

  /** Whether {@code part} occurs as a contiguous run inside these bytes. */
  public boolean contains(Bytes part) {
    int n = part.bytes.length;
    for (int i = 0; i + n <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + n, part.bytes, 0, n)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int compareTo(Bytes other) {
    // DynamoDB orders binary as unsigned bytes; Arrays.compare would treat 0x80 as negative.
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return toBase64();
  }
}
