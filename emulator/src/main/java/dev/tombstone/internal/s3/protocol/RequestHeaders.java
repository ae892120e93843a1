package dev.tombstone.internal.s3.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A request's headers; names compare case-insensitively, as HTTP defines. Internal. */
public final class RequestHeaders {
  private final Map<String, List<String>> values;

  private RequestHeaders(Map<String, List<String>> values) {
    this.values = values;
  }

  /** A builder-free factory: pairs of name and value, in order. */
  public static RequestHeaders of(List<Map.Entry<String, String>> pairs) {
    Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> pair : pairs) {
      values.computeIfAbsent(pair.getKey(), k -> new ArrayList<>(1)).add(pair.getValue());
    }
    return new RequestHeaders(values);
  }

  Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** Every value of the header, joined as HTTP allows: by commas. */
  Optional<String> joined(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(String.join(",", list));
  }

  Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }
}
