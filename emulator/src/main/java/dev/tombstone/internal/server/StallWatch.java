package dev.tombstone.internal.server;

import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.xnio.IoUtils;

/**
 * Closes the connection of a request whose body stops arriving: when the bytes received have
 * not grown for the read timeout, the client is taken to have stalled and nothing answers it.
 * Armed only when a body did not arrive in the first read, so a request that comes in whole
 * costs no timer; the timeout is the server's idle timeout ({@code NO_REQUEST_TIMEOUT}), which
 * closes idle keep-alive connections after the same time.
 */
final class StallWatch implements Runnable {
  private static final int DEFAULT_TIMEOUT_MILLIS = 60_000;

  private final HttpServerExchange exchange;
  private final LongSupplier received;
  private final long timeoutMillis;
  private long seen;

  private StallWatch(HttpServerExchange exchange, LongSupplier received, long timeoutMillis) {
    this.exchange = exchange;
    this.received = received;
    this.timeoutMillis = timeoutMillis;
    this.seen = received.getAsLong();
  }

  /** Starts watching; {@code received} counts the body bytes read so far. */
  static void start(HttpServerExchange exchange, LongSupplier received) {
    int timeout = exchange.getConnection().getUndertowOptions()
        .get(UndertowOptions.NO_REQUEST_TIMEOUT, DEFAULT_TIMEOUT_MILLIS);
    if (timeout > 0) {
      new StallWatch(exchange, received, timeout).schedule();
    }
  }

  private void schedule() {
    exchange.getIoThread().executeAfter(this, timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void run() {
    if (exchange.isRequestComplete() || exchange.isResponseStarted()
        || !exchange.getConnection().isOpen()) {
      return;
    }
    long now = received.getAsLong();
    if (now == seen) {
      exchange.setPersistent(false);
      IoUtils.safeClose(exchange.getConnection());
      return;
    }
    seen = now;
    schedule();
  }
}
