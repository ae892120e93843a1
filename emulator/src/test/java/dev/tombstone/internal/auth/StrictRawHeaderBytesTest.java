package dev.tombstone.internal.auth;

import static dev.tombstone.internal.auth.StrictClients.KEY;
import static dev.tombstone.internal.auth.StrictClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A header value sent as raw UTF-8 bytes (botocore sends a non-ASCII {@code Content-Disposition}
 * that way, and S3 serves it: botocore's integration test {@code test_can_set_utf_8_headers}) is
 * signed over those bytes; strict mode hashes the canonical request as the bytes that came off
 * the wire, not as a re-encoding of how the server read them.
 */
class StrictRawHeaderBytesTest {
  private static final String DISPOSITION = "attachment; filename=5\u5c0f\u6642\u63a5\u529b.jpg;";

  @RegisterExtension
  static final RunningTombstone server =
      RunningTombstone.perClass(b -> b.credentials(KEY, SECRET));

  private final Tombstone tombstone = server.tombstone();

  @Test
  void utf8HeaderSignedOverItsBytes_isServed_andStoredByteForByte() throws IOException {
    tombstone.s3().createBucket("files");

    String status = putSigned(DISPOSITION);

    assertThat(status).startsWith("HTTP/1.1 200");
    assertThat(tombstone.s3().currentObject("files", "k").orElseThrow().metadata()
        .contentDisposition().orElseThrow().getBytes(StandardCharsets.ISO_8859_1))
        .isEqualTo(DISPOSITION.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void utf8HeaderSignedOverAnotherReading_isSignatureDoesNotMatch_showingTheWireBytes()
      throws IOException {
    tombstone.s3().createBucket("files");
    String misread = new String(DISPOSITION.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.ISO_8859_1);

    String answer = putSignedAnswer(misread);

    assertThat(answer).startsWith("HTTP/1.1 403");
    assertThat(answer).contains("<Code>SignatureDoesNotMatch</Code>");
    // "=5" then the UTF-8 bytes of the first CJK character: the header's bytes as sent
    assertThat(answer).contains("<CanonicalRequestBytes>").contains("3d 35 e5 b0 8f");
    assertThat(tombstone.s3().keys("files")).isEmpty();
  }

  private String putSigned(String signedValue) throws IOException {
    String answer = putSignedAnswer(signedValue);
    return answer.substring(0, answer.indexOf("\r\n"));
  }

  /**
   * PUTs "bar" to /files/k carrying {@link #DISPOSITION} as raw UTF-8 bytes, signed as if the
   * header's value were {@code signedValue}; returns the whole answer.
   */
  private String putSignedAnswer(String signedValue) throws IOException {
    byte[] body = "bar".getBytes(StandardCharsets.US_ASCII);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", tombstone.endpoint().getAuthority());
    headers.put("content-disposition", signedValue);
    headers.put("x-amz-content-sha256", RawSigner.sha256(body));
    RawSigner.Signed signed = new RawSigner(KEY, SECRET, "s3", Instant.now()).sign("PUT",
        "/files/k", headers, RawSigner.sha256(body),
        List.of("content-disposition", "host", "x-amz-content-sha256", "x-amz-date"));
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes("PUT /files/k HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
    signed.headers().forEach((name, value) -> {
      String sent = name.equals("content-disposition") ? DISPOSITION : value;
      request.writeBytes((name + ": " + sent + "\r\n").getBytes(StandardCharsets.UTF_8));
    });
    request.writeBytes(("Content-Length: 3\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(body);
    try (Socket socket = new Socket(tombstone.endpoint().getHost(),
        tombstone.endpoint().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
