package dev.tombstone.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the checksum S3 calls CRC64NVME: reflected, polynomial {@code 0x9A6C9329AC4BC9B5}
 * (bit-reversed form), initial value and final XOR all ones. Check value for ASCII
 * {@code 123456789}: {@code 0xAE8B14860A799888}.
 *
 * <p>Slice-by-8: eight bytes per step through eight 256-entry tables (16 KiB, kept in L1), about
 * seven times the speed of the byte-at-a-time table. S3 gives every object written without a
 * checksum this one, so every such write pays it.
 */
public final class Crc64Nvme implements Checksum {
  private static final long POLYNOMIAL = 0x9A6C9329AC4BC9B5L;
  // Table k (entries k * 256 ..) advances a byte through k more zero bytes.
  private static final long[] TABLES = tables();
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long crc = ~0L;

  /** The CRC-64/NVME of the buffer's remaining bytes; the buffer is not consumed. */
  public static long of(ByteBuffer data) {
    Crc64Nvme checksum = new Crc64Nvme();
    checksum.update(data.duplicate());
    return checksum.getValue();
  }

  /** The CRC-64/NVME of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static long of(byte[] bytes, int offset, int length) {
    Crc64Nvme checksum = new Crc64Nvme();
    checksum.update(bytes, offset, length);
    return checksum.getValue();
  }

  @Override
  public void update(int b) {
    crc = TABLES[(int) ((crc ^ b) & 0xFF)] ^ (crc >>> 8);
  }

  @Override
  public void update(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    long value = crc;
    int i = offset;
    int end = offset + length;
    for (int last = end - 8; i <= last; i += 8) {
      value = eightBytes(value ^ (long) LONG_LE.get(bytes, i));
    }
    for (; i < end; i++) {
      value = TABLES[(int) ((value ^ bytes[i]) & 0xFF)] ^ (value >>> 8);
    }
    crc = value;
  }

  /** Consumes the buffer's remaining bytes; read-only heap buffers too, without a copy. */
  @Override
  public void update(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      update(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      buffer.position(buffer.limit());
      return;
    }
    ByteOrder order = buffer.order();
    buffer.order(ByteOrder.LITTLE_ENDIAN);
    long value = crc;
    int i = buffer.position();
    int end = buffer.limit();
    for (int last = end - 8; i <= last; i += 8) {
      value = eightBytes(value ^ buffer.getLong(i));
    }
    for (; i < end; i++) {
      value = TABLES[(int) ((value ^ buffer.get(i)) & 0xFF)] ^ (value >>> 8);
    }
    crc = value;
    buffer.order(order).position(end);
  }

  @Override
  public long getValue() {
    return ~crc;
  }

  @Override
  public void reset() {
    crc = ~0L;
  }

  // The lowest byte has eight bytes still to pass through, the highest none.
  private static long eightBytes(long v) {
    return TABLES[7 * 256 + (int) (v & 0xFF)]
        ^ TABLES[6 * 256 + (int) ((v >>> 8) & 0xFF)]
        ^ TABLES[5 * 256 + (int) ((v >>> 16) & 0xFF)]
        ^ TABLES[4 * 256 + (int) ((v >>> 24) & 0xFF)]
        ^ TABLES[3 * 256 + (int) ((v >>> 32) & 0xFF)]
        ^ TABLES[2 * 256 + (int) ((v >>> 40) & 0xFF)]
        ^ TABLES[256 + (int) ((v >>> 48) & 0xFF)]
        ^ TABLES[(int) (v >>> 56)];
  }

  private static long[] tables() {
    long[] tables = new long[8 * 256];
    for (int i = 0; i < 256; i++) {
      long value = i;
      for (int bit = 0; bit < 8; bit++) {
        value = (value & 1) != 0 ? (value >>> 1) ^ POLYNOMIAL : value >>> 1;
      }
      tables[i] = value;
    }
    for (int k = 1; k < 8; k++) {
      for (int i = 0; i < 256; i++) {
        long previous = tables[(k - 1) * 256 + i];
        tables[k * 256 + i] = (previous >>> 8) ^ tables[(int) (previous & 0xFF)];
      }
    }
    return tables;
  }
}
