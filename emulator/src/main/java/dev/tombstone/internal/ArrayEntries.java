package dev.tombstone.internal;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The entries of a read-only map kept as two parallel arrays, {@code names[i]: values[i]}, in
 * array order: the entry set of such a map's {@code AbstractMap} view. Internal.
 */
public final class ArrayEntries<V> extends AbstractSet<Map.Entry<String, V>> {
  private final String[] names;
  private final V[] values;

  /** A view of the arrays, which the caller does not change afterwards. */
  public ArrayEntries(String[] names, V[] values) {
    this.names = names;
    this.values = values;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Iterator<Map.Entry<String, V>> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < names.length;
      }

      @Override
      public Map.Entry<String, V> next() {
        if (next >= names.length) {
          throw new NoSuchElementException();
        }
        int i = next++;
        return new SimpleImmutableEntry<>(names[i], values[i]);
      }
    };
  }
}
