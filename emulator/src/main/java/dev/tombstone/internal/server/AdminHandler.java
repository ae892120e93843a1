package dev.tombstone.internal.server;

import dev.tombstone.internal.JsonStrings;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The product's own endpoints: {@code GET /_tombstone/health}, {@code POST /_tombstone/reset},
 * {@code /_tombstone/faults} (see {@link FaultsEndpoint}), {@code GET/POST /_tombstone/clock}
 * ({@link ClockEndpoint}), and {@code GET /_localstack/health} in LocalStack's shape so existing
 * wait scripts work.
 */
final class AdminHandler implements HttpHandler {
  static final String TOMBSTONE_PREFIX = "/_tombstone/";
  static final String LOCALSTACK_PREFIX = "/_localstack/";

  private final Emulator emulator;
  private final FaultsEndpoint faults;
  private final ClockEndpoint clock;

  AdminHandler(Emulator emulator) {
    this.emulator = emulator;
    this.faults = new FaultsEndpoint(emulator.faults());
    this.clock = new ClockEndpoint(emulator);
  }

  /** A status and JSON body to send. */
  record Answer(int status, String json) {}

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    String path = exchange.getRequestPath();
    HttpString method = exchange.getRequestMethod();
    boolean read = method.equals(Methods.GET) || method.equals(Methods.HEAD);
    if (FaultsEndpoint.serves(path)) {
      faults.handle(exchange);
      return;
    }
    switch (path) {
      case "/_tombstone/health" -> {
        if (read) {
          send(exchange, 200, tombstoneHealth());
        } else {
          methodNotAllowed(exchange, "GET, HEAD");
        }
      }
      case "/_tombstone/reset" -> {
        if (method.equals(Methods.POST)) {
          emulator.reset();
          send(exchange, 200, "{\"status\":\"reset\"}");
        } else {
          methodNotAllowed(exchange, "POST");
        }
      }
      case ClockEndpoint.PATH -> clock.handle(exchange);
      case "/_localstack/health" -> {
        if (read) {
          send(exchange, 200, localStackHealth());
        } else {
          methodNotAllowed(exchange, "GET, HEAD");
        }
      }
      default -> send(exchange, 404, "{\"error\":\"no such endpoint: " + jsonEscape(path) + "\"}");
    }
  }

  private static String tombstoneHealth() {
    return "{\"status\":\"running\",\"version\":\"" + Version.current()
        + "\",\"services\":{\"dynamodb\":\"running\",\"s3\":\"running\"}}";
  }

  private static String localStackHealth() {
    return "{\"services\":{\"dynamodb\":\"running\",\"s3\":\"running\"},"
        + "\"edition\":\"tombstone\",\"version\":\"" + Version.current() + "\"}";
  }

  static void methodNotAllowed(HttpServerExchange exchange, String allowed) {
    exchange.getResponseHeaders().put(Headers.ALLOW, allowed);
    send(exchange, 405, "{\"error\":\"method not allowed\"}");
  }

  static void sendJson(HttpServerExchange exchange, Answer answer) {
    send(exchange, answer.status(), answer.json());
  }

  static void send(HttpServerExchange exchange, int status, String json) {
    ResponseEnvelope.beginPlain(exchange, status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    // HEAD reports the length the GET body would have.
    ResponseEnvelope.send(exchange, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)),
        !exchange.getRequestMethod().equals(Methods.HEAD));
  }

  static String jsonEscape(String s) {
    return JsonStrings.escape(s, new StringBuilder(s.length())).toString();
  }
}
