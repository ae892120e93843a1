package dev.tombstone.internal.s3.protocol;

import java.util.Optional;

/**
 * The parameters the listings share: prefix, delimiter, max-keys (max-uploads for
 * ListMultipartUploads) and encoding-type.
 *
 * @param requestedMaxKeys echoed in {@code MaxKeys}
 * @param maxKeys what is applied: at most 1000
 */
record ListingQuery(String prefix, Optional<String> delimiter, int requestedMaxKeys,
    int maxKeys, boolean urlEncoded) {
  static final int MAX_KEYS = 1000;

  /** @throws WireError InvalidArgument for a bad max-keys or encoding-type */
  static ListingQuery of(QueryParameters query) {
    return of(query, "max-keys");
  }

  /**
   * @param maxName the name of the page-size parameter, e.g. {@code max-uploads}
   * @throws WireError InvalidArgument for a bad page size or encoding-type
   */
  static ListingQuery of(QueryParameters query, String maxName) {
    Optional<String> encoding = query.get("encoding-type");
    if (encoding.isPresent() && !encoding.get().equalsIgnoreCase("url")) {
      throw WireError.invalidArgument("Invalid Encoding Method specified in Request",
          "encoding-type", encoding.get());
    }
    int requested = maxKeys(query.get(maxName), maxName);
    return new ListingQuery(query.get("prefix").orElse(""), query.get("delimiter"), requested,
        Math.min(requested, MAX_KEYS), encoding.isPresent());
  }

  /** The value as the response shows it: URL-encoded when the client asked for that. */
  String shown(String value) {
    return urlEncoded ? UrlEncoding.encode(value) : value;
  }

  private static int maxKeys(Optional<String> value, String name) {
    if (value.isEmpty()) {
      return MAX_KEYS;
    }
    try {
      int parsed = Integer.parseInt(value.get().trim());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below like a negative value.
    }
    throw WireError.invalidArgument(
        "Provided " + name + " not an integer or within integer range", name, value.get());
  }
}
