package dev.tombstone.scenarios.apps;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An HTTP API CORS configuration: allowed origins, methods and headers. A preflight from an
 * allowed origin for an allowed method is answered 204 with the allow headers; any other
 * preflight gets 204 without them, so the browser refuses the real request.
 *
 * @param origins allowed origins, exactly as browsers send them
 * @param methods allowed methods
 * @param headers allowed request headers
 */
record Cors(Set<String> origins, List<String> methods, List<String> headers) {
  Cors {
    origins = Set.copyOf(origins);
    methods = List.copyOf(methods);
    headers = List.copyOf(headers);
  }

  /** Flow B's configuration: the frontend origin, GET/POST/DELETE, Content-Type. */
  static Cors uploadDashboard(String origin) {
    return new Cors(Set.of(origin), List.of("GET", "POST", "DELETE"), List.of("Content-Type"));
  }

  /** Whether the request is a preflight: OPTIONS with Access-Control-Request-Method. */
  static boolean isPreflight(String method, Optional<String> requestMethod) {
    return method.equals("OPTIONS") && requestMethod.isPresent();
  }

  /** The headers answering a preflight; empty when origin, method or headers are not allowed. */
  Map<String, String> preflight(Optional<String> origin, String requestMethod,
      Optional<String> requestHeaders) {
    Map<String, String> answer = new TreeMap<>();
    if (origin.isEmpty() || !origins.contains(origin.get()) || !methods.contains(requestMethod)
        || !headersAllowed(requestHeaders)) {
      return answer;
    }
    answer.put("Access-Control-Allow-Origin", origin.get());
    answer.put("Access-Control-Allow-Methods", String.join(",", methods));
    answer.put("Access-Control-Allow-Headers", String.join(",", headers));
    return answer;
  }

  /** The headers added to an actual (non-preflight) response. */
  Map<String, String> actual(Optional<String> origin) {
    return origin.filter(origins::contains)
        .map(o -> Map.of("Access-Control-Allow-Origin", o))
        .orElse(Map.of());
  }

  private boolean headersAllowed(Optional<String> requested) {
    if (requested.isEmpty() || requested.get().isBlank()) {
      return true;
    }
    for (String name : requested.get().split(",")) {
      if (headers.stream().noneMatch(h -> h.equalsIgnoreCase(name.trim()))) {
        return false;
      }
    }
    return true;
  }
}
