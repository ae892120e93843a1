package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A reference model of S3 versioning for one bucket, written from S3's documentation as the
 * shared spec quotes it (§3.7 PutObject, §3.8 reads, §4.2 DeleteObject): per key, its versions
 * and delete markers newest first, in write order. It knows nothing of how Tombstone stores them.
 */
final class VersioningModel {
  /** The id of the null version: objects written unversioned or Suspended, Suspended markers. */
  static final String NULL = "null";

  /** A bucket's versioning; there is no way back to {@code UNVERSIONED}. */
  enum Status { UNVERSIONED, ENABLED, SUSPENDED }

  /** What a version id in a request is, by S3's rules (§7.1). */
  enum IdKind { EMPTY, MALFORMED, WELL_FORMED }

  /**
   * A version or a delete marker.
   *
   * @param versionId its id; null while a quiet DeleteObjects made it and no listing told it yet
   * @param body the object's text; empty for a marker
   */
  record Entry(String versionId, boolean marker, String body) {}

  /** What S3 reports for a delete it did: the {@code x-amz-delete-marker} and version id. */
  record Reported(boolean deleteMarker, Optional<String> versionId) {}

  private Status status = Status.UNVERSIONED;
  private final SortedMap<String, List<Entry>> keys = new TreeMap<>();
  private final List<String> madeIds = new ArrayList<>();

  Status status() {
    return status;
  }

  void status(Status newStatus) {
    status = newStatus;
  }

  /** Reads report {@code x-amz-version-id} once versioning was ever on, i.e. from now on. */
  boolean versioningAware() {
    return status != Status.UNVERSIONED;
  }

  /** Every key with entries, ascending, and its entries newest first. */
  SortedMap<String, List<Entry>> keys() {
    return keys;
  }

  List<Entry> entries(String key) {
    return keys.getOrDefault(key, List.of());
  }

  Optional<Entry> latest(String key) {
    return entries(key).stream().findFirst();
  }

  Optional<Entry> find(String key, String versionId) {
    return entries(key).stream().filter(entry -> versionId.equals(entry.versionId())).findFirst();
  }

  /** Every id Tombstone reported for a new version or marker, oldest first. */
  List<String> madeIds() {
    return madeIds;
  }

  IdKind kind(String versionId) {
    if (versionId.isEmpty()) {
      return IdKind.EMPTY;
    }
    return versionId.equals(NULL) || madeIds.contains(versionId)
        ? IdKind.WELL_FORMED : IdKind.MALFORMED;
  }

  /**
   * Checks that {@code id} is a new id as S3 makes them (32 URL-safe characters, never given
   * before, even for a version since removed) and remembers it.
   */
  String fresh(String id) {
    assertThat(id).as("a new version id").isNotNull().matches("[A-Za-z0-9._]{32}");
    assertThat(madeIds).as("ids made before").doesNotContain(id);
    madeIds.add(id);
    return id;
  }

  /** PutObject; {@code newId} gives the new version's id in an Enabled bucket. */
  void put(String key, String body, Supplier<String> newId) {
    if (status == Status.ENABLED) {
      push(key, new Entry(newId.get(), false, body));
    } else {
      replaceNull(key, new Entry(NULL, false, body));
    }
  }

  /**
   * DeleteObject of {@code key}: without a version id by the bucket's status (D1, D2, D4, D5),
   * with a well-formed one removing that version or marker if the key has it (D3, D6-D10).
   *
   * @param newMarkerId gives the id of a marker an Enabled bucket adds; null when not told
   */
  Reported delete(String key, Optional<String> versionId, Supplier<String> newMarkerId) {
    if (versionId.isPresent()) {
      Optional<Entry> removed = find(key, versionId.get());
      removed.ifPresent(entry -> remove(key, entry));
      return new Reported(removed.filter(Entry::marker).isPresent(), versionId);
    }
    switch (status) {
      case ENABLED -> {
        String id = newMarkerId.get();
        push(key, new Entry(id, true, ""));
        return new Reported(true, Optional.ofNullable(id));
      }
      case SUSPENDED -> {
        replaceNull(key, new Entry(NULL, true, ""));
        return new Reported(true, Optional.of(NULL));
      }
      default -> {
        keys.remove(key);
        return new Reported(false, Optional.empty());
      }
    }
  }

  /** Gives the marker a quiet DeleteObjects made, at {@code index} of {@code key}, its id. */
  void learn(String key, int index, String id) {
    List<Entry> entries = keys.get(key);
    Entry pending = entries.get(index);
    entries.set(index, new Entry(fresh(id), pending.marker(), pending.body()));
  }

  private void push(String key, Entry entry) {
    keys.computeIfAbsent(key, k -> new ArrayList<>()).add(0, entry);
  }

  private void replaceNull(String key, Entry entry) {
    find(key, NULL).ifPresent(old -> remove(key, old));
    push(key, entry);
  }

  private void remove(String key, Entry entry) {
    List<Entry> entries = keys.get(key);
    entries.remove(entry);
    if (entries.isEmpty()) {
      keys.remove(key);
    }
  }
}
