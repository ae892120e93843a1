package dev.tombstone.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides where the S3 requests of one server run.
 *
 * <ul>
 *   <li>No body, or a body up to {@link #IO_THREAD_LIMIT}: read and served on the I/O thread.
 *       The protocol works in memory, and for such requests a hand-over to a worker would cost
 *       more (two context switches) than the work itself.
 *   <li>A body up to {@link #LIMIT}: read on the I/O thread without blocking, then served there
 *       too when no other such request is being served, else by one of as many threads as the
 *       machine has cores, first come first served. Alone, a DeleteObjects of 1,000 keys (half
 *       a millisecond of work) is quicker without the hand-over; among others it would hold up
 *       the other connections of its I/O thread, which halved DeleteObjects' throughput at 16
 *       connections in interleaved runs. The work is all CPU, so more threads than cores would
 *       only share the cores among more requests at once and finish each of them later.
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

  /** Serves the buffered large requests that did not arrive alone, in arrival order. */
  private final Executor cores = coreThreads();

  /**
   * Serves {@code exchange}: small requests, and a larger one alone, on the I/O thread through
   * {@code small}; other buffered ones through {@code small} on a core thread; streamed ones on a
   * worker through {@code blocking}, which then reads the body as a stream. A buffered body that
   * ends early goes to {@code cut}.
   */
  void serve(HttpServerExchange exchange, BodyReader.Then small, BodyReader.Cut cut,
      HttpHandler blocking) throws Exception {
    long length = exchange.getRequestContentLength();
    if (length == 0
        || (length < 0 && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING))) {
      if (HttpContinue.requiresContinueResponse(exchange)) {
        continueFirst(exchange, small);
      } else {
        small.accept(exchange, new byte[0]);
      }
    } else if (length < 0 || length > LIMIT || HttpContinue.requiresContinueResponse(exchange)) {
      exchange.dispatch(blocking);
    } else if (length <= IO_THREAD_LIMIT) {
      BodyReader.read(exchange, small, cut);
    } else {
      boolean alone = largeInFlight.getAndIncrement() == 0;
      exchange.addExchangeCompleteListener((ex, next) -> {
        largeInFlight.decrementAndGet();
        next.proceed();
      });
      BodyReader.read(exchange, alone ? small : (ex, body) ->
          ex.dispatch(cores, (HttpHandler) dispatched -> small.accept(dispatched, body)), cut);
    }
  }

  /**
   * Answers a request without a body that asked for {@code 100 Continue} only after sending it,
   * as S3 does. A final answer in its place is allowed, but botocore keeps such an early answer
   * on its pooled connection and misreads the answer to the next request that gets a
   * {@code 100 Continue}: boto3 then waits forever (a PutObject after an empty PutObject).
   */
  private static void continueFirst(HttpServerExchange exchange, BodyReader.Then small)
      throws Exception {
    HttpContinue.ContinueResponseSender sender = HttpContinue.createResponseSender(exchange);
    if (sender.send()) {
      small.accept(exchange, new byte[0]);
      return;
    }
    // The socket took only part of it: finish on a worker, which may wait for the client.
    exchange.dispatch((HttpHandler) dispatched -> {
      while (!sender.send()) {
        sender.awaitWritable();
      }
      small.accept(dispatched, new byte[0]);
    });
  }

  /**
   * One thread per core, made when work comes and gone after a second without any, so an idle
   * emulator (or the many of a test run) holds none.
   */
  private static Executor coreThreads() {
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicInteger made = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), work -> {
          Thread thread = new Thread(work, "tombstone-s3-batch-" + made.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
