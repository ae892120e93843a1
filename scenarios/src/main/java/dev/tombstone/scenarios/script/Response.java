package dev.tombstone.scenarios.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as the checks see it: status, headers (names case-insensitive) and body text.
 *
 * @param status  HTTP status
 * @param headers header values by name, ordered case-insensitively
 * @param body    the body decoded as UTF-8
 */
public record Response(int status, Map<String, List<String>> headers, String body) {
  public Response {
    TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> sorted.merge(name, List.copyOf(values), (a, b) -> {
      List<String> all = new java.util.ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    headers = java.util.Collections.unmodifiableMap(sorted);
    body = body == null ? "" : body;
  }

  /** The first value of header {@code name}, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body parsed as JSON, or empty when it is not JSON. */
  public Optional<JsonNode> json() {
    if (body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readTree(body));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
