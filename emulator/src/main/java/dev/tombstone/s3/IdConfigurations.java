package dev.tombstone.s3;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The id-keyed configurations of one bucket, of every {@link ConfigurationKind}: id to the
 * configuration's content, in id order, as the List operations return them.
 */
final class IdConfigurations {
  private final Map<ConfigurationKind, TreeMap<String, String>> byKind =
      new EnumMap<>(ConfigurationKind.class);

  /**
   * Stores {@code content} under {@code id}, replacing what was there.
   *
   * @throws S3Error.TooManyConfigurations when {@code id} is new and the kind is at its limit
   */
  synchronized void put(ConfigurationKind kind, String id, String content) {
    TreeMap<String, String> configurations =
        byKind.computeIfAbsent(kind, k -> new TreeMap<>());
    if (!configurations.containsKey(id) && configurations.size() >= ConfigurationKind.LIMIT) {
      throw new S3Error.TooManyConfigurations();
    }
    configurations.put(id, content);
  }

  synchronized Optional<String> get(ConfigurationKind kind, String id) {
    return Optional.ofNullable(byKind.getOrDefault(kind, new TreeMap<>()).get(id));
  }

  /** Whether there was one to remove. */
  synchronized boolean remove(ConfigurationKind kind, String id) {
    TreeMap<String, String> configurations = byKind.get(kind);
    return configurations != null && configurations.remove(id) != null;
  }

  synchronized SortedMap<String, String> all(ConfigurationKind kind) {
    return Collections.unmodifiableSortedMap(
        new TreeMap<>(byKind.getOrDefault(kind, new TreeMap<>())));
  }
}
