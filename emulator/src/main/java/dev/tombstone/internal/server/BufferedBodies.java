package dev.tombstone.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides where the S3 requests of one server run.
 *
 * <ul>
 *   <li>No body, or a body up to {@link #IO_THREAD_LIMIT}: read and served on the I/O thread.
 *       The protocol works in memory, and for such requests a hand-over to a worker would cost
 *       more (two context switches) than the work itself.
 *   <li>A body up to {@link #LIMIT}: read on the I/O thread without blocking, then served there
 *       too when no other such request is being served, else on a worker. Alone, a
 *       DeleteObjects of 1,000 keys (half a millisecond of work) is quicker without the
 *       hand-over; among others it would hold up the other connections of its I/O thread,
 *       which halved DeleteObjects' throughput at 16 connections in interleaved runs.
 *   <li>Larger bodies, bodies of unknown length and bodies sent only after
 *       {@code 100 Continue}: streamed on a worker.
 * </ul>
 *
 * <p>A client that sends its headers and then stalls in the middle of a body of the first two
 * kinds therefore holds no thread at all; a stall in a streamed body holds its worker until the
 * read timeout.
 */
final class BufferedBodies {
  /** Requests with bodies up to this declared length are served on the I/O thread. */
  static final long IO_THREAD_LIMIT = 16 * 1024;
  /** Bodies up to this declared length are read before a worker is taken. */
  static final long LIMIT = 1024 * 1024;

  /** Requests with bodies above {@link #IO_THREAD_LIMIT} and up to {@link #LIMIT} being served. */
  private final AtomicInteger largeInFlight = new AtomicInteger();

  /**
   * Serves {@code exchange}: small requests, and a larger one alone, on the I/O thread through
   * {@code small}; the others on a worker through {@code blocking}, which then reads the body as
   * a stream.
   */
  void serve(HttpServerExchange exchange, BodyReader.Then small, HttpHandler blocking)
      throws Exception {
    long length = exchange.getRequestContentLength();
    if (length == 0
        || (length < 0 && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING))) {
      small.accept(exchange, new byte[0]);
    } else if (length < 0 || length > LIMIT || HttpContinue.requiresContinueResponse(exchange)) {
      exchange.dispatch(blocking);
    } else if (length <= IO_THREAD_LIMIT) {
      BodyReader.read(exchange, small);
    } else {
      boolean alone = largeInFlight.getAndIncrement() == 0;
      exchange.addExchangeCompleteListener((ex, next) -> {
        largeInFlight.decrementAndGet();
        next.proceed();
      });
      BodyReader.read(exchange, alone ? small : (ex, body) -> {
        BodyReader.putBack(ex, body);
        ex.dispatch(blocking);
      });
    }
  }
}
