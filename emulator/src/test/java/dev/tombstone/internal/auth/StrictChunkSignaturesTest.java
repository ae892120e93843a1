package dev.tombstone.internal.auth;

import static dev.tombstone.internal.auth.StrictClients.KEY;
import static dev.tombstone.internal.auth.StrictClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signed aws-chunked uploads built by hand, then reshaped: strict mode stores a body only when
 * every chunk, the final empty one too, and the trailer of the {@code -TRAILER} form carry a
 * valid signature in their one form.
 */
class StrictChunkSignaturesTest {
  private static final String CHUNKS = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
  private static final String CHUNKS_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
  private static final byte[] DATA = data(70_000);
  private static final List<Integer> SIZES = List.of(65_536, 70_000 - 65_536);
  @RegisterExtension
  static final RunningTombstone server =
      RunningTombstone.perClass(b -> b.credentials(KEY, SECRET));

  private final Tombstone tombstone = server.tombstone();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .build();

  @BeforeEach
  void bucket() {
    tombstone.s3().createBucket("chunks");
  }

  @Test
  void signedChunks_areStored() throws Exception {
    HttpResponse<String> answer = put(CHUNKS, UnaryOperator.identity());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().currentObject("chunks", "k").orElseThrow().content().toByteArray())
        .isEqualTo(DATA);
  }

  @Test
  void signedChunksWithSignedTrailer_areStored() throws Exception {
    HttpResponse<String> answer = put(CHUNKS_TRAILER, UnaryOperator.identity());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().currentObject("chunks", "k").orElseThrow().content().toByteArray())
        .isEqualTo(DATA);
  }

  static Stream<Arguments> reshapedBodies() {
    return Stream.of(
        Arguments.of("second chunk's signature removed", CHUNKS,
            edit(body -> body.replaceFirst("(?s)(.{100,}?\r\n[0-9a-f]+);chunk-signature=[0-9a-f]+",
                "$1"))),
        Arguments.of("every signature removed and the data altered", CHUNKS,
            edit(body -> body.replaceAll(";chunk-signature=[0-9a-f]+", "")
                .replaceFirst("ABCDEFGHIJKLMNOP", "EVILEVILEVILEVIL"))),
        Arguments.of("an extension before a valid signature, data altered", CHUNKS,
            edit(body -> body.replaceFirst("^([0-9a-f]+);", "$1;x=y;")
                .replaceFirst("ABCDEFGH", "TAMPERED"))),
        Arguments.of("final chunk's signature removed", CHUNKS,
            edit(body -> body.replaceFirst("\r\n0;chunk-signature=[0-9a-f]+", "\r\n0"))),
        Arguments.of("unsigned trailer after the final chunk", CHUNKS,
            edit(body -> body.substring(0, body.length() - 2)
                + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n")),
        Arguments.of("trailer signature removed", CHUNKS_TRAILER,
            edit(body -> body.replaceFirst("x-amz-trailer-signature:[0-9a-f]+\r\n", ""))),
        Arguments.of("trailer value altered", CHUNKS_TRAILER,
            edit(body -> body.replaceFirst("x-amz-checksum-crc32:[^\r]+",
                "x-amz-checksum-crc32:AAAAAA=="))),
        Arguments.of("unsigned trailer after the trailer signature", CHUNKS_TRAILER,
            edit(body -> body.substring(0, body.length() - 2)
                + "x-amz-meta-evil:1\r\n\r\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reshapedBodies")
  void reshapedBody_isSignatureDoesNotMatch_andStoresNothing(String change, String framing,
      UnaryOperator<byte[]> tamper) throws Exception {
    HttpResponse<String> answer = put(framing, tamper);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>SignatureDoesNotMatch</Code><Message>The request"
        + " signature we calculated does not match the signature you provided. Check your key"
        + " and signing method.</Message><AWSAccessKeyId>" + KEY + "</AWSAccessKeyId>");
    assertThat(tombstone.s3().keys("chunks")).isEmpty();
  }

  static Stream<Arguments> brokenFraming() {
    return Stream.of(
        Arguments.of("body ends inside a chunk", (UnaryOperator<byte[]>)
            body -> java.util.Arrays.copyOf(body, 70_000)),
        Arguments.of("a space after the size, data altered",
            edit(body -> body.replaceFirst("^([0-9a-f]+);", "$1 ;")
                .replaceFirst("ABCDEFGH", "TAMPERED"))),
        Arguments.of("no CRLF after a chunk's data",
            edit(body -> body.replaceFirst("\r\n([0-9a-f]+;chunk-signature=)", "XX$1"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFraming")
  void brokenFraming_isIncompleteBody_andStoresNothing(String change,
      UnaryOperator<byte[]> tamper) throws Exception {
    HttpResponse<String> answer = put(CHUNKS, tamper);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>IncompleteBody</Code><Message>The request body"
        + " terminated unexpectedly</Message>");
    assertThat(tombstone.s3().keys("chunks")).isEmpty();
  }

  @Test
  void ecdsaChunkSignatures_cannotBeChecked_andAreRefused() throws Exception {
    HttpResponse<String> answer = put("STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
        UnaryOperator.identity());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    assertThat(tombstone.s3().keys("chunks")).isEmpty();
  }

  private HttpResponse<String> put(String framing, UnaryOperator<byte[]> tamper)
      throws Exception {
    RawSigner signer = new RawSigner(KEY, SECRET, "s3", Instant.now());
    boolean trailer = framing.endsWith("-TRAILER");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", tombstone.endpoint().getAuthority());
    headers.put("content-encoding", "aws-chunked");
    headers.put("x-amz-content-sha256", framing);
    headers.put("x-amz-decoded-content-length", String.valueOf(DATA.length));
    if (trailer) {
      headers.put("x-amz-trailer", "x-amz-checksum-crc32");
    }
    RawSigner.Signed signed = signer.sign("PUT", "/chunks/k", headers, framing,
        List.copyOf(withDate(headers.keySet())));
    byte[] body = tamper.apply(signer.chunked(DATA, signed.signature(), SIZES,
        trailer ? Map.of("x-amz-checksum-crc32", crc32(DATA)) : null));
    HttpRequest.Builder request = HttpRequest.newBuilder(tombstone.endpoint().resolve("/chunks/k"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    signed.headers().forEach((name, value) -> {
      if (!name.equals("host")) {
        request.header(name, value);
      }
    });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> withDate(java.util.Set<String> names) {
    List<String> all = new java.util.ArrayList<>(names);
    all.add("x-amz-date");
    return all;
  }

  private static UnaryOperator<byte[]> edit(UnaryOperator<String> change) {
    return body -> change.apply(new String(body, StandardCharsets.ISO_8859_1))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    long value = crc.getValue();
    return Base64.getEncoder().encodeToString(new byte[] {
        (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
  }

  private static byte[] data(int length) {
    byte[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = alphabet[i % alphabet.length];
    }
    return data;
  }
}
