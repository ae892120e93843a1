package dev.tombstone.internal.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /_tombstone/clock} answers {@code {"now":"<instant>"}}; {@code POST} with
 * {@code {"advance":"PT48H"}} or {@code {"set":"2026-01-01T00:00:00Z"}} moves a manual clock,
 * runs the expiry that became due, and answers the new time. A body it cannot use gets a 400
 * that says why; a clock that is not manual gets a 409.
 */
final class ClockEndpoint {
  static final String PATH = "/_tombstone/clock";
  private static final int MAX_BODY = 4096;

  private final Emulator emulator;

  ClockEndpoint(Emulator emulator) {
    this.emulator = emulator;
  }

  void handle(HttpServerExchange exchange) {
    if (exchange.getRequestMethod().equals(Methods.GET)
        || exchange.getRequestMethod().equals(Methods.HEAD)) {
      AdminHandler.send(exchange, 200, now(emulator.clock().instant()));
    } else if (exchange.getRequestMethod().equals(Methods.POST)) {
      if (exchange.getRequestContentLength() > MAX_BODY) {
        AdminHandler.send(exchange, 400, error("the body must be a small JSON object such as"
            + " {\"advance\":\"PT48H\"} or {\"set\":\"2026-01-01T00:00:00Z\"}"));
        return;
      }
      exchange.getRequestReceiver().receiveFullBytes(
          (ex, body) -> AdminHandler.sendJson(ex, move(body)),
          (ex, e) -> ex.endExchange());
    } else {
      AdminHandler.methodNotAllowed(exchange, "GET, HEAD, POST");
    }
  }

  private AdminHandler.Answer move(byte[] body) {
    Optional<ClockControl> control = emulator.clockControl();
    if (control.isEmpty()) {
      return new AdminHandler.Answer(409, error("the clock is not manual, so it cannot be moved;"
          + " start Tombstone with --clock manual (or a ManualClock on the builder)"));
    }
    Request request;
    try {
      request = parse(body);
    } catch (BadBody e) {
      return new AdminHandler.Answer(400, error(e.getMessage()));
    }
    try {
      Instant now = request.advance() != null
          ? control.get().advance(request.advance())
          : control.get().set(request.set());
      return new AdminHandler.Answer(200, now(now));
    } catch (IllegalArgumentException e) {
      return new AdminHandler.Answer(400, error(e.getMessage()));
    }
  }

  private record Request(Duration advance, Instant set) {}

  private static Request parse(byte[] body) throws BadBody {
    if (body.length == 0) {
      throw new BadBody("the body is empty: send {\"advance\":\"<ISO-8601 duration>\"}"
          + " or {\"set\":\"<ISO-8601 instant>\"}");
    }
    String advance = null;
    String set = null;
    try (JsonParser parser = Parsers.FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BadBody("the body must be a JSON object: {\"advance\":\"<ISO-8601 duration>\"}"
            + " or {\"set\":\"<ISO-8601 instant>\"}");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!name.equals("advance") && !name.equals("set")) {
          throw new BadBody("unknown member \"" + name
              + "\": use \"advance\" or \"set\"");
        }
        if (value != JsonToken.VALUE_STRING) {
          throw new BadBody("\"" + name + "\" must be a string");
        }
        if (name.equals("advance")) {
          advance = parser.getText();
        } else {
          set = parser.getText();
        }
      }
      if (parser.nextToken() != null) {
        throw new BadBody("the body must hold one JSON object and nothing after it");
      }
    } catch (IOException e) {
      throw new BadBody("the body is not valid JSON: {\"advance\":\"<ISO-8601 duration>\"}"
          + " or {\"set\":\"<ISO-8601 instant>\"} was expected");
    }
    if ((advance == null) == (set == null)) {
      throw new BadBody("give exactly one of \"advance\" (an ISO-8601 duration such as"
          + " \"PT48H\") and \"set\" (an ISO-8601 instant such as \"2026-01-01T00:00:00Z\")");
    }
    if (advance != null) {
      try {
        return new Request(Duration.parse(advance), null);
      } catch (DateTimeParseException e) {
        throw new BadBody("\"advance\" must be an ISO-8601 duration such as \"PT48H\" or"
            + " \"P2D\", was \"" + advance + "\"");
      }
    }
    try {
      return new Request(null, Instant.parse(set));
    } catch (DateTimeParseException e) {
      throw new BadBody("\"set\" must be an ISO-8601 UTC instant such as"
          + " \"2026-01-01T00:00:00Z\", was \"" + set + "\"");
    }
  }

  private static String now(Instant now) {
    return "{\"now\":\"" + now + "\"}";
  }

  private static String error(String message) {
    return "{\"error\":\"" + AdminHandler.jsonEscape(message) + "\"}";
  }

  /** A body the endpoint cannot use; the message is shown to the client. */
  private static final class BadBody extends Exception {
    private static final long serialVersionUID = 1L;

    BadBody(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Made on the first clock request, not when the server starts: at start the warm-up thread
   * is initializing Jackson, and the server's thread would wait for it here.
   */
  private static final class Parsers {
    static final JsonFactory FACTORY = new JsonFactory();
  }
}
