package dev.tombstone.internal.server;

import dev.tombstone.internal.dynamodb.protocol.DynamoDbJsonProtocol;
import dev.tombstone.internal.dynamodb.protocol.JsonResponse;
import dev.tombstone.internal.server.faults.PartialAnswers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Reads a DynamoDB JSON request off the wire, hands it to the protocol, writes the answer. */
final class DynamoDbHttpHandler implements HttpHandler {
  private static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
  private static final HttpString CRC32 = new HttpString("x-amz-crc32");
  // RFC 7231 IMF-fixdate; RFC_1123_DATE_TIME would drop the leading zero of the day.
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final Emulator emulator;
  private final DynamoDbJsonProtocol protocol;

  DynamoDbHttpHandler(Emulator emulator) {
    this.emulator = emulator;
    this.protocol = new DynamoDbJsonProtocol(emulator.dynamoDb());
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    JsonBodies.read(exchange, this::respond);
  }

  private void respond(HttpServerExchange exchange, byte[] body) {
    exchange.putAttachment(RequestJournal.BODY, body);
    String target = exchange.getRequestHeaders().getFirst(Router.X_AMZ_TARGET);
    JsonResponse response = protocol.handle(target, body);
    if (PartialAnswers.pending(exchange)) {
      response = new JsonResponse(response.status(),
          PartialAnswers.complete(exchange, response.status(), response.body()));
    }
    exchange.setStatusCode(response.status());
    var headers = exchange.getResponseHeaders();
    headers.put(Headers.CONTENT_TYPE, contentType(exchange));
    headers.put(REQUEST_ID, RequestIds.next());
    headers.put(CRC32, Long.toString(response.crc32()));
    headers.put(Headers.DATE, httpDate(emulator));
    headers.put(Headers.CONTENT_LENGTH, response.body().length);
    exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
  }

  private static String contentType(HttpServerExchange exchange) {
    String requested = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    return requested != null && requested.trim().toLowerCase().startsWith("application/json")
        ? "application/json"
        : "application/x-amz-json-1.0";
  }

  static String httpDate(Emulator emulator) {
    return HTTP_DATE.format(emulator.clock().instant());
  }
}
