package dev.tombstone.internal.s3.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The time format of S3's XML documents: ISO-8601 in UTC with milliseconds. */
final class XmlDates {
  private static final DateTimeFormatter XML =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private XmlDates() {}

  static String format(Instant instant) {
    return XML.format(instant);
  }
}
