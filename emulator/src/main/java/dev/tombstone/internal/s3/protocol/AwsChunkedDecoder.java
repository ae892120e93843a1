package dev.tombstone.internal.s3.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an {@code aws-chunked} body as SDKs send it: chunks of {@code <hex size>[;chunk-
 * signature=<sig>]CRLF <data> CRLF}, a final zero-size chunk, then optional trailer lines
 * ({@code x-amz-checksum-crc32:<base64>}) and an empty line. Signatures are not checked. The
 * end is read leniently: the body may stop right after the final chunk or the last trailer.
 */
final class AwsChunkedDecoder {
  private static final int MAX_LINE = 4096;
  private static final int MAX_SIZE_DIGITS = 15;

  private AwsChunkedDecoder() {}

  /**
   * Writes the payload to {@code out}.
   *
   * @return the trailers, names lower-case, values trimmed
   * @throws WireError IncompleteBody for broken framing, MalformedTrailerError for a trailer
   *     line without a name
   * @throws IOException when reading fails
   */
  static Map<String, String> decode(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    while (true) {
      String header = readLine(in);
      if (header == null) {
        throw WireError.bodyTerminated();
      }
      long size = chunkSize(header);
      if (size == 0) {
        return trailers(in);
      }
      copy(in, out, size, buffer);
      if (in.read() != '\r' || in.read() != '\n') {
        throw WireError.bodyTerminated();
      }
    }
  }

  private static long chunkSize(String header) {
    int semicolon = header.indexOf(';');
    String hex = semicolon < 0 ? header : header.substring(0, semicolon);
    if (hex.isEmpty() || hex.length() > MAX_SIZE_DIGITS) {
      throw WireError.bodyTerminated();
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        throw WireError.bodyTerminated();
      }
      size = size << 4 | digit;
    }
    return size;
  }

  private static void copy(InputStream in, OutputStream out, long size, byte[] buffer)
      throws IOException {
    long left = size;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw WireError.bodyTerminated();
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  private static Map<String, String> trailers(InputStream in) throws IOException {
    Map<String, String> trailers = new LinkedHashMap<>();
    String line;
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw WireError.malformedTrailer();
      }
      trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return trailers;
  }

  /** One CRLF-terminated line without its CRLF; null at end of input before any byte. */
  private static String readLine(InputStream in) throws IOException {
    byte[] line = new byte[64];
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (length == 0) {
          return null;
        }
        throw WireError.bodyTerminated();
      }
      if (b == '\n') {
        if (length == 0 || line[length - 1] != '\r') {
          throw WireError.bodyTerminated();
        }
        return new String(line, 0, length - 1, StandardCharsets.ISO_8859_1);
      }
      if (length == MAX_LINE) {
        throw WireError.bodyTerminated();
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, line.length * 2);
      }
      line[length++] = (byte) b;
    }
  }
}
