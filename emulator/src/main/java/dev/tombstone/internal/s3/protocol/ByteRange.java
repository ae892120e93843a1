package dev.tombstone.internal.s3.protocol;

import java.util.Optional;

/**
 * One satisfiable {@code Range: bytes=...} of an object, inclusive at both ends. A header that
 * is not a single byte range is ignored (the whole object is sent), as HTTP allows, and so is a
 * suffix range of an empty object.
 */
record ByteRange(long first, long last) {
  private static final long ABSENT = -1;
  private static final long INVALID = -2;

  long length() {
    return last - first + 1;
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /** @throws WireError InvalidRange when the range lies outside the object */
  static Optional<ByteRange> parse(Optional<String> header, long size) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    if (!value.startsWith("bytes=") || value.indexOf(',') >= 0) {
      return Optional.empty();
    }
    String spec = value.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    long start = number(spec.substring(0, dash).trim());
    long end = number(spec.substring(dash + 1).trim());
    if (start == INVALID || end == INVALID || (start == ABSENT && end == ABSENT)) {
      return Optional.empty();
    }
    if (start == ABSENT) {
      if (end == 0) {
        throw WireError.invalidRange(value, size);
      }
      // The last N bytes of an empty object are all of it: S3 sends the empty object, 200.
      return size == 0
          ? Optional.empty()
          : Optional.of(new ByteRange(Math.max(0, size - end), size - 1));
    }
    if (end != ABSENT && end < start) {
      return Optional.empty();
    }
    if (start >= size) {
      throw WireError.invalidRange(value, size);
    }
    return Optional.of(new ByteRange(start, end == ABSENT ? size - 1 : Math.min(end, size - 1)));
  }

  private static long number(String digits) {
    if (digits.isEmpty()) {
      return ABSENT;
    }
    if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return INVALID;
    }
    return Long.parseLong(digits);
  }
}
