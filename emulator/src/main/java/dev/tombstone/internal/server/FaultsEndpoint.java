package dev.tombstone.internal.server;

import dev.tombstone.faults.FaultRule;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /_tombstone/faults}: {@code POST} adds a rule ({@code {"id":"fault-1"}}), {@code GET}
 * lists them with their fired counts, {@code DELETE} clears them;
 * {@code GET|DELETE /_tombstone/faults/<id>} reads or removes one. Internal.
 */
public final class FaultsEndpoint {
  /** The path this endpoint serves, and the prefix of its per-rule paths. */
  public static final String PATH = "/_tombstone/faults";

  private final FaultRules rules;

  public FaultsEndpoint(FaultRules rules) {
    this.rules = rules;
  }

  /** Whether {@code path} belongs to this endpoint. */
  public static boolean serves(String path) {
    return path.equals(PATH) || path.startsWith(PATH + "/");
  }

  public void handle(HttpServerExchange exchange) {
    String path = exchange.getRequestPath();
    HttpString method = exchange.getRequestMethod();
    if (path.equals(PATH) || path.equals(PATH + "/")) {
      if (method.equals(Methods.POST)) {
        exchange.getRequestReceiver().receiveFullBytes(this::add,
            (ex, e) -> send(ex, 400, error("the rule could not be read: " + e.getMessage())));
      } else if (method.equals(Methods.GET)) {
        List<Object> list = new ArrayList<>();
        for (FaultRule rule : rules.list()) {
          list.add(RuleJson.render(rule));
        }
        send(exchange, 200, Map.of("rules", list));
      } else if (method.equals(Methods.DELETE)) {
        int count = rules.list().size();
        rules.clear();
        send(exchange, 200, Map.of("removed", new JsonTree.Num(Integer.toString(count))));
      } else {
        methodNotAllowed(exchange, "GET, POST, DELETE");
      }
      return;
    }
    String id = path.substring(PATH.length() + 1);
    if (method.equals(Methods.GET)) {
      rules.get(id).ifPresentOrElse(rule -> send(exchange, 200, RuleJson.render(rule)),
          () -> send(exchange, 404, error("no fault rule with id " + id)));
    } else if (method.equals(Methods.DELETE)) {
      if (rules.remove(id)) {
        send(exchange, 200, Map.of("removed", new JsonTree.Num("1")));
      } else {
        send(exchange, 404, error("no fault rule with id " + id));
      }
    } else {
      methodNotAllowed(exchange, "GET, DELETE");
    }
  }

  private void add(HttpServerExchange exchange, byte[] body) {
    try {
      FaultRule rule = rules.add(RuleJson.parse(body));
      send(exchange, 200, Map.of("id", rule.id()));
    } catch (IllegalArgumentException e) {
      send(exchange, 400, error(e.getMessage()));
    }
  }

  private static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }

  private static void methodNotAllowed(HttpServerExchange exchange, String allowed) {
    exchange.getResponseHeaders().put(Headers.ALLOW, allowed);
    send(exchange, 405, error("method not allowed"));
  }

  private static void send(HttpServerExchange exchange, int status, Object json) {
    byte[] body = JsonTree.write(json);
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }
}
