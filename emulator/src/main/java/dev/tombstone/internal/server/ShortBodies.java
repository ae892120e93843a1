package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import org.xnio.IoUtils;

/**
 * What a request gets whose body ended before its {@code Content-Length}, or before its last
 * chunk: the client half-closed the connection, or went away, mid-body. No operation ever runs
 * on the part that arrived.
 */
final class ShortBodies {
  /** The message S3's protocol gives a body stream that ends before its length. */
  private static final String S3_MESSAGE =
      "You did not provide the number of bytes specified by the Content-Length HTTP header";

  private ShortBodies() {}

  /**
   * DynamoDB and MagnetoDB: the connection is closed without an answer, as for a body that
   * stalls. AWS documents no answer for a broken request body, and a connection closed with
   * no answer is what an SDK treats as a transport failure and retries.
   */
  static void closeUnanswered(HttpServerExchange exchange) {
    exchange.setPersistent(false);
    IoUtils.safeClose(exchange.getConnection());
  }

  /** S3: 400 IncompleteBody, and the connection closed after it. */
  static BodyReader.Cut s3(ResponseEnvelope envelope) {
    return exchange -> {
      exchange.setPersistent(false);
      Answers.s3Error(exchange, envelope, 400, "IncompleteBody", S3_MESSAGE);
    };
  }
}
