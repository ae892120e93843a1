package dev.tombstone.internal.server;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xnio.Option;
import org.xnio.Options;

/** The Undertow server behind one port. Internal. */
public final class HttpServer {
  private final Undertow undertow;
  private final int port;

  private HttpServer(Undertow undertow, int port) {
    this.undertow = undertow;
    this.port = port;
  }

  /**
   * How long a connection may send nothing while the server waits to read from it: a client
   * that stalls in the middle of its request head or body would otherwise hold a connection (or
   * a worker thread) for ever. The same limit closes keep-alive connections idle for that long.
   */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /** Binds {@code host:port} and serves every protocol of {@code emulator}. */
  public static HttpServer start(String host, int port, Emulator emulator) {
    return start(host, port, emulator, READ_TIMEOUT);
  }

  @SuppressWarnings("deprecation") // ALLOW_ENCODED_SLASH, deprecated in Undertow 2.4
  static HttpServer start(String host, int port, Emulator emulator, Duration readTimeout) {
    QuietLogging.apply();
    Warmup.startInBackground();
    Undertow undertow =
        Undertow.builder()
            .addHttpListener(port, host)
            .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .setWorkerThreads(Math.max(32, Runtime.getRuntime().availableProcessors() * 8))
            .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
            .setServerOption(allowEncodedSlash(), true)
            .setServerOption(UndertowOptions.DECODE_URL, false)
            .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
            .setServerOption(UndertowOptions.MAX_HEADER_SIZE, HeaderLimits.SERVER_MAX_HEAD)
            .setServerOption(UndertowOptions.ENABLE_STATISTICS, false)
            .setSocketOption(Options.REUSE_ADDRESSES, true)
            // Idle keep-alive connections and stalled request heads; StallWatch reads the
            // first for stalled bodies. XNIO's READ_TIMEOUT would do all three, but costs a
            // timer update on every read of every request.
            .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT,
                Math.toIntExact(readTimeout.toMillis()))
            .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT,
                Math.toIntExact(readTimeout.toMillis()))
            .setHandler(new Router(emulator))
            .build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      // A taken port (BindException) or a host name that does not resolve (UnknownHostException).
      if (cause instanceof IOException io) {
        throw new UncheckedIOException("cannot bind " + host + ":" + port + ": " + io.getMessage(),
            io);
      }
      throw e;
    }
    InetSocketAddress address =
        (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    return new HttpServer(undertow, address.getPort());
  }

  // Undertow 2.4 deprecates this option in favour of DECODE_SLASH. S3 keys may hold "%2F" and
  // the routing vectors pin how they are served today; moving to the new option is a change of
  // its own, so the old one stays, and only here.
  @SuppressWarnings("deprecation")
  private static Option<Boolean> allowEncodedSlash() {
    return UndertowOptions.ALLOW_ENCODED_SLASH;
  }

  public int port() {
    return port;
  }

  public void stop() {
    undertow.stop();
  }
}
