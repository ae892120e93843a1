package dev.tombstone.s3;

import dev.tombstone.internal.Utf8Order;
import java.util.Map;
import java.util.Optional;

/** The keys a listing walks: those under a prefix, from a marker on, with delimiter roll-up. */
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

  /** The common prefix {@code key} rolls up into, if the delimiter occurs after the prefix. */
  static Optional<String> commonPrefix(String key, String prefix, Optional<String> delimiter) {
    if (delimiter.isEmpty() || delimiter.get().isEmpty()) {
      return Optional.empty();
    }
    int at = key.indexOf(delimiter.get(), prefix.length());
    return at < 0 ? Optional.empty() : Optional.of(key.substring(0, at + delimiter.get().length()));
  }

  /**
   * Whether a common prefix was listed on an earlier page: it is not after the marker. This is
   * what makes a marker that is itself a common prefix skip the keys under it.
   */
  static boolean listedBefore(String commonPrefix, Optional<String> marker) {
    return marker.isPresent() && Utf8Order.compare(commonPrefix, marker.get()) <= 0;
  }

  static boolean inRange(Map.Entry<String, KeyHistory> entry, String prefix) {
    return entry.getKey().startsWith(prefix);
  }
}
