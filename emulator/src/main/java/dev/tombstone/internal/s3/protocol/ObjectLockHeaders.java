package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.FourDigitYears;
import dev.tombstone.s3.ObjectLock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code x-amz-object-lock-*} headers of PutObject, CopyObject and
 * CreateMultipartUpload into the {@link ObjectLock.WriteLock} the write asks for; its legal hold
 * and event hold are empty when the request sent no such header.
 */
final class ObjectLockHeaders {
  static final String MODE = "x-amz-object-lock-mode";
  static final String RETAIN_UNTIL = "x-amz-object-lock-retain-until-date";
  static final String LEGAL_HOLD = "x-amz-object-lock-legal-hold";
  // Year 999999999 at -18:00 parses, but is past what a UTC date can say: refused as unreadable.
  private static final Instant LATEST = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

  private ObjectLockHeaders() {}

  /** @throws WireError InvalidArgument for a mode without a date (or the reverse), bad values */
  static ObjectLock.WriteLock of(S3Call call) {
    Optional<String> mode = call.header(MODE).map(String::trim);
    Optional<String> until = call.header(RETAIN_UNTIL).map(String::trim);
    if (mode.isPresent() != until.isPresent()) {
      throw WireError.invalidArgument("x-amz-object-lock-retain-until-date and"
          + " x-amz-object-lock-mode must both be supplied",
          mode.isPresent() ? MODE : RETAIN_UNTIL, mode.or(() -> until).orElseThrow());
    }
    Optional<ObjectLock.Retention> retention = Optional.empty();
    if (mode.isPresent()) {
      ObjectLock.Mode parsed;
      try {
        parsed = ObjectLock.Mode.valueOf(mode.get().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw WireError.invalidArgument("Unknown wormMode directive.", MODE, mode.get());
      }
      // A year past 9999 parses, but no AWS SDK could read it back: refused like any other.
      Instant date = instant(until.get()).filter(i -> !FourDigitYears.exceededBy(i))
          .orElseThrow(() -> WireError.invalidArgument(
              "The retain until date must be provided in ISO 8601 format", RETAIN_UNTIL,
              until.get()));
      retention = Optional.of(new ObjectLock.Retention(parsed, date));
    }
    Optional<String> hold = call.header(LEGAL_HOLD).map(String::trim);
    if (hold.isPresent() && !hold.get().equals("ON") && !hold.get().equals("OFF")) {
      throw WireError.invalidArgument("Legal Hold must be either of 'ON' or 'OFF'", LEGAL_HOLD,
          hold.get());
    }
    return new ObjectLock.WriteLock(retention, hold.map(ObjectLock.LegalHold::valueOf),
        EventHoldHeaders.of(call));
  }

  /** An ISO-8601 date with an offset, if it names an instant S3's date formats can write back. */
  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant()).filter(i -> !i.isAfter(LATEST));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
