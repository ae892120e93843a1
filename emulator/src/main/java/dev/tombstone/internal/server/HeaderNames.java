package dev.tombstone.internal.server;

import io.undertow.util.HttpString;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link HttpString} of a response header name. Answers repeat a small set of names, and
 * making an {@code HttpString} copies the name into bytes each time; the first few hundred
 * names are kept. User metadata names are unbounded, so past that a name is made afresh.
 */
final class HeaderNames {
  static final int KEPT = 256;
  private final ConcurrentHashMap<String, HttpString> known = new ConcurrentHashMap<>();

  HttpString of(String name) {
    HttpString cached = known.get(name);
    if (cached != null) {
      return cached;
    }
    HttpString made = new HttpString(name);
    if (known.size() < KEPT) {
      known.putIfAbsent(name, made);
    }
    return made;
  }
}
