package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.ObjectLock;
import java.util.Optional;

/**
 * The event hold headers of PutObject, CopyObject and CreateMultipartUpload, and the ones HEAD
 * and GET answer with: {@code x-amz-object-lock-event-hold} (ON or OFF) and its duration in
 * days or in years. ON needs exactly one duration; a duration goes with ON only.
 */
final class EventHoldHeaders {
  static final String EVENT_HOLD = "x-amz-object-lock-event-hold";
  static final String DAYS = "x-amz-object-lock-event-hold-duration-days";
  static final String YEARS = "x-amz-object-lock-event-hold-duration-years";

  private EventHoldHeaders() {}

  /**
   * The event hold a write asks for; empty without the header.
   *
   * @throws WireError InvalidArgument for a value other than ON or OFF, a duration that is not
   *     a whole number in S3's range, both durations, ON without one or one without ON
   */
  static Optional<ObjectLock.RequestedEventHold> of(S3Call call) {
    Optional<String> hold = call.header(EVENT_HOLD).map(String::trim);
    if (hold.isPresent() && !hold.get().equals("ON") && !hold.get().equals("OFF")) {
      throw WireError.invalidArgument("Event Hold must be either of 'ON' or 'OFF'", EVENT_HOLD,
          hold.get());
    }
    Optional<String> days = call.header(DAYS).map(String::trim);
    Optional<String> years = call.header(YEARS).map(String::trim);
    if (days.isPresent() && years.isPresent()) {
      throw WireError.invalidArgument(
          DAYS + " and " + YEARS + " cannot both be supplied", YEARS, years.get());
    }
    Optional<ObjectLock.EventHoldDuration> duration = days
        .map(d -> ObjectLock.EventHoldDuration.ofDays(
            number(DAYS, d, ObjectLock.EventHoldDuration.MAX_DAYS)))
        .or(() -> years.map(y -> ObjectLock.EventHoldDuration.ofYears(
            number(YEARS, y, ObjectLock.EventHoldDuration.MAX_YEARS))));
    boolean on = hold.filter("ON"::equals).isPresent();
    if (on && duration.isEmpty()) {
      throw WireError.invalidArgument(EVENT_HOLD + " ON needs " + DAYS + " or " + YEARS,
          EVENT_HOLD, hold.get());
    }
    if (!on && duration.isPresent()) {
      String name = days.isPresent() ? DAYS : YEARS;
      throw WireError.invalidArgument(name + " is only applicable with " + EVENT_HOLD + " ON",
          name, days.or(() -> years).orElseThrow());
    }
    return hold.map(h -> on ? ObjectLock.RequestedEventHold.on(duration.orElseThrow())
        : ObjectLock.RequestedEventHold.OFF);
  }

  /** HEAD and GET: the hold's status, and its duration while it is on. */
  static S3Response describe(S3Response response, Optional<ObjectLock.EventHold> eventHold) {
    if (eventHold.isEmpty()) {
      return response;
    }
    ObjectLock.EventHold hold = eventHold.get();
    S3Response out = response.with(EVENT_HOLD, hold.isOn() ? "ON" : "OFF");
    if (!hold.isOn()) {
      return out;
    }
    return hold.duration().days() > 0 ? out.with(DAYS, String.valueOf(hold.duration().days()))
        : out.with(YEARS, String.valueOf(hold.duration().years()));
  }

  // A whole number from 1 to max; anything else is InvalidArgument naming the header.
  static int number(String name, String text, int max) {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value < 1 || value > max) {
      throw WireError.invalidArgument(
          "Event hold duration must be a whole number from 1 to " + max, name, text);
    }
    return value;
  }
}
