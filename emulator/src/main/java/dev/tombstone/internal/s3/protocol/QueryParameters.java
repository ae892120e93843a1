package dev.tombstone.internal.s3.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decoded query parameters. A parameter without a value ({@code ?versioning}) is present
 * with an empty value; the first occurrence of a name wins. SDK routing hints and presigned-URL
 * parameters are dropped: they never change what a request does.
 */
final class QueryParameters {
  private static final Set<String> IGNORED = Set.of("x-id", "X-Amz-Algorithm",
      "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
      "X-Amz-Signature", "X-Amz-Security-Token", "X-Amz-Content-Sha256", "AWSAccessKeyId",
      "Signature", "Expires");
  private static final QueryParameters NONE = new QueryParameters(Map.of());

  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  /** @throws WireError InvalidURI for a broken escape */
  static QueryParameters parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return NONE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : PercentDecoding.decode(pair.substring(equals + 1));
      if (!IGNORED.contains(name)) {
        values.putIfAbsent(name, value);
      }
    }
    return new QueryParameters(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  Set<String> names() {
    return values.keySet();
  }
}
