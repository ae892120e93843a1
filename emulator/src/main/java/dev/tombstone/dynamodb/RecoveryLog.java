package dev.tombstone.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What point-in-time recovery keeps of a table while it is on: for each change, when it
 * happened, the key and the item it replaced. The table's state at a time T is its current items
 * with every change after T undone, newest first. It also keeps the time from which that history
 * is complete: when recovery was turned on, moved forward when a shorter period ends, since what
 * that period dropped does not come back when the period grows again.
 *
 * <p>{@link Table} appends under the changed key's lock, so the changes of one key are in their
 * order here; changes of different keys may interleave by a few microseconds, which undoing does
 * not mind (each key's changes are undone independently). Entries older than the recovery period
 * are dropped as new ones arrive: no restore can reach back to them.
 */
final class RecoveryLog {
  /** One change: at {@code at}, the item under {@code key} stopped being {@code old} (null). */
  record Change(Instant at, PrimaryKey key, Item old) {}

  /**
   * A key changed in a window: the item it held before the window ({@code old}, null when none),
   * at the window's end ({@code current}, null when none) and the time of its last change in it.
   */
  record Changed(PrimaryKey key, Item old, Item current, Instant lastWrite) {}

  /** The recovery period and the time from which the history is complete, read together. */
  private record Window(Instant completeFrom, Duration period) {}

  private volatile Window window;
  private final ConcurrentLinkedDeque<Change> changes = new ConcurrentLinkedDeque<>();

  RecoveryLog(Instant enabledAt, Duration period) {
    this.window = new Window(enabledAt, period);
  }

  int periodInDays() {
    return (int) window.period().toDays();
  }

  /**
   * Changes the recovery period at {@code now}. What the old period had dropped by then, the
   * history before now minus it, stays dropped under a longer period.
   */
  void period(Duration next, Instant now) {
    Window current = window;
    Instant droppedBefore = now.minus(current.period());
    window = new Window(droppedBefore.isAfter(current.completeFrom()) ? droppedBefore
        : current.completeFrom(), next);
  }

  /** Called under the key's lock for every change of the table's items. */
  void record(Instant at, PrimaryKey key, Item old) {
    changes.addLast(new Change(at, key, old));
    Change first = changes.peekFirst();
    if (first != null && first.at().isBefore(at.minus(window.period()))) {
      trim(at);
    }
  }

  private void trim(Instant now) {
    Instant cutoff = now.minus(window.period());
    Change first;
    while ((first = changes.peekFirst()) != null && first.at().isBefore(cutoff)) {
      changes.pollFirst();
    }
  }

  /**
   * The earliest time a restore may name: the period's start, or when the history became
   * complete, the later.
   */
  Instant earliestRestorable(Instant now) {
    Window current = window;
    Instant periodStart = now.minus(current.period());
    return periodStart.isAfter(current.completeFrom()) ? periodStart : current.completeFrom();
  }

  /** The latest time a restore may name: {@code lag} before now, not before the earliest. */
  Instant latestRestorable(Instant now, Duration lag) {
    Instant earliest = earliestRestorable(now);
    Instant latest = now.minus(lag);
    return latest.isAfter(earliest) ? latest : earliest;
  }

  /**
   * Turns {@code items} (the table's current items by key, changed in place) into the items as
   * they were at {@code time}: every change after it undone, newest first, so that a key
   * changed many times ends with the item it held at {@code time}.
   */
  void undoAfter(Instant time, Map<PrimaryKey, Item> items) {
    for (Iterator<Change> newestFirst = changes.descendingIterator(); newestFirst.hasNext(); ) {
      Change change = newestFirst.next();
      if (change.at().isAfter(time)) {
        undo(change, items);
      }
    }
  }

  /**
   * The keys changed in {@code [from, to)}, from the table's current {@code items} (by key,
   * changed in place: they end as they were just before {@code from}). Undoing newest first, a
   * key's first change met inside the window is its last one: the item it left is the key's item
   * at {@code to}, every later change of that key having been undone already.
   */
  List<Changed> changedIn(Instant from, Instant to, Map<PrimaryKey, Item> items) {
    Map<PrimaryKey, Changed> newest = new LinkedHashMap<>();
    for (Iterator<Change> newestFirst = changes.descendingIterator(); newestFirst.hasNext(); ) {
      Change change = newestFirst.next();
      if (change.at().isBefore(from)) {
        continue;
      }
      if (change.at().isBefore(to) && !newest.containsKey(change.key())) {
        newest.put(change.key(),
            new Changed(change.key(), null, items.get(change.key()), change.at()));
      }
      undo(change, items);
    }
    List<Changed> changed = new ArrayList<>(newest.size());
    for (Changed last : newest.values()) {
      changed.add(new Changed(last.key(), items.get(last.key()), last.current(),
          last.lastWrite()));
    }
    return changed;
  }

  private static void undo(Change change, Map<PrimaryKey, Item> items) {
    if (change.old() == null) {
      items.remove(change.key());
    } else {
      items.put(change.key(), change.old());
    }
  }
}
