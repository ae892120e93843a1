package dev.tombstone.scenarios.apps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * What a Lambda proxy-integration handler returns: status, headers and body text, like the
 * document's Python {@code {"statusCode": ..., "headers": ..., "body": ...}}.
 */
record ProxyResponse(int statusCode, Map<String, String> headers, String body) {
  static final ObjectMapper JSON = new ObjectMapper();

  ProxyResponse {
    headers = Map.copyOf(headers);
  }

  /** A JSON response, serialised as Python's {@code json.dumps} would carry the same fields. */
  static ProxyResponse json(int statusCode, Object body) {
    try {
      return new ProxyResponse(statusCode, Map.of("Content-Type", "application/json"),
          JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable: " + body, e);
    }
  }
}
