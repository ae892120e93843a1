package dev.tombstone.internal.s3.protocol;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the checksum S3 calls CRC64NVME: reflected, polynomial {@code 0x9A6C9329AC4BC9B5}
 * (bit-reversed form), initial value and final XOR all ones. Check value for ASCII
 * {@code 123456789}: {@code 0xAE8B14860A799888}.
 */
final class Crc64Nvme implements Checksum {
  private static final long POLYNOMIAL = 0x9A6C9329AC4BC9B5L;
  private static final long[] TABLE = table();

  private long crc = ~0L;

  @Override
  public void update(int b) {
    crc = TABLE[(int) ((crc ^ b) & 0xFF)] ^ (crc >>> 8);
  }

  @Override
  public void update(byte[] bytes, int offset, int length) {
    long value = crc;
    for (int i = offset; i < offset + length; i++) {
      value = TABLE[(int) ((value ^ bytes[i]) & 0xFF)] ^ (value >>> 8);
    }
    crc = value;
  }

  @Override
  public long getValue() {
    return ~crc;
  }

  @Override
  public void reset() {
    crc = ~0L;
  }

  private static long[] table() {
    long[] table = new long[256];
    for (int i = 0; i < 256; i++) {
      long value = i;
      for (int bit = 0; bit < 8; bit++) {
        value = (value & 1) != 0 ? (value >>> 1) ^ POLYNOMIAL : value >>> 1;
      }
      table[i] = value;
    }
    return table;
  }
}
