package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsChunkedDecoderTest {
  private static final String SIG = "a".repeat(64);

  private record Decoded(String payload, Map<String, String> trailers) {}

  private static Decoded decode(String body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> trailers = AwsChunkedDecoder.decode(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), out);
    return new Decoded(out.toString(StandardCharsets.ISO_8859_1), trailers);
  }

  private static WireError failure(String body) {
    return catchThrowableOfType(WireError.class, () -> decode(body));
  }

  @Test
  void signedChunks_areJoined_andSignaturesIgnored() throws IOException {
    Decoded decoded = decode("6;chunk-signature=" + SIG + "\r\nhello \r\n"
        + "5;chunk-signature=" + SIG + "\r\nworld\r\n"
        + "0;chunk-signature=" + SIG + "\r\n\r\n");

    assertThat(decoded.payload()).isEqualTo("hello world");
    assertThat(decoded.trailers()).isEmpty();
  }

  @Test
  void signedChunksWithTrailer_returnTheChecksumTrailer() throws IOException {
    Decoded decoded = decode("5;chunk-signature=" + SIG + "\r\nhello\r\n0;chunk-signature="
        + SIG + "\r\nx-amz-checksum-crc32:NhCmhg==\r\nx-amz-trailer-signature:" + SIG
        + "\r\n\r\n");

    assertThat(decoded.payload()).isEqualTo("hello");
    assertThat(decoded.trailers()).containsEntry("x-amz-checksum-crc32", "NhCmhg==")
        .containsEntry("x-amz-trailer-signature", SIG);
  }

  @Test
  void unsignedTrailer_namesAreLowerCased_valuesTrimmed() throws IOException {
    Decoded decoded = decode("5\r\nhello\r\n0\r\nX-Amz-Checksum-CRC32C: 9a71bg== \r\n\r\n");

    assertThat(decoded.payload()).isEqualTo("hello");
    assertThat(decoded.trailers()).containsExactly(Map.entry("x-amz-checksum-crc32c",
        "9a71bg=="));
  }

  @Test
  void chunkSizes_areHexInEitherCase_andOtherExtensionsIgnored() throws IOException {
    String chunk = "x".repeat(26);

    Decoded decoded = decode("1A;foo=bar\r\n" + chunk + "\r\n1a\r\n" + chunk + "\r\n0\r\n\r\n");

    assertThat(decoded.payload()).isEqualTo(chunk + chunk);
  }

  @Test
  void theEndIsReadLeniently() throws IOException {
    assertThat(decode("5\r\nhello\r\n0\r\n").payload()).isEqualTo("hello");
    assertThat(decode("5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n").trailers())
        .containsKey("x-amz-checksum-crc32");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",                                   // no final chunk
      "zz\r\nhello\r\n0\r\n\r\n",           // size is not hex
      "\r\nhello\r\n0\r\n\r\n",             // size missing
      "5\r\nhelloXX0\r\n\r\n",              // no CRLF after the data
      "9\r\nhello\r\n",                     // data shorter than its size
      "5\r\nhel",                           // end of input inside a chunk
      "5\nhello\r\n0\r\n\r\n",              // bare LF
      "5\r\nhello\r\n",                     // no final chunk
      "1000000000000000\r\nx\r\n0\r\n\r\n"  // a size of more than 15 hex digits
  })
  void brokenFraming_isIncompleteBody(String body) {
    WireError error = failure(body);

    assertThat(error.code()).isEqualTo("IncompleteBody");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage()).isEqualTo("The request body terminated unexpectedly");
  }

  @Test
  void anOverlongChunkHeader_isIncompleteBody() {
    assertThat(failure("5;" + "x".repeat(5000) + "\r\nhello\r\n0\r\n\r\n").code())
        .isEqualTo("IncompleteBody");
  }

  @Test
  void aTrailerWithoutName_isMalformedTrailer() {
    WireError error = failure("5\r\nhello\r\n0\r\nnot a trailer\r\n\r\n");

    assertThat(error.code()).isEqualTo("MalformedTrailerError");
  }
}
