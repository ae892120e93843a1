package dev.tombstone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Crc64NvmeTest {
  private static final long CHECK_VALUE = 0xAE8B14860A799888L;

  /** The definition, one bit at a time: what the tables must agree with. */
  private static long bitwise(byte[] bytes, int offset, int length) {
    long crc = ~0L;
    for (int i = offset; i < offset + length; i++) {
      crc ^= bytes[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
      }
    }
    return ~crc;
  }

  @Test
  void matchesItsPublishedCheckValue() {
    Crc64Nvme crc = new Crc64Nvme();
    crc.update("123456789".getBytes(StandardCharsets.US_ASCII));

    assertThat(crc.getValue()).isEqualTo(CHECK_VALUE);
  }

  @Test
  void resetsAndIsIncremental() {
    Crc64Nvme crc = new Crc64Nvme();
    crc.update("garbage".getBytes(StandardCharsets.US_ASCII));
    crc.reset();
    crc.update("1234".getBytes(StandardCharsets.US_ASCII));
    crc.update('5');
    crc.update("6789".getBytes(StandardCharsets.US_ASCII), 0, 4);

    assertThat(crc.getValue()).isEqualTo(CHECK_VALUE);
  }

  @Test
  void agreesWithTheBitwiseDefinition_atEveryLengthAndOffset_arraysAndBuffers() {
    byte[] data = new byte[300];
    new SplittableRandom(17).nextBytes(data);
    for (int offset = 0; offset < 9; offset++) {
      for (int length = 0; length <= data.length - offset; length += length < 40 ? 1 : 37) {
        long expected = bitwise(data, offset, length);
        ByteBuffer heap = ByteBuffer.wrap(data, offset, length);
        ByteBuffer direct = ByteBuffer.allocateDirect(length).put(heap.duplicate()).flip();

        assertThat(Crc64Nvme.of(data, offset, length)).isEqualTo(expected);
        assertThat(Crc64Nvme.of(heap.slice().asReadOnlyBuffer())).isEqualTo(expected);
        assertThat(Crc64Nvme.of(direct)).isEqualTo(expected);
      }
    }
  }

  @Test
  void bufferUpdates_consumeTheBuffer_andKeepItsByteOrder() {
    byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer readOnly = ByteBuffer.wrap(data).asReadOnlyBuffer();
    ByteBuffer untouched = ByteBuffer.wrap(data).asReadOnlyBuffer();
    Crc64Nvme crc = new Crc64Nvme();

    crc.update(readOnly);
    long whole = Crc64Nvme.of(untouched);

    assertThat(crc.getValue()).isEqualTo(CHECK_VALUE).isEqualTo(whole);
    assertThat(readOnly.remaining()).isZero();
    assertThat(readOnly.order()).isEqualTo(java.nio.ByteOrder.BIG_ENDIAN);
    assertThat(untouched.remaining()).isEqualTo(9);
  }
}
