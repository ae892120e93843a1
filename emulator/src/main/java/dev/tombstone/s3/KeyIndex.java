package dev.tombstone.s3;

import dev.tombstone.internal.Utf8Order;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The keys of a bucket with their histories: found by hashing, listed in S3's order.
 *
 * <p>Each key has a slot, reached both from a hash map (GET, PUT, DELETE of one key) and from a
 * sorted map (listings). A key whose history ends leaves the hash map but stays in the sorted
 * map with its slot emptied: a sorted removal costs a microsecond of pointer chasing, which
 * would dominate a DeleteObjects of 1,000 keys, while emptying a slot costs nothing beyond the
 * hash lookup. Listings skip empty slots. Once empty slots outnumber the live ones four to one,
 * the owner rebuilds the sorted map from the live slots in one sorted pass ({@link #compact})
 * under its exclusive lock: a rebuild copies at most one live slot per four removals, and a
 * listing passes at most five slots per live key.
 *
 * <p>Changes and listings may run concurrently with each other; {@link #compact} may not run
 * concurrently with anything.
 */
final class KeyIndex {
  /** Empty slots tolerated regardless of the bucket's size. */
  private static final long MIN_EMPTY_BEFORE_COMPACTION = 4096;

  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
  private volatile ConcurrentSkipListMap<String, Slot> order = newOrder();
  private final AtomicLong live = new AtomicLong();
  private final AtomicLong empty = new AtomicLong();

  /** A key's place: its history, or null once the history ended. */
  private static final class Slot {
    volatile KeyHistory history;

    Slot(KeyHistory history) {
      this.history = history;
    }
  }

  private static ConcurrentSkipListMap<String, Slot> newOrder() {
    return new ConcurrentSkipListMap<>(Utf8Order.COMPARATOR);
  }

  KeyHistory get(String key) {
    Slot slot = slots.get(key);
    return slot == null ? null : slot.history;
  }

  boolean isEmpty() {
    return live.get() == 0;
  }

  /**
   * Changes the history of {@code key} atomically; {@code change} runs exactly once, and an
   * exception from it changes nothing.
   */
  KeyHistory compute(String key, BiFunction<String, KeyHistory, KeyHistory> change) {
    KeyHistory[] result = new KeyHistory[1];
    slots.compute(key, (k, slot) -> {
      KeyHistory after = change.apply(k, slot == null ? null : slot.history);
      result[0] = after;
      if (slot == null) {
        if (after != null) {
          slot = new Slot(after);
          if (order.put(k, slot) != null) {
            empty.decrementAndGet();
          }
          live.incrementAndGet();
        }
        return slot;
      }
      slot.history = after;
      if (after == null) {
        // Out of the hash map now, out of the order at the next compaction.
        live.decrementAndGet();
        empty.incrementAndGet();
        return null;
      }
      return slot;
    });
    return result[0];
  }

  /** {@link #compute}, only when {@code key} has a history. */
  KeyHistory computeIfPresent(String key, BiFunction<String, KeyHistory, KeyHistory> change) {
    return compute(key, (k, before) -> before == null ? null : change.apply(k, before));
  }

  /** Every key with its history, in S3's order. */
  Iterable<Map.Entry<String, KeyHistory>> entries() {
    return () -> new LiveEntries(order.entrySet().iterator());
  }

  /** The keys from {@code from} on, in S3's order. */
  Iterable<Map.Entry<String, KeyHistory>> from(String from, boolean inclusive) {
    return () -> new LiveEntries(order.tailMap(from, inclusive).entrySet().iterator());
  }

  /** Whether enough empty slots have gathered to make {@link #compact} worth its pass. */
  boolean wantsCompaction() {
    long emptyNow = empty.get();
    return emptyNow > MIN_EMPTY_BEFORE_COMPACTION && emptyNow > 4 * live.get();
  }

  /**
   * Drops the empty slots from the order; the caller holds off every other use. The live slots
   * are exactly the hash map's, so the order is rebuilt from them: a sequential pass over the
   * hash table and a sort of the live keys, instead of a walk through every slot of the sorted
   * map, most of them empty by now and each a cache miss.
   */
  void compact() {
    List<Map.Entry<String, Slot>> liveSlots = new ArrayList<>(slots.entrySet());
    liveSlots.sort(Map.Entry.comparingByKey(Utf8Order.COMPARATOR));
    ConcurrentSkipListMap<String, Slot> rebuilt = newOrder();
    for (Map.Entry<String, Slot> entry : liveSlots) {
      rebuilt.put(entry.getKey(), entry.getValue());
    }
    order = rebuilt;
    empty.set(0);
  }

  /** The live entries behind an iterator of slots. */
  private static final class LiveEntries implements Iterator<Map.Entry<String, KeyHistory>> {
    private final Iterator<Map.Entry<String, Slot>> slots;
    private Map.Entry<String, KeyHistory> next;

    LiveEntries(Iterator<Map.Entry<String, Slot>> slots) {
      this.slots = slots;
    }

    @Override
    public boolean hasNext() {
      while (next == null && slots.hasNext()) {
        Map.Entry<String, Slot> slot = slots.next();
        KeyHistory history = slot.getValue().history;
        if (history != null) {
          next = new AbstractMap.SimpleImmutableEntry<>(slot.getKey(), history);
        }
      }
      return next != null;
    }

    @Override
    public Map.Entry<String, KeyHistory> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Map.Entry<String, KeyHistory> entry = next;
      next = null;
      return entry;
    }
  }
}
