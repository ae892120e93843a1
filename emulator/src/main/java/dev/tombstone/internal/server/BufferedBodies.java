package dev.tombstone.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;

/**
 * Reads small S3 request bodies on the I/O thread, without blocking, before the blocking S3
 * handler gets a worker thread. A client that sends its headers and then stalls in the middle
 * of such a body therefore holds no worker: hundreds of them cannot starve real requests.
 * Larger bodies (and bodies the client sends only after {@code 100 Continue}) are streamed on
 * a worker as before, and a stall there holds that worker until the read timeout.
 */
final class BufferedBodies {
  /** Bodies up to this declared length are read before a worker is taken. */
  static final long LIMIT = 1024 * 1024;

  private BufferedBodies() {}

  /** Dispatches {@code next} to a worker, once a small body has arrived in full. */
  static void dispatch(HttpServerExchange exchange, HttpHandler next) throws Exception {
    long length = exchange.getRequestContentLength();
    if (length <= 0 || length > LIMIT || HttpContinue.requiresContinueResponse(exchange)) {
      exchange.dispatch(next);
      return;
    }
    BodyReader.read(exchange, (ex, body) -> {
      BodyReader.putBack(ex, body);
      ex.dispatch(next);
    });
  }
}
