package dev.tombstone.internal.server;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.ImmediatePooledByteBuffer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a whole request body on the I/O thread without blocking: for the JSON protocols, for
 * small S3 bodies, and for the fault layer, which may put it (or a rewritten one) back for the
 * protocol handler to read as if from the wire. A body that does not arrive in the first read
 * is watched for stalls ({@link StallWatch}). A body that ends before its length (the client
 * half-closed or went away) is never taken for a whole one: it goes to the caller's {@link Cut}.
 */
final class BodyReader {
  /** Receives the body once it is read. */
  @FunctionalInterface
  interface Then {
    void accept(HttpServerExchange exchange, byte[] body) throws Exception;
  }

  /** Answers (or not) a request whose body ended before its length or its last chunk. */
  @FunctionalInterface
  interface Cut {
    void accept(HttpServerExchange exchange) throws Exception;
  }

  private static final int BUFFER_SIZE = 8192;
  /** Bodies declared up to this size are read straight into an array of their size. */
  private static final int EXACT_LIMIT = 64 * 1024;
  private static final byte[] EMPTY = new byte[0];

  private BodyReader() {}

  static void read(HttpServerExchange exchange, Then then, Cut cut) throws Exception {
    if (exchange.isRequestComplete()) {
      then.accept(exchange, EMPTY);
      return;
    }
    StreamSourceChannel channel = exchange.getRequestChannel();
    long declared = exchange.getRequestContentLength();
    Sink sink = declared >= 0 && declared <= EXACT_LIMIT
        ? new ExactSink((int) declared) : new GrowingSink(declared);
    boolean whole;
    try {
      whole = sink.drain(channel);
    } catch (IOException ended) {
      cut.accept(exchange);
      return;
    }
    if (whole) {
      Connectors.resetRequestChannel(exchange);
      then.accept(exchange, sink.body());
      return;
    }
    StallWatch.start(exchange, sink::received);
    channel.getReadSetter().set(ch -> {
      HttpHandler next;
      try {
        if (!sink.drain(ch)) {
          return;
        }
        Connectors.resetRequestChannel(exchange);
        next = ex -> then.accept(ex, sink.body());
      } catch (IOException ended) {
        next = cut::accept;
      }
      ch.getReadSetter().set(null);
      ch.suspendReads();
      Connectors.executeRootHandler(next, exchange);
    });
    channel.resumeReads();
  }

  /** Where the bytes of one body go as they arrive. */
  private interface Sink {
    /**
     * Reads what is there; true at the end of the body.
     *
     * @throws IOException when the stream ends before the body does
     */
    boolean drain(StreamSourceChannel channel) throws IOException;

    long received();

    byte[] body();
  }

  /**
   * A body of declared length, read into an array of that size: once it is full the length is
   * reached, and Undertow has already marked the request complete.
   */
  private static final class ExactSink implements Sink {
    private final ByteBuffer buffer;

    ExactSink(int length) {
      this.buffer = ByteBuffer.wrap(new byte[length]);
    }

    @Override
    public boolean drain(StreamSourceChannel channel) throws IOException {
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer);
        if (read == -1) {
          throw new EOFException("the body ended before its Content-Length");
        }
        if (read == 0) {
          return false;
        }
      }
      return true;
    }

    @Override
    public long received() {
      return buffer.position();
    }

    @Override
    public byte[] body() {
      byte[] array = buffer.array();
      return buffer.position() == array.length
          ? array : Arrays.copyOf(array, buffer.position());
    }
  }

  /** A chunked or large body, read a buffer at a time. */
  private static final class GrowingSink implements Sink {
    /** The declared length, or -1 for a chunked body. */
    private final long declared;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER_SIZE);

    GrowingSink(long declared) {
      this.declared = declared;
    }

    @Override
    public boolean drain(StreamSourceChannel channel) throws IOException {
      while (true) {
        buffer.clear();
        int read = channel.read(buffer);
        if (read == -1) {
          if (declared >= 0 && out.size() < declared) {
            throw new EOFException("the body ended before its Content-Length");
          }
          return true;
        }
        if (read == 0) {
          return false;
        }
        out.write(buffer.array(), 0, read);
      }
    }

    @Override
    public long received() {
      return out.size();
    }

    @Override
    public byte[] body() {
      return out.toByteArray();
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
