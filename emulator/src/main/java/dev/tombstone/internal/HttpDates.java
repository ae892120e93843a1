package dev.tombstone.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP date of every protocol: the {@code Date} response header, S3's
 * {@code Last-Modified}, and the conditional request headers ({@code If-Modified-Since}...).
 */
public final class HttpDates {
  // IMF-fixdate (RFC 9110); RFC_1123_DATE_TIME would drop the leading zero of the day.
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private HttpDates() {}

  /** {@code instant} as an IMF-fixdate, e.g. {@code Sun, 03 Feb 2030 04:05:06 GMT}. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /** A header date in RFC 1123 form; empty when it does not parse. */
  public static Optional<Instant> parse(String value) {
    try {
      return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
