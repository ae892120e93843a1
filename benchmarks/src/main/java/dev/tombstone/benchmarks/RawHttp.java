package dev.tombstone.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * HTTP/1.1 requests as the load generator of {@code ../shared/perf} sends them, written and read
 * by hand on a plain socket, so a benchmark measures the server and not a client library.
 */
final class RawHttp {
  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261204/"
      + "us-east-1/%s/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
      + " Signature=" + "0123456789abcdef".repeat(4);

  private RawHttp() {}

  /**
   * A request with the headers the load generator sends: {@code X-Amz-Date}, the payload's
   * SHA-256 and a SigV4 {@code Authorization} (not a valid signature: the emulator does not check
   * signatures by default).
   */
  static byte[] request(String method, String target, String host, String service,
      Map<String, String> extra, byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target)
        .append(" HTTP/1.1\r\nHost: ").append(host)
        .append("\r\nX-Amz-Date: 20261204T030000Z\r\nx-amz-content-sha256: ")
        .append(HexFormat.of().formatHex(digest("SHA-256", body)))
        .append("\r\nAuthorization: ").append(String.format(AUTHORIZATION, service));
    extra.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
    head.append("\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] request = new byte[start.length + body.length];
    System.arraycopy(start, 0, request, 0, start.length);
    System.arraycopy(body, 0, request, start.length, body.length);
    return request;
  }

  static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  /** The status and body length of a response. */
  record Response(int status, long length) {}

  /** Reads one response with a Content-Length (or none, for 204). */
  static Response readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Long.parseLong(header.substring(15).trim());
      }
    }
    if (status != 204) {
      in.skipNBytes(length);
    }
    return new Response(status, length);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
