package dev.tombstone.internal.dynamodb.protocol;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The members of a small parsed JSON object: an immutable map in insertion order, two exactly
 * sized arrays searched by a linear scan. Every request body becomes a tree of objects, most of
 * them with a handful of members, and this costs a third of the unmodifiable LinkedHashMap that
 * the parsers built before. Larger objects, and the rare object that repeats a name, still get
 * that LinkedHashMap, so every object behaves as it did: a repeated name keeps its first
 * position and its last value, and lookups in large objects stay hashed.
 */
final class JsonMembers extends AbstractMap<String, Json> {
  static final JsonMembers EMPTY = new JsonMembers(new String[0], new Json[0]);

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
   * put}s into a LinkedHashMap would leave them. The arrays are copied, not kept.
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
    return new JsonMembers(Arrays.copyOfRange(names, from, to),
        Arrays.copyOfRange(values, from, to));
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
  public boolean isEmpty() {
    return names.length == 0;
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
  public boolean containsValue(Object value) {
    return Arrays.asList(values).contains(value);
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Json> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Json>> entrySet() {
    return new View<>() {
      @Override
      Entry<String, Json> at(int i) {
        return new SimpleImmutableEntry<>(names[i], values[i]);
      }

      @Override
      public boolean contains(Object o) {
        if (!(o instanceof Entry<?, ?> entry)) {
          return false;
        }
        int i = indexOf(entry.getKey());
        return i >= 0 && values[i].equals(entry.getValue());
      }
    };
  }

  @Override
  public Set<String> keySet() {
    return new View<>() {
      @Override
      String at(int i) {
        return names[i];
      }

      @Override
      public boolean contains(Object o) {
        return containsKey(o);
      }
    };
  }

  @Override
  public Collection<Json> values() {
    return Collections.unmodifiableCollection(Arrays.asList(values));
  }

  @Override
  public Json put(String key, Json value) {
    throw immutable();
  }

  @Override
  public Json remove(Object key) {
    throw immutable();
  }

  @Override
  public void putAll(Map<? extends String, ? extends Json> m) {
    throw immutable();
  }

  @Override
  public void clear() {
    throw immutable();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super Json, ? extends Json> function) {
    throw immutable();
  }

  @Override
  public Json putIfAbsent(String key, Json value) {
    throw immutable();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw immutable();
  }

  @Override
  public boolean replace(String key, Json oldValue, Json newValue) {
    throw immutable();
  }

  @Override
  public Json replace(String key, Json value) {
    throw immutable();
  }

  @Override
  public Json computeIfAbsent(String key, Function<? super String, ? extends Json> function) {
    throw immutable();
  }

  @Override
  public Json computeIfPresent(
      String key, BiFunction<? super String, ? super Json, ? extends Json> function) {
    throw immutable();
  }

  @Override
  public Json compute(
      String key, BiFunction<? super String, ? super Json, ? extends Json> function) {
    throw immutable();
  }

  @Override
  public Json merge(
      String key, Json value, BiFunction<? super Json, ? super Json, ? extends Json> function) {
    throw immutable();
  }

  private static UnsupportedOperationException immutable() {
    return new UnsupportedOperationException("JSON members are immutable");
  }

  /**
   * The keys or entries in member order. Like the JDK's unmodifiable views, every mutator
   * throws, even one that would change nothing.
   */
  private abstract class View<E> extends AbstractSet<E> {
    abstract E at(int i);

    @Override
    public int size() {
      return names.length;
    }

    @Override
    public Iterator<E> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < names.length;
        }

        @Override
        public E next() {
          if (next == names.length) {
            throw new NoSuchElementException();
          }
          return at(next++);
        }
      };
    }

    @Override
    public boolean add(E e) {
      throw immutable();
    }

    @Override
    public boolean remove(Object o) {
      throw immutable();
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
      throw immutable();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
      throw immutable();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
      throw immutable();
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
      throw immutable();
    }

    @Override
    public void clear() {
      throw immutable();
    }
  }
}
