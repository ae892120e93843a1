package dev.tombstone.internal.s3.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The two time formats of S3: RFC 1123 in headers, ISO-8601 with milliseconds in XML. */
final class HttpDates {
  // IMF-fixdate: RFC_1123_DATE_TIME would drop the leading zero of the day.
  private static final DateTimeFormatter HEADER =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter XML =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private HttpDates() {}

  static String header(Instant instant) {
    return HEADER.format(instant);
  }

  static String xml(Instant instant) {
    return XML.format(instant);
  }

  /** A header date ({@code If-Modified-Since}...); empty when it does not parse. */
  static Optional<Instant> parseHeader(String value) {
    try {
      return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
