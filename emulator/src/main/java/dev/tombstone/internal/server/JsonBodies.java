package dev.tombstone.internal.server;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Reads the JSON body of a DynamoDB or MagnetoDB request, at most 16 MiB; a larger one is
 * answered 413 with no body, and the connection is closed.
 *
 * <p>A body somewhat over the limit is read and discarded before the 413 goes out: most
 * clients send the whole body before they read the answer, and a server that closes the
 * connection with unread data in it makes the client's socket see a reset, which loses the 413.
 * Only bodies declared beyond {@link #DRAIN_LIMIT} (or streamed past it) are cut off at once.
 * A body that ends before its length or its last chunk is never handled: see
 * {@link ShortBodies#closeUnanswered}.
 */
final class JsonBodies {
  /** DynamoDB's request size limit. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  /** How much of an oversized body is read and dropped so its client sees the 413. */
  static final long DRAIN_LIMIT = 4 * MAX_BODY_BYTES;

  private JsonBodies() {}

  /** Calls {@code handler} with the whole body, or answers 413 itself. */
  static void read(HttpServerExchange exchange, Receiver.FullBytesCallback handler)
      throws Exception {
    long declared = exchange.getRequestContentLength();
    if (declared > DRAIN_LIMIT) {
      tooLarge(exchange);
      return;
    }
    if (declared > MAX_BODY_BYTES) {
      exchange.setMaxEntitySize(DRAIN_LIMIT);
      long[] drained = {0};
      exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
        drained[0] += chunk.length;
        if (last) {
          tooLarge(ex);
        }
      }, JsonBodies::onReadError);
      watchUnlessDone(exchange, () -> drained[0]);
      return;
    }
    if (declared < 0) {
      // Chunked: Undertow's entity size limit covers declared lengths only, so count here.
      readUndeclared(exchange, handler);
      return;
    }
    exchange.setMaxEntitySize(MAX_BODY_BYTES);
    BodyReader.read(exchange, handler::handle, ShortBodies::closeUnanswered);
  }

  private static void readUndeclared(HttpServerExchange exchange,
      Receiver.FullBytesCallback handler) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long[] seen = {0};
    exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
      if (ex.isResponseStarted()) {
        return;
      }
      seen[0] += chunk.length;
      if (seen[0] <= MAX_BODY_BYTES) {
        body.write(chunk, 0, chunk.length);
      } else if (seen[0] > DRAIN_LIMIT) {
        tooLarge(ex);
        return;
      }
      if (last) {
        if (seen[0] > MAX_BODY_BYTES) {
          tooLarge(ex);
        } else {
          handler.handle(ex, body.toByteArray());
        }
      }
    }, JsonBodies::onReadError);
    watchUnlessDone(exchange, () -> seen[0]);
  }

  private static void watchUnlessDone(HttpServerExchange exchange, LongSupplier received) {
    if (!exchange.isRequestComplete() && !exchange.isResponseStarted()) {
      StallWatch.start(exchange, received);
    }
  }

  private static void onReadError(HttpServerExchange exchange, IOException error) {
    if (exchange.isResponseStarted()) {
      return;
    }
    if (error instanceof RequestTooBigException) {
      tooLarge(exchange);
    } else {
      // The body ended early: the client half-closed or went away.
      ShortBodies.closeUnanswered(exchange);
    }
  }

  private static void tooLarge(HttpServerExchange exchange) {
    exchange.setPersistent(false);
    ResponseEnvelope.beginPlain(exchange, 413);
    ResponseEnvelope.sendEmpty(exchange);
  }
}
