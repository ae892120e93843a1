package dev.tombstone.s3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entries of one key, newest first. The order is the order of writes, never of timestamps
 * or ids, so two writes in the same second keep their order. Immutable; never empty (a key
 * without entries is absent from its bucket).
 *
 * <p>A key with one entry, most keys of most buckets, holds it without an array or a list:
 * every young collection copies the histories written since the last, so each object per key
 * costs pause time as well as memory.
 */
final class KeyHistory {
  /** The only entry, or an array of two or more, newest first; never changed. */
  private final Object entries;

  private KeyHistory(Object entries) {
    this.entries = entries;
  }

  KeyHistory(List<Entry> entries) {
    this(packed(entries.toArray(new Entry[0])));
  }

  static KeyHistory of(Entry entry) {
    return new KeyHistory((Object) Objects.requireNonNull(entry, "entry"));
  }

  /** The entries as this history holds them: the only entry, or an array of two or more. */
  Object packed() {
    return entries;
  }

  /** The history of entries {@link #packed} before; null for null. */
  static KeyHistory unpacked(Object packed) {
    return packed == null ? null : new KeyHistory(packed);
  }

  private static Object packed(Entry[] entries) {
    if (entries.length == 0) {
      throw new IllegalArgumentException("a key history holds at least one entry");
    }
    for (Entry entry : entries) {
      Objects.requireNonNull(entry, "entry");
    }
    return entries.length == 1 ? entries[0] : entries;
  }

  /** The entries, newest first. */
  List<Entry> entries() {
    return entries instanceof Entry only ? List.of(only) : List.of((Entry[]) entries);
  }

  int size() {
    return entries instanceof Entry ? 1 : ((Entry[]) entries).length;
  }

  Entry get(int index) {
    if (entries instanceof Entry only) {
      Objects.checkIndex(index, 1);
      return only;
    }
    return ((Entry[]) entries)[index];
  }

  /** The newest entry: the current object or the marker hiding it. */
  Entry current() {
    return get(0);
  }

  Optional<Entry> find(String versionId) {
    for (int i = 0, size = size(); i < size; i++) {
      Entry entry = get(i);
      if (Entry.hasVersionId(entry, versionId)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** {@code history} with {@code entry} as the newest, or a new history when there is none. */
  static KeyHistory push(KeyHistory history, Entry entry) {
    if (history == null) {
      return of(entry);
    }
    Objects.requireNonNull(entry, "entry");
    int size = history.size();
    Entry[] next = new Entry[size + 1];
    next[0] = entry;
    for (int i = 0; i < size; i++) {
      next[i + 1] = history.get(i);
    }
    return new KeyHistory(next);
  }

  /** Like {@link #push}, after removing the null version (object or marker) if there is one. */
  static KeyHistory replaceNull(KeyHistory history, Entry entry) {
    KeyHistory rest = history == null ? null : history.withoutOrNull(VersionIds.NULL);
    return push(rest, entry);
  }

  /** This history with the entry of {@code versionId} replaced, in place. */
  KeyHistory replace(String versionId, Entry entry) {
    Objects.requireNonNull(entry, "entry");
    Entry[] next = new Entry[size()];
    for (int i = 0; i < next.length; i++) {
      Entry old = get(i);
      next[i] = Entry.hasVersionId(old, versionId) ? entry : old;
    }
    return new KeyHistory(packed(next));
  }

  /** This history without {@code versionId}; null when nothing would remain. */
  KeyHistory withoutOrNull(String versionId) {
    int size = size();
    List<Entry> next = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Entry entry = get(i);
      if (!Entry.hasVersionId(entry, versionId)) {
        next.add(entry);
      }
    }
    if (next.size() == size) {
      return this;
    }
    return next.isEmpty() ? null : new KeyHistory(next);
  }

  /** Every entry as ListObjectVersions reports it, newest first. */
  List<VersionEntry> describe(String key) {
    int size = size();
    List<VersionEntry> versions = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      versions.add(Entry.describe(get(i), key, i == 0));
    }
    return versions;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyHistory that && entries().equals(that.entries());
  }

  @Override
  public int hashCode() {
    return entries().hashCode();
  }

  @Override
  public String toString() {
    return "KeyHistory" + (entries instanceof Entry[] many ? Arrays.toString(many)
        : "[" + entries + "]");
  }
}
