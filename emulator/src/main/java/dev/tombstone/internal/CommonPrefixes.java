package dev.tombstone.internal;

import java.util.Optional;

/**
 * S3's delimiter roll-up, shared by every listing (ListObjects v1 and v2, ListObjectVersions,
 * ListMultipartUploads): the keys that have the delimiter after the prefix are listed once, as
 * the common prefix up to and including that delimiter, and never again on a later page.
 * Internal.
 *
 * <pre>{@code
 * CommonPrefixes.of("photos/2024/a.jpg", "photos/", Optional.of("/"));  // "photos/2024/"
 * CommonPrefixes.listed("b/", null, Optional.of("b/"));                 // true: skip "b/1"
 * }</pre>
 */
public final class CommonPrefixes {
  private CommonPrefixes() {}

  /** The common prefix {@code key} rolls up into, if the delimiter occurs after the prefix. */
  public static Optional<String> of(String key, String prefix, Optional<String> delimiter) {
    if (delimiter.isEmpty() || delimiter.get().isEmpty()) {
      return Optional.empty();
    }
    int at = key.indexOf(delimiter.get(), prefix.length());
    return at < 0 ? Optional.empty() : Optional.of(key.substring(0, at + delimiter.get().length()));
  }

  /**
   * Whether a common prefix was already listed: it is the last entry of this page, or it is not
   * after the marker the page started from (so it was on an earlier page). The second is what
   * makes a marker that is itself a common prefix skip every key under it.
   *
   * @param lastEntry the last key or common prefix of this page so far, null before the first
   */
  public static boolean listed(String commonPrefix, String lastEntry, Optional<String> marker) {
    return commonPrefix.equals(lastEntry)
        || (marker.isPresent() && Utf8Order.compare(commonPrefix, marker.get()) <= 0);
  }
}
