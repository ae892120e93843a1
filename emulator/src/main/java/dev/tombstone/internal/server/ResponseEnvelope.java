package dev.tombstone.internal.server;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.internal.s3.protocol.ResponseIds;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;

/**
 * The one place a response gets what every answer of its protocol carries: the status, the
 * request id(s), {@code Date} from the emulator's clock, {@code Server}, then
 * {@code Content-Length} and the body. Handlers add only the headers particular to an answer,
 * between {@code begin} and {@link #send}.
 *
 * <ul>
 *   <li>DynamoDB: {@code x-amzn-RequestId}, {@code Date} and, for a request with an
 *       {@code Origin}, {@code Access-Control-Allow-Origin: *}.
 *   <li>S3: {@code x-amz-request-id}, {@code x-amz-id-2}, {@code Date} and
 *       {@code Server: AmazonS3}.
 *   <li>MagnetoDB, the admin endpoints and the 413 for an oversized JSON body: none of those.
 * </ul>
 */
final class ResponseEnvelope {
  private static final HttpString AMZN_REQUEST_ID = new HttpString("x-amzn-RequestId");
  private static final HttpString S3_REQUEST_ID = new HttpString("x-amz-request-id");
  private static final HttpString S3_HOST_ID = new HttpString("x-amz-id-2");
  private static final String S3_SERVER = "AmazonS3";
  private static final String[] SHORT_LENGTHS = new String[1024];
  private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final Clock clock;
  // Formatting a date costs more than the rest of the envelope; it changes once a second.
  private volatile FormattedDate lastDate = new FormattedDate(Long.MIN_VALUE, "");

  /** @param clock the source of the {@code Date} header */
  ResponseEnvelope(Clock clock) {
    this.clock = clock;
  }

  /**
   * Starts a DynamoDB JSON answer: status, a fresh request id, {@code Date}, and
   * {@code Access-Control-Allow-Origin: *} for a request with an {@code Origin}.
   */
  void beginDynamoDb(HttpServerExchange exchange, int status) {
    exchange.setStatusCode(status);
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(AMZN_REQUEST_ID, RequestIds.next());
    headers.put(Headers.DATE, date());
    DynamoDbCors.allowOrigin(exchange);
  }

  /**
   * Starts an S3 answer: status, the ids (made before the protocol ran, as its error documents
   * repeat them), {@code Date} and {@code Server}.
   */
  void beginS3(HttpServerExchange exchange, int status, ResponseIds ids) {
    exchange.setStatusCode(status);
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(S3_REQUEST_ID, ids.requestId());
    headers.put(S3_HOST_ID, ids.hostId());
    headers.put(Headers.DATE, date());
    headers.put(Headers.SERVER, S3_SERVER);
  }

  /** Starts an answer that carries no ids and no {@code Date}: MagnetoDB, admin, 413. */
  static void beginPlain(HttpServerExchange exchange, int status) {
    exchange.setStatusCode(status);
  }

  /**
   * Ends the answer with {@code body}: sets {@code Content-Length} to its size, unless the
   * handler set the header (a HEAD reporting an object's size) or the status allows no body
   * (204, 304, which send none), then sends it.
   *
   * @param sendBody false for HEAD: the length is reported, the bytes are not sent
   */
  static void send(HttpServerExchange exchange, ByteBuffer body, boolean sendBody) {
    int status = exchange.getStatusCode();
    HeaderMap headers = exchange.getResponseHeaders();
    if (!headers.contains(Headers.CONTENT_LENGTH) && status != 204 && status != 304) {
      headers.put(Headers.CONTENT_LENGTH, lengthText(body.remaining()));
    }
    if (sendBody && body.hasRemaining() && status != 204 && status != 304) {
      exchange.getResponseSender().send(body);
    } else {
      exchange.endExchange();
    }
  }

  /** A length as header text; lengths of short answers are kept, made once each. */
  private static String lengthText(int length) {
    if (length >= SHORT_LENGTHS.length) {
      return Integer.toString(length);
    }
    String text = SHORT_LENGTHS[length];
    if (text == null) {
      // A race makes equal texts twice at worst.
      text = Integer.toString(length);
      SHORT_LENGTHS[length] = text;
    }
    return text;
  }

  /** Ends the answer with no body. */
  static void sendEmpty(HttpServerExchange exchange) {
    send(exchange, NO_BODY, true);
  }

  private String date() {
    // millis(), not instant(): the system clock's makes no object.
    long epochSecond = Math.floorDiv(clock.millis(), 1000);
    FormattedDate last = lastDate;
    if (last.epochSecond() == epochSecond) {
      return last.text();
    }
    String text = HttpDates.format(Instant.ofEpochSecond(epochSecond));
    lastDate = new FormattedDate(epochSecond, text);
    return text;
  }

  private record FormattedDate(long epochSecond, String text) {}
}
