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
 * The members of a parsed JSON object: an immutable map in first-insertion order that behaves
 * as the unmodifiable LinkedHashMap the parsers built before, a repeated name keeping its first
 * position and its last value. Every request body becomes a tree of these, so each is only two
 * exactly sized arrays, names and values, found by a linear scan in small objects and through
 * an open-addressing table of positions in larger ones.
 */
final class JsonMembers extends AbstractMap<String, Json> {
  static final JsonMembers EMPTY = new JsonMembers(new String[0], new Json[0], null);

  /** Objects up to this size have no table: comparing a few names is cheaper than hashing. */
  private static final int LINEAR_MAX = 8;

  /**
   * How far past its home slot a name may sit, so that lookups stop there whatever the names.
   * A table half full rarely puts a name farther, one a quarter full only with colliding hashes
   * (crafted names); those objects keep a LinkedHashMap, whose tree bins bound its lookups.
   */
  private static final int MAX_PROBES = 32;

  private final String[] names;
  private final Json[] values;
  /** Position + 1 of each name by hash, 0 for an empty slot; null in small objects. */
  private final int[] slots;

  private JsonMembers(String[] names, Json[] values, int[] slots) {
    this.names = names;
    this.values = values;
    this.slots = slots;
  }

  /**
   * The members {@code names[i]: values[i]} for {@code from <= i < to}, as successive {@code
   * put}s into a LinkedHashMap would leave them. The arrays are copied, not kept.
   */
  static Map<String, Json> of(String[] names, Json[] values, int from, int to) {
    if (from == to) {
      return EMPTY;
    }
    String[] ownNames = Arrays.copyOfRange(names, from, to);
    Json[] ownValues = Arrays.copyOfRange(values, from, to);
    if (ownNames.length <= LINEAR_MAX) {
      return repeatsAName(ownNames) ? merged(ownNames, ownValues)
          : new JsonMembers(ownNames, ownValues, null);
    }
    int[] slots = slots(ownNames, 2);
    if (slots == null) {
      slots = slots(ownNames, 4);
    }
    return slots != null ? new JsonMembers(ownNames, ownValues, slots)
        : merged(ownNames, ownValues);
  }

  private static boolean repeatsAName(String[] names) {
    for (int i = 1; i < names.length; i++) {
      for (int j = 0; j < i; j++) {
        if (names[j].equals(names[i])) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The table of positions, at least {@code spread} slots a name, or null when a name repeats or
   * would sit too far from home.
   */
  private static int[] slots(String[] names, int spread) {
    int[] slots = new int[Integer.highestOneBit(names.length * spread - 1) << 1];
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      int hash = name.hashCode();
      int slot = home(hash, slots);
      for (int probe = 0; slots[slot] != 0; probe++) {
        String other = names[slots[slot] - 1];
        if (probe == MAX_PROBES || other.hashCode() == hash && other.equals(name)) {
          return null;
        }
        slot = (slot + 1) & (slots.length - 1);
      }
      slots[slot] = i + 1;
    }
    return slots;
  }

  /** Fibonacci hashing: the top bits of the hash times 2^32 / phi, for a power-of-two table. */
  private static int home(int hash, int[] slots) {
    return (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(slots.length - 1);
  }

  /**
   * The rare object that repeats a name, merged by a LinkedHashMap; or, when no name repeats,
   * one whose names collide too much for the table, which keeps that map and its tree bins.
   */
  private static Map<String, Json> merged(String[] names, Json[] values) {
    Map<String, Json> merged = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      merged.put(names[i], values[i]);
    }
    if (merged.size() == names.length) {
      return Collections.unmodifiableMap(merged);
    }
    return of(merged.keySet().toArray(new String[0]), merged.values().toArray(new Json[0]), 0,
        merged.size());
  }

  private int indexOf(Object key) {
    if (!(key instanceof String name)) {
      return -1;
    }
    if (slots == null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
    int hash = name.hashCode();
    int slot = home(hash, slots);
    for (int probe = 0; probe <= MAX_PROBES && slots[slot] != 0; probe++) {
      int i = slots[slot] - 1;
      if (names[i].hashCode() == hash && names[i].equals(name)) {
        return i;
      }
      slot = (slot + 1) & (slots.length - 1);
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
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Map<?, ?> other) || other.size() != names.length) {
      return false;
    }
    try {
      for (int i = 0; i < names.length; i++) {
        if (!values[i].equals(other.get(names[i]))) {
          return false;
        }
      }
    } catch (ClassCastException | NullPointerException e) {
      return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < names.length; i++) {
      hash += names[i].hashCode() ^ values[i].hashCode();
    }
    return hash;
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
