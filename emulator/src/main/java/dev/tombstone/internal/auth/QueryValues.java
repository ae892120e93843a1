package dev.tombstone.internal.auth;

import java.util.HashMap;
import java.util.Map;

/** The decoded values of a raw query string, first one wins. */
final class QueryValues {
  private final Map<String, String> values;

  private QueryValues(Map<String, String> values) {
    this.values = values;
  }

  static QueryValues of(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    for (String part : rawQuery.split("&")) {
      int equals = part.indexOf('=');
      String name = SigV4.uriDecode(equals < 0 ? part : part.substring(0, equals));
      values.putIfAbsent(name, equals < 0 ? "" : SigV4.uriDecode(part.substring(equals + 1)));
    }
    return new QueryValues(values);
  }

  String get(String name) {
    return values.get(name);
  }
}
