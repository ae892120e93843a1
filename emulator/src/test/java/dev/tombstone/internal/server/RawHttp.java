package dev.tombstone.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Requests written byte by byte, for framings and mistakes no SDK sends. */
final class RawHttp {
  /** A status line and what followed it, or the connection closing with no answer. */
  record Answer(int status, String text) {
    static final Answer CLOSED = new Answer(-1, "");

    boolean contains(String part) {
      return text.contains(part);
    }
  }

  private RawHttp() {}

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes {@code head}, then {@code body} in HTTP/1.1 chunks of {@code chunkSize}. */
  static Answer chunked(int port, String head, byte[] body, int chunkSize) throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii(head + "Transfer-Encoding: chunked\r\n\r\n"));
      try {
        for (int at = 0; at < body.length; at += chunkSize) {
          int size = Math.min(chunkSize, body.length - at);
          out.write(ascii(Integer.toHexString(size) + "\r\n"));
          out.write(body, at, size);
          out.write(ascii("\r\n"));
        }
        out.write(ascii("0\r\n\r\n"));
        out.flush();
      } catch (SocketException closedEarly) {
        // The server may answer and close before the whole body is written: read its answer.
      }
      return read(socket.getInputStream());
    }
  }

  /** Writes {@code request} as is and reads the answer. */
  static Answer send(int port, byte[] request) throws IOException {
    try (Socket socket = open(port)) {
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
      } catch (SocketException closedEarly) {
        // As above: the answer may already be there.
      }
      return read(socket.getInputStream());
    }
  }

  static Socket open(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** Reads one answer: the head, and a body as long as its Content-Length. */
  static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) != -1) {
        head.write(b);
        if (head.size() >= 4 && endsWithBlankLine(head.toByteArray())) {
          break;
        }
      }
    } catch (SocketException reset) {
      return head.size() == 0 ? Answer.CLOSED : parse(head.toString(StandardCharsets.US_ASCII));
    }
    if (head.size() == 0) {
      return Answer.CLOSED;
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    int length = contentLength(text);
    byte[] body = length > 0 ? in.readNBytes(length) : new byte[0];
    return parse(text + new String(body, StandardCharsets.UTF_8));
  }

  private static Answer parse(String text) {
    return new Answer(Integer.parseInt(text.substring(9, 12)), text);
  }

  private static boolean endsWithBlankLine(byte[] bytes) {
    int n = bytes.length;
    return bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
        && bytes[n - 1] == '\n';
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }
}
