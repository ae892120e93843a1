package dev.tombstone.internal.server;

import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.ImmediatePooledByteBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a whole request body on the I/O thread without blocking: for the JSON protocols, for
 * small S3 bodies, and for the fault layer, which may put it (or a rewritten one) back for the
 * protocol handler to read as if from the wire. A body that does not arrive in the first read
 * is watched for stalls ({@link StallWatch}).
 */
final class BodyReader {
  /** Receives the body once it is read. */
  @FunctionalInterface
  interface Then {
    void accept(HttpServerExchange exchange, byte[] body) throws Exception;
  }

  private static final int BUFFER_SIZE = 8192;

  private BodyReader() {}

  static void read(HttpServerExchange exchange, Then then) throws Exception {
    if (exchange.isRequestComplete()) {
      then.accept(exchange, new byte[0]);
      return;
    }
    StreamSourceChannel channel = exchange.getRequestChannel();
    long declared = exchange.getRequestContentLength();
    // Sized to the declared body where that is small: one more byte lets the end show.
    ByteArrayOutputStream out = new ByteArrayOutputStream(
        declared >= 0 && declared < BUFFER_SIZE ? (int) declared : BUFFER_SIZE);
    ByteBuffer buffer = ByteBuffer.allocate(
        declared >= 0 && declared < BUFFER_SIZE ? (int) declared + 1 : BUFFER_SIZE);
    if (drain(channel, buffer, out)) {
      Connectors.resetRequestChannel(exchange);
      then.accept(exchange, out.toByteArray());
      return;
    }
    StallWatch.start(exchange, out::size);
    channel.getReadSetter().set(ch -> {
      try {
        if (drain(ch, buffer, out)) {
          ch.getReadSetter().set(null);
          ch.suspendReads();
          Connectors.resetRequestChannel(exchange);
          Connectors.executeRootHandler(ex -> then.accept(ex, out.toByteArray()), exchange);
        }
      } catch (IOException e) {
        // The client went away mid-body: no one is left to answer.
        ch.getReadSetter().set(null);
        exchange.setPersistent(false);
        exchange.endExchange();
      }
    });
    channel.resumeReads();
  }

  /** Reads what is there; true at the end of the body. */
  private static boolean drain(StreamSourceChannel channel, ByteBuffer buffer,
      ByteArrayOutputStream out) throws IOException {
    while (true) {
      buffer.clear();
      int read = channel.read(buffer);
      if (read == -1) {
        return true;
      }
      if (read == 0) {
        return false;
      }
      out.write(buffer.array(), 0, read);
    }
  }

  /** Puts {@code body} back for the next reader, with a Content-Length to match. */
  static void putBack(HttpServerExchange exchange, byte[] body) {
    exchange.getRequestHeaders().put(io.undertow.util.Headers.CONTENT_LENGTH, body.length);
    if (body.length > 0) {
      Connectors.ungetRequestBytes(exchange, new ImmediatePooledByteBuffer(ByteBuffer.wrap(body)));
    }
  }
}
