package dev.tombstone.internal.server;

import dev.tombstone.internal.dynamodb.protocol.MagnetoDbRestProtocol;
import dev.tombstone.internal.dynamodb.protocol.MagnetoDbResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/** Reads a MagnetoDB REST request off the wire, hands it to the protocol, writes the answer. */
final class MagnetoDbHttpHandler implements HttpHandler {
  private final MagnetoDbRestProtocol protocol;

  MagnetoDbHttpHandler(Emulator emulator) {
    this.protocol = new MagnetoDbRestProtocol(emulator.namespaces());
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    JsonBodies.read(exchange, this::respond);
  }

  private void respond(HttpServerExchange exchange, byte[] body) {
    exchange.putAttachment(RequestJournal.BODY, body);
    MagnetoDbResponse response = protocol.handle(
        exchange.getRequestMethod().toString(), exchange.getRequestPath(),
        exchange.getQueryString(), body);
    ResponseEnvelope.beginPlain(exchange, response.status());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    ResponseEnvelope.send(exchange, ByteBuffer.wrap(response.body()), true);
  }
}
