package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;

/**
 * Decides where an S3 request runs. A request with no body, or with a small one, is read on the
 * I/O thread without blocking and served there: the protocol works in memory, so a hand-over to
 * a worker would only add two context switches. A client that sends its headers and then stalls
 * in the middle of such a body therefore holds no thread at all. Larger bodies, bodies of
 * unknown length and bodies the client sends only after {@code 100 Continue} are streamed on a
 * worker, where a stall holds that worker until the read timeout.
 */
final class BufferedBodies {
  /** Bodies up to this declared length are read on the I/O thread. */
  static final long LIMIT = 1024 * 1024;

  private BufferedBodies() {}

  /**
   * Reads the body and calls {@code then} on the I/O thread, or returns false when the request
   * must be streamed on a worker instead.
   */
  static boolean serveOnIoThread(HttpServerExchange exchange, BodyReader.Then then)
      throws Exception {
    long length = exchange.getRequestContentLength();
    if (length == 0
        || (length < 0 && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING))) {
      then.accept(exchange, new byte[0]);
      return true;
    }
    if (length < 0 || length > LIMIT || HttpContinue.requiresContinueResponse(exchange)) {
      return false;
    }
    BodyReader.read(exchange, then);
    return true;
  }
}
