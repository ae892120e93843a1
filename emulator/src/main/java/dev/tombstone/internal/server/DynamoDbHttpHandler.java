package dev.tombstone.internal.server;

import dev.tombstone.internal.dynamodb.protocol.DynamoDbJsonProtocol;
import dev.tombstone.internal.dynamodb.protocol.JsonResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;

/** Reads a DynamoDB JSON request off the wire, hands it to the protocol, writes the answer. */
final class DynamoDbHttpHandler implements HttpHandler {
  private static final String DESCRIBE_ENDPOINTS = ".DescribeEndpoints";
  private static final HttpString CRC32 = new HttpString("x-amz-crc32");

  private final DynamoDbJsonProtocol protocol;
  private final ResponseEnvelope envelope;

  private final SignatureLayer signatures;

  /** @param signatures strict mode's check, or null */
  DynamoDbHttpHandler(Emulator emulator, ResponseEnvelope envelope, SignatureLayer signatures) {
    this.protocol = new DynamoDbJsonProtocol(emulator.dynamoDb(), emulator.attachments(),
        emulator.transfers());
    this.envelope = envelope;
    this.signatures = signatures;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    JsonBodies.read(exchange, this::respond);
  }

  private void respond(HttpServerExchange exchange, byte[] body) {
    // The fault layer may have attached what the client sent and passed on a partial batch.
    if (exchange.getAttachment(RequestJournal.BODY) == null) {
      exchange.putAttachment(RequestJournal.BODY, body);
    }
    String target = exchange.getRequestHeaders().getFirst(Router.X_AMZ_TARGET);
    // Only DescribeEndpoints reads the host; the others are spared building its text.
    String host = target != null && target.endsWith(DESCRIBE_ENDPOINTS)
        ? exchange.getHostAndPort() : null;
    // Strict mode checks the signature once the body has parsed and the target is known.
    JsonResponse response = signatures == null ? protocol.handle(target, body, host)
        : protocol.handle(target, body, host, () -> admitted(exchange, body));
    if (response == null) {
      return;
    }
    if (PartialAnswers.pending(exchange)) {
      response = new JsonResponse(response.status(),
          PartialAnswers.complete(exchange, response.status(), response.body()));
    }
    envelope.beginDynamoDb(exchange, response.status());
    var headers = exchange.getResponseHeaders();
    headers.put(Headers.CONTENT_TYPE, contentType(exchange));
    headers.put(CRC32, response.crc32Text());
    ResponseEnvelope.send(exchange, ByteBuffer.wrap(response.body()), true);
  }

  private boolean admitted(HttpServerExchange exchange, byte[] body) {
    try {
      return signatures.admitDynamoDb(exchange, body);
    } catch (Exception e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The answer's content type: see {@link DynamoDbContentType#answerFor}. */
  static String contentType(HttpServerExchange exchange) {
    return DynamoDbContentType.answerFor(
        exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
  }
}
