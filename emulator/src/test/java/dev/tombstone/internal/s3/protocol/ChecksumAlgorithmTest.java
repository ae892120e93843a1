package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChecksumAlgorithmTest {
  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void crc64Nvme_isEncodedBigEndianInEightBytes() {
    assertThat(ChecksumAlgorithm.CRC64NVME.encode(ascii("123456789")))
        .isEqualTo("rosUhgp5mIg=");
    assertThat(ChecksumAlgorithm.CRC64NVME.encode(ascii(""))).isEqualTo("AAAAAAAAAAA=");
  }

  @ParameterizedTest
  @CsvSource({
      "CRC32, hello, NhCmhg==",
      "CRC32, one, emyG8Q==",
      "CRC32, '', AAAAAA==",
      "CRC32C, 123456789, 4waSgw==",
      "SHA1, hello, qvTGHdzF6KLavt4PO0gs2a6pQ00=",
      "SHA256, x, LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=",
  })
  void digests_matchKnownValues(ChecksumAlgorithm algorithm, String input, String expected) {
    assertThat(algorithm.encode(ascii(input))).isEqualTo(expected);
  }

  @Test
  void crc32OfALine_matchesTheSpecsReference() {
    assertThat(ChecksumAlgorithm.CRC32.encode(ascii("hello\n"))).isEqualTo("NjowIA==");
  }

  @Test
  void encoding_doesNotConsumeTheBuffer() {
    ByteBuffer data = ascii("hello");

    ChecksumAlgorithm.SHA256.encode(data);

    assertThat(data.remaining()).isEqualTo(5);
  }

  @Test
  void names_areCaseInsensitive_andHeadersLowerCase() {
    assertThat(ChecksumAlgorithm.named("crc64nvme")).hasValue(ChecksumAlgorithm.CRC64NVME);
    assertThat(ChecksumAlgorithm.named("MD5")).isEmpty();
    assertThat(ChecksumAlgorithm.SHA1.headerName()).isEqualTo("x-amz-checksum-sha1");
  }
}
