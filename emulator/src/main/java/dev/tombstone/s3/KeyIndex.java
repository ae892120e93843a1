package dev.tombstone.s3;

import dev.tombstone.internal.Utf8Order;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;

/**
 * The keys of a bucket with their histories: found by hashing, listed in S3's order.
 *
 * <p>Each key has a slot, reached from a hash map (GET, PUT, DELETE of one key) and, once the
 * bucket has been listed, from a sorted map (listings). Until the first listing there is no
 * sorted map: a bucket only written and deleted from (a test's fixtures, a load) keeps two
 * objects fewer per key and never pays for a sorted insertion; the first listing sorts the
 * keys there are, and every key made from then on is also put in order. A key whose history
 * ends leaves the hash map but stays in the sorted map with its slot emptied: a sorted removal
 * costs a microsecond of pointer chasing, which would dominate a DeleteObjects of 1,000 keys,
 * while emptying a slot costs nothing beyond the hash lookup. Listings skip empty slots. Once
 * empty slots outnumber the live ones four to one, the owner rebuilds the sorted map from the
 * live slots ({@link Rebuild}), mostly while changes and listings go on: a rebuild copies at
 * most one live slot per four removals, and a listing passes at most five slots per live key
 * (more while a rebuild runs).
 *
 * <p>Changes and listings may run concurrently with each other and with {@link Rebuild#build};
 * {@link #beginRebuild} and {@link Rebuild#finish} may not run concurrently with anything.
 */
final class KeyIndex {
  /** Empty slots tolerated regardless of the bucket's size. */
  private static final long MIN_EMPTY_BEFORE_COMPACTION = 4096;

  private static final Comparator<Map.Entry<String, Slot>> BY_UTF8_KEY =
      Map.Entry.comparingByKey(Utf8Order.COMPARATOR);
  private static final Comparator<Map.Entry<String, Slot>> BY_UTF16_KEY =
      Map.Entry.comparingByKey();

  /** The live slots: a key leaves this map when its history ends. */
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
  /** The slots in S3's order; null until the first listing asks for it ({@link #order()}). */
  private volatile ConcurrentSkipListMap<String, Slot> order;
  /** Set once {@link #order} holds every key: the first listing has put them all in order. */
  private volatile boolean ordered;
  /**
   * The slots of {@link #order} whose history ended: exact while only this index's own
   * operations run, approximate by a slot or two when a key ends or returns while the first
   * listing is ordering the keys (a rebuild counts afresh).
   */
  private final LongAdder empty = new LongAdder();
  /** While a rebuild runs: the slots made since it began, in the order they were made. */
  private volatile Queue<Map.Entry<String, Slot>> madeDuringRebuild;

  /**
   * A key's place: its history's entries ({@link KeyHistory#packed}), or null once the history
   * ended. Kept packed, so a key's single version is held by its slot with no history object
   * between them: one object fewer per key for every young collection to copy. Readers get a
   * {@link KeyHistory} made on the spot, which lives only as long as they look.
   */
  private static final class Slot {
    volatile Object entries;

    Slot(KeyHistory history) {
      this.entries = history.packed();
    }

    KeyHistory history() {
      return KeyHistory.unpacked(entries);
    }
  }

  private static ConcurrentSkipListMap<String, Slot> newOrder() {
    return new ConcurrentSkipListMap<>(Utf8Order.COMPARATOR);
  }

  KeyHistory get(String key) {
    Slot slot = slots.get(key);
    return slot == null ? null : slot.history();
  }

  /** Whether {@code key} has a history; reads its slot without making a history of it. */
  boolean contains(String key) {
    Slot slot = slots.get(key);
    return slot != null && slot.entries != null;
  }

  boolean isEmpty() {
    return slots.isEmpty();
  }

  /**
   * Changes the history of {@code key} atomically; {@code change} runs exactly once, and an
   * exception from it changes nothing.
   */
  KeyHistory compute(String key, BiFunction<String, KeyHistory, KeyHistory> change) {
    SlotChange slotChange = new SlotChange(change);
    slots.compute(key, slotChange);
    if (slotChange.unordered != null && order != null) {
      joinOrder(key, slotChange.unordered);
    }
    return slotChange.after;
  }

  /**
   * Puts in order a slot made when there was none, if the first listing began ordering the keys
   * since then and may have read the hash map before the slot was in it. Reading the order after
   * the slot is in the hash map makes this safe: a listing that began later sees the slot itself.
   * An emptied slot never takes the place of a live one: a key has one live slot at a time.
   */
  private void joinOrder(String key, Slot made) {
    putInOrder(order, key, made);
  }

  private static void putInOrder(ConcurrentSkipListMap<String, Slot> order, String key,
      Slot slot) {
    order.compute(key,
        (k, present) -> present != null && present.entries != null ? present : slot);
  }

  /**
   * The function {@link #compute} hands the hash map: it keeps the new history, so one object
   * per change carries both the work and its outcome.
   */
  private final class SlotChange implements BiFunction<String, Slot, Slot> {
    private final BiFunction<String, KeyHistory, KeyHistory> change;
    private KeyHistory after;
    /** A slot made while there was no order, which may have to join one begun meanwhile. */
    private Slot unordered;

    SlotChange(BiFunction<String, KeyHistory, KeyHistory> change) {
      this.change = change;
    }

    @Override
    public Slot apply(String key, Slot slot) {
      after = change.apply(key, slot == null ? null : slot.history());
      if (slot == null) {
        if (after == null) {
          return null;
        }
        Slot made = new Slot(after);
        ConcurrentSkipListMap<String, Slot> kept = order;
        if (kept == null) {
          unordered = made;
        } else if (kept.put(key, made) != null) {
          empty.decrement();
        }
        Queue<Map.Entry<String, Slot>> queued = madeDuringRebuild;
        if (queued != null) {
          queued.add(Map.entry(key, made));
        }
        return made;
      }
      if (after == null) {
        return endHistory(slot);
      }
      slot.entries = after.packed();
      return slot;
    }
  }

  /**
   * Ends the history of {@code key}, if it has one: {@link #compute} with a change to null,
   * without making a history of the slot's entries first.
   */
  void remove(String key) {
    slots.computeIfPresent(key, emptySlot);
  }

  private final BiFunction<String, Slot, Slot> emptySlot = (key, slot) -> endHistory(slot);

  /**
   * Empties the slot of a history that ended; the null it returns takes the slot out of the hash
   * map now, and the next rebuild takes it out of the order.
   */
  private Slot endHistory(Slot slot) {
    slot.entries = null;
    if (order != null) {
      empty.increment();
    }
    return null;
  }

  /** {@link #compute}, only when {@code key} has a history. */
  KeyHistory computeIfPresent(String key, BiFunction<String, KeyHistory, KeyHistory> change) {
    return compute(key, (k, before) -> before == null ? null : change.apply(k, before));
  }

  /** Every key with its history, in S3's order. */
  Iterable<Map.Entry<String, KeyHistory>> entries() {
    return () -> new LiveEntries(order().entrySet().iterator());
  }

  /** The keys from {@code from} on, in S3's order. */
  Iterable<Map.Entry<String, KeyHistory>> from(String from, boolean inclusive) {
    return () -> new LiveEntries(order().tailMap(from, inclusive).entrySet().iterator());
  }

  /**
   * The keys in S3's order, put in order by the first caller. The order is published before the
   * hash map is read, so that keys made meanwhile join it themselves ({@link #joinOrder});
   * other listings wait until every key is in it.
   */
  private ConcurrentSkipListMap<String, Slot> order() {
    if (!ordered) {
      synchronized (this) {
        if (!ordered) {
          ConcurrentSkipListMap<String, Slot> made = newOrder();
          order = made;
          for (Map.Entry<String, Slot> entry : sortedLiveSlots()) {
            putInOrder(made, entry.getKey(), entry.getValue());
          }
          ordered = true;
        }
      }
    }
    return order;
  }

  /** Whether enough empty slots have gathered to make a rebuild worth its pass. */
  boolean wantsCompaction() {
    if (!ordered) {
      return false;
    }
    long emptyNow = empty.sum();
    return emptyNow > MIN_EMPTY_BEFORE_COMPACTION && emptyNow > 4 * slots.mappingCount();
  }

  /**
   * Starts a rebuild of the order without the empty slots; the caller holds off every other
   * use, then lets changes and listings go on while the rebuild {@linkplain Rebuild#build
   * builds}.
   */
  Rebuild beginRebuild() {
    Rebuild rebuild = new Rebuild();
    madeDuringRebuild = rebuild.made;
    return rebuild;
  }

  /**
   * A new order of the live slots. The slots are exactly the hash map's, so the order is built
   * from them: a pass over the hash table and a sort of the live keys, then a linear build of
   * the sorted map, instead of a walk through every slot of the old order, most of them empty
   * and each a cache miss. Slots made while it builds are added when it {@linkplain #finish
   * finishes}.
   */
  final class Rebuild {
    private final Queue<Map.Entry<String, Slot>> made = new ConcurrentLinkedQueue<>();
    private ConcurrentSkipListMap<String, Slot> built;
    private long builtSize;

    private Rebuild() {}

    /** Builds the new order; runs concurrently with changes and listings. */
    void build() {
      List<Map.Entry<String, Slot>> unique = withoutRepeatedKeys(sortedLiveSlots());
      built = new ConcurrentSkipListMap<>(new SortedEntries(unique));
      builtSize = unique.size();
    }

    /**
     * Adds the slots made meanwhile and puts the new order in place; the caller holds off every
     * other use.
     */
    void finish() {
      for (Map.Entry<String, Slot> entry; (entry = made.poll()) != null; ) {
        if (built.put(entry.getKey(), entry.getValue()) == null) {
          builtSize++;
        }
      }
      order = built;
      madeDuringRebuild = null;
      empty.reset();
      empty.add(builtSize - slots.mappingCount());
    }

    /** Gives the rebuild up, leaving the old order in place. */
    void abandon() {
      madeDuringRebuild = null;
    }
  }

  /** The hash map's slots, sorted by key: a key written again meanwhile may appear twice. */
  private List<Map.Entry<String, Slot>> sortedLiveSlots() {
    List<Map.Entry<String, Slot>> live = new ArrayList<>(slots.size() + 16);
    boolean noSurrogates = true;
    for (Map.Entry<String, Slot> entry : slots.entrySet()) {
      live.add(entry);
      noSurrogates &= !hasSurrogate(entry.getKey());
    }
    // Without surrogates, UTF-16 order is code point order, and String's compareTo is faster.
    live.sort(noSurrogates ? BY_UTF16_KEY : BY_UTF8_KEY);
    return live;
  }

  private static boolean hasSurrogate(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (Character.isSurrogate(key.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A key removed and written again while the hash map was read may appear twice; its newer
   * slot was also queued as made during the rebuild, so either copy may stay.
   */
  private static List<Map.Entry<String, Slot>> withoutRepeatedKeys(
      List<Map.Entry<String, Slot>> sorted) {
    int kept = 0;
    for (int i = 0; i < sorted.size(); i++) {
      if (kept == 0 || !sorted.get(kept - 1).getKey().equals(sorted.get(i).getKey())) {
        sorted.set(kept++, sorted.get(i));
      }
    }
    return sorted.subList(0, kept);
  }

  /**
   * Sorted entries seen as a {@link SortedMap}, read once by {@link ConcurrentSkipListMap}'s
   * copy constructor, which builds from a sorted map in linear time without comparing keys.
   */
  private static final class SortedEntries extends AbstractMap<String, Slot>
      implements SortedMap<String, Slot> {
    private final List<Map.Entry<String, Slot>> sorted;

    SortedEntries(List<Map.Entry<String, Slot>> sorted) {
      this.sorted = sorted;
    }

    @Override
    public Set<Map.Entry<String, Slot>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, Slot>> iterator() {
          return Collections.unmodifiableList(sorted).iterator();
        }

        @Override
        public int size() {
          return sorted.size();
        }
      };
    }

    @Override
    public Comparator<? super String> comparator() {
      return Utf8Order.COMPARATOR;
    }

    @Override
    public String firstKey() {
      if (sorted.isEmpty()) {
        throw new NoSuchElementException();
      }
      return sorted.get(0).getKey();
    }

    @Override
    public String lastKey() {
      if (sorted.isEmpty()) {
        throw new NoSuchElementException();
      }
      return sorted.get(sorted.size() - 1).getKey();
    }

    @Override
    public SortedMap<String, Slot> subMap(String fromKey, String toKey) {
      throw new UnsupportedOperationException("read once, whole");
    }

    @Override
    public SortedMap<String, Slot> headMap(String toKey) {
      throw new UnsupportedOperationException("read once, whole");
    }

    @Override
    public SortedMap<String, Slot> tailMap(String fromKey) {
      throw new UnsupportedOperationException("read once, whole");
    }
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
        KeyHistory history = slot.getValue().history();
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
