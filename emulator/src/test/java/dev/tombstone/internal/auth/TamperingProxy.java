package dev.tombstone.internal.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A TCP relay that replaces one byte string with another of the same length in what the client
 * sends: a signed request altered on the way, as an attacker in the middle would.
 */
final class TamperingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final byte[] from;
  private final byte[] to;
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  TamperingProxy(int targetPort, String from, String to) throws IOException {
    if (from.length() != to.length()) {
      throw new IllegalArgumentException("the replacement must keep the length");
    }
    this.server = new ServerSocket(0);
    this.targetPort = targetPort;
    this.from = from.getBytes(StandardCharsets.US_ASCII);
    this.to = to.getBytes(StandardCharsets.US_ASCII);
    Thread acceptor = new Thread(this::accept, "tampering-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Everything the client sent, before tampering. */
  synchronized String sent() {
    return sent.toString(StandardCharsets.ISO_8859_1);
  }

  /** Everything the server answered. */
  synchronized String received() {
    return received.toString(StandardCharsets.UTF_8);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket("127.0.0.1", targetPort);
        start(() -> clientToTarget(client, target));
        start(() -> targetToClient(target, client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void start(Runnable task) {
    Thread thread = new Thread(task, "tampering-proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  // Holds back a possible partial match until more bytes arrive or the client pauses.
  private void clientToTarget(Socket client, Socket target) {
    try (client; target) {
      client.setSoTimeout(50);
      InputStream in = client.getInputStream();
      OutputStream out = target.getOutputStream();
      byte[] pending = new byte[0];
      byte[] buffer = new byte[16 * 1024];
      while (true) {
        int read;
        try {
          read = in.read(buffer);
        } catch (SocketTimeoutException pause) {
          out.write(pending);
          out.flush();
          pending = new byte[0];
          continue;
        }
        if (read < 0) {
          out.write(pending);
          return;
        }
        synchronized (this) {
          sent.write(buffer, 0, read);
        }
        byte[] joined = Arrays.copyOf(pending, pending.length + read);
        System.arraycopy(buffer, 0, joined, pending.length, read);
        replace(joined);
        int keep = Math.min(from.length - 1, joined.length);
        out.write(joined, 0, joined.length - keep);
        out.flush();
        pending = Arrays.copyOfRange(joined, joined.length - keep, joined.length);
      }
    } catch (IOException ignored) {
      // Either side closed: the relay ends with it.
    }
  }

  private void replace(byte[] data) {
    for (int i = 0; i + from.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, data, i, to.length);
      }
    }
  }

  private void targetToClient(Socket target, Socket client) {
    try {
      InputStream in = target.getInputStream();
      byte[] buffer = new byte[16 * 1024];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        synchronized (this) {
          received.write(buffer, 0, read);
        }
        client.getOutputStream().write(buffer, 0, read);
      }
    } catch (IOException ignored) {
      // Either side closed.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
