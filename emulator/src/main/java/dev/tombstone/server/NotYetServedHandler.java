package dev.tombstone.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;

/**
 * Answers requests for a protocol this build does not serve yet with that protocol's own
 * "not implemented" error, so clients see a well-formed error instead of a stack trace.
 */
abstract class NotYetServedHandler implements HttpHandler {

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.setStatusCode(501);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType());
    if (exchange.getRequestMethod().equals(Methods.HEAD)) {
      exchange.endExchange();
      return;
    }
    exchange.getResponseSender().send(body(exchange), StandardCharsets.UTF_8);
  }

  abstract String contentType();

  abstract String body(HttpServerExchange exchange);

  /** S3 REST: an {@code <Error>} document with code NotImplemented. */
  static final class S3 extends NotYetServedHandler {
    @Override
    String contentType() {
      return "application/xml";
    }

    @Override
    String body(HttpServerExchange exchange) {
      String requestId = RequestIds.next();
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NotImplemented</Code>"
          + "<Message>A header you provided implies functionality that is not implemented"
          + "</Message><RequestId>" + requestId + "</RequestId></Error>";
    }
  }

  /** MagnetoDB REST: its fault document with status 501. */
  static final class MagnetoDb extends NotYetServedHandler {
    @Override
    String contentType() {
      return "application/json";
    }

    @Override
    String body(HttpServerExchange exchange) {
      return "{\"code\":501,\"title\":\"Not Implemented\",\"explanation\":\"The server does not"
          + " support the action requested by the browser.\",\"error\":{\"message\":\"The"
          + " MagnetoDB dialect is not served by this build\",\"type\":\"NotImplemented\","
          + "\"traceback\":null}}";
    }
  }
}
