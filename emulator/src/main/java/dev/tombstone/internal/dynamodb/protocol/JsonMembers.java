package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.ArrayEntries;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The members of a small parsed JSON object: two exactly sized arrays, in insertion order,
 * searched by a linear scan. Every request body becomes a tree of objects, most of them with a
 * handful of members, and this costs a third of the LinkedHashMap that the parsers built before.
 * Larger objects, and the rare object that repeats a name, still get that LinkedHashMap, so
 * every object behaves as it did: a repeated name keeps its first position and its last value,
 * and lookups in large objects stay hashed. Either is handed out behind the JDK's unmodifiable
 * wrapper, as before.
 */
final class JsonMembers extends AbstractMap<String, Json> {
  private static final Map<String, Json> EMPTY =
      Collections.unmodifiableMap(new JsonMembers(new String[0], new Json[0]));

  /** The most members kept in arrays: comparing a few names is cheaper than hashing them. */
  private static final int MAX_MEMBERS = 8;

  private final String[] names;
  private final Json[] values;

  private JsonMembers(String[] names, Json[] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * The members {@code names[i]: values[i]} for {@code from <= i < to}, as successive {@code
   * put}s into a LinkedHashMap would leave them, unmodifiable. The arrays are copied, not kept.
   */
  static Map<String, Json> of(String[] names, Json[] values, int from, int to) {
    if (from == to) {
      return EMPTY;
    }
    if (to - from > MAX_MEMBERS || repeatsAName(names, from, to)) {
      Map<String, Json> linked = new LinkedHashMap<>();
      for (int i = from; i < to; i++) {
        linked.put(names[i], values[i]);
      }
      return Collections.unmodifiableMap(linked);
    }
    return Collections.unmodifiableMap(new JsonMembers(Arrays.copyOfRange(names, from, to),
        Arrays.copyOfRange(values, from, to)));
  }

  private static boolean repeatsAName(String[] names, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      for (int j = from; j < i; j++) {
        if (names[j].equals(names[i])) {
          return true;
        }
      }
    }
    return false;
  }

  private int indexOf(Object key) {
    if (key instanceof String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Json get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Json> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Json>> entrySet() {
    return new ArrayEntries<>(names, values);
  }
}
