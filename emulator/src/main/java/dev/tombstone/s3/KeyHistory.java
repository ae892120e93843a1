package dev.tombstone.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries of one key, newest first. The order is the order of writes, never of timestamps
 * or ids, so two writes in the same second keep their order. Immutable; never empty (a key
 * without entries is absent from its bucket).
 */
record KeyHistory(List<Entry> entries) {
  KeyHistory {
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a key history holds at least one entry");
    }
  }

  static KeyHistory of(Entry entry) {
    return new KeyHistory(List.of(entry));
  }

  /** The newest entry: the current object or the marker hiding it. */
  Entry current() {
    return entries.get(0);
  }

  Optional<Entry> find(String versionId) {
    for (Entry entry : entries) {
      if (entry.versionId().equals(versionId)) {
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
    Entry[] next = new Entry[history.entries.size() + 1];
    next[0] = entry;
    for (int i = 1; i < next.length; i++) {
      next[i] = history.entries.get(i - 1);
    }
    return new KeyHistory(List.of(next));
  }

  /** Like {@link #push}, after removing the null version (object or marker) if there is one. */
  static KeyHistory replaceNull(KeyHistory history, Entry entry) {
    KeyHistory rest = history == null ? null : history.withoutOrNull(VersionIds.NULL);
    return push(rest, entry);
  }

  /** This history with the entry of {@code versionId} replaced, in place. */
  KeyHistory replace(String versionId, Entry entry) {
    List<Entry> next = new ArrayList<>(entries);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).versionId().equals(versionId)) {
        next.set(i, entry);
      }
    }
    return new KeyHistory(next);
  }

  /** This history without {@code versionId}; null when nothing would remain. */
  KeyHistory withoutOrNull(String versionId) {
    List<Entry> next = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      if (!entry.versionId().equals(versionId)) {
        next.add(entry);
      }
    }
    if (next.size() == entries.size()) {
      return this;
    }
    return next.isEmpty() ? null : new KeyHistory(next);
  }

  /** Every entry as ListObjectVersions reports it, newest first. */
  List<VersionEntry> describe(String key) {
    List<VersionEntry> versions = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      versions.add(entries.get(i).describe(key, i == 0));
    }
    return versions;
  }
}
