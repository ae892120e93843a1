package dev.tombstone.s3;

import dev.tombstone.internal.CommonPrefixes;
import dev.tombstone.internal.Utf8Order;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a listing walks: those under a prefix, from a marker on. The delimiter roll-up is
 * {@link CommonPrefixes}.
 */
final class KeyRange {
  private KeyRange() {}

  /**
   * The keys from {@code start} (or from the prefix when the start lies before it); the caller
   * stops at the first key that does not start with the prefix, since keys under a prefix are
   * contiguous in S3's order.
   */
  static Iterable<Map.Entry<String, KeyHistory>> from(
      KeyIndex keys, String prefix, Optional<String> start, boolean inclusive) {
    if (start.isPresent() && Utf8Order.compare(start.get(), prefix) >= 0) {
      return keys.from(start.get(), inclusive);
    }
    return keys.from(prefix, true);
  }

  static boolean inRange(Map.Entry<String, KeyHistory> entry, String prefix) {
    return entry.getKey().startsWith(prefix);
  }
}
