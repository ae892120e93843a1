package dev.tombstone.internal.s3.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's headers; names compare case-insensitively, as HTTP defines. Internal.
 *
 * <p>Two parallel arrays in arrival order, searched from the front: a request carries a dozen
 * headers and the protocol asks for a few, so a scan beats building a map for every request.
 */
public final class RequestHeaders {
  private final String[] names;
  private final String[] values;

  private RequestHeaders(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** Pairs of name and value, in order. */
  public static RequestHeaders of(List<Map.Entry<String, String>> pairs) {
    Builder builder = new Builder(pairs.size());
    for (Map.Entry<String, String> pair : pairs) {
      builder.add(pair.getKey(), pair.getValue());
    }
    return builder.build();
  }

  /** Collects headers in arrival order. */
  public static final class Builder {
    private String[] names;
    private String[] values;
    private int size;

    /** @param expected how many headers to make room for */
    public Builder(int expected) {
      names = new String[Math.max(1, expected)];
      values = new String[names.length];
    }

    /** Adds one value; a repeated name adds another value. */
    public Builder add(String name, String value) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
      return this;
    }

    public RequestHeaders build() {
      return new RequestHeaders(
          size == names.length ? names : Arrays.copyOf(names, size),
          size == values.length ? values : Arrays.copyOf(values, size));
    }
  }

  /** These headers and one more, after them. */
  RequestHeaders plus(String name, String value) {
    String[] moreNames = Arrays.copyOf(names, names.length + 1);
    String[] moreValues = Arrays.copyOf(values, values.length + 1);
    moreNames[names.length] = name;
    moreValues[values.length] = value;
    return new RequestHeaders(moreNames, moreValues);
  }

  Optional<String> first(String name) {
    int i = indexOf(name, 0);
    return i < 0 ? Optional.empty() : Optional.of(values[i]);
  }

  boolean has(String name) {
    return indexOf(name, 0) >= 0;
  }

  /**
   * Whether any header's name starts with {@code prefix} (lower case): one scan that lets a
   * family of rarely sent headers cost a request without them no more than one lookup.
   */
  boolean hasNameStartingWith(String prefix) {
    for (String name : names) {
      if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return true;
      }
    }
    return false;
  }

  /** Every value of the header, joined as HTTP allows: by commas. */
  Optional<String> joined(String name) {
    int first = indexOf(name, 0);
    if (first < 0) {
      return Optional.empty();
    }
    int next = indexOf(name, first + 1);
    if (next < 0) {
      return Optional.of(values[first]);
    }
    List<String> all = new ArrayList<>();
    for (int i = first; i >= 0; i = indexOf(name, i + 1)) {
      all.add(values[i]);
    }
    return Optional.of(String.join(",", all));
  }

  /** The names present, each once (in the spelling it first arrived in), in arrival order. */
  Set<String> names() {
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> distinct = new LinkedHashSet<>();
    for (String name : names) {
      if (seen.add(name)) {
        distinct.add(name);
      }
    }
    return Collections.unmodifiableSet(distinct);
  }

  private int indexOf(String name, int from) {
    for (int i = from; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
