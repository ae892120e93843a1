package dev.tombstone.s3;

import dev.tombstone.internal.FourDigitYears;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * S3 Object Lock values: a version's retention (mode and retain-until date), a bucket's default
 * retention, and what a locked version refuses. A version under retention cannot be deleted by
 * version id until the emulator's clock passes its date; GOVERNANCE gives way to
 * {@code x-amz-bypass-governance-retention: true}, COMPLIANCE, a legal hold and an event hold
 * never do.
 */
public final class ObjectLock {
  /** What S3 answers a delete or retention change that a lock forbids (403 AccessDenied). */
  public static final String PROTECTED = "Access Denied because object protected by object lock.";

  /** What S3 answers a retain-until date it cannot read: 400 InvalidArgument. */
  static final String UNREADABLE = "The retain until date must be provided in ISO 8601 format";

  // The last instant S3's dates show (milliseconds) in a year of four digits.
  static final Instant LATEST = FourDigitYears.LAST.truncatedTo(ChronoUnit.MILLIS);

  private ObjectLock() {}

  /** How strictly a retention holds. */
  public enum Mode {
    /** Lifted by a caller that sends {@code x-amz-bypass-governance-retention: true}. */
    GOVERNANCE,
    /** Lifted by nobody until its date passes; it can be extended, never shortened. */
    COMPLIANCE
  }

  /**
   * The legal hold status a write asks for ({@code x-amz-object-lock-legal-hold}): the new
   * version reports it on GET, HEAD and GetObjectLegalHold, OFF included. A write that asks
   * for none ({@code Optional.empty()}) leaves the version without a status.
   */
  public enum LegalHold {
    /** On hold: no delete of the version succeeds until the hold is lifted. */
    ON,
    /** Not on hold, but with the status recorded, as S3 records a write's OFF. */
    OFF;
  }

  /** A version's retention: protected while the clock is before {@code retainUntil}. */
  public record Retention(Mode mode, Instant retainUntil) {
    public Retention {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(retainUntil, "retainUntil");
    }

    /** Whether it still protects at {@code now}. */
    public boolean activeAt(Instant now) {
      return now.isBefore(retainUntil);
    }
  }

  /**
   * The retention a lock-enabled bucket gives every new version: {@code days} or {@code years}
   * (exactly one of them positive, at most {@value #MAX_DAYS} days or {@value #MAX_YEARS} years,
   * S3's limit of 100 years) from the version's creation.
   */
  public record DefaultRetention(Mode mode, int days, int years) {
    /** The longest default retention in days S3 accepts. */
    public static final int MAX_DAYS = 36_500;
    /** The longest default retention in years S3 accepts. */
    public static final int MAX_YEARS = 100;

    public DefaultRetention {
      Objects.requireNonNull(mode, "mode");
      if ((days > 0) == (years > 0) || days < 0 || years < 0) {
        throw new IllegalArgumentException(
            "exactly one of days and years must be positive, was " + days + " and " + years);
      }
      if (days > MAX_DAYS || years > MAX_YEARS) {
        throw new IllegalArgumentException("a default retention is at most " + MAX_DAYS
            + " days or " + MAX_YEARS + " years, was " + days + " days and " + years + " years");
      }
    }

    /**
     * The retention this rule gives a version created at {@code created}. A clock set so far
     * ahead that the date would fall after the year 9999 retains until the end of 9999: the
     * version stays protected for as long as a clock can run, and its date stays one the AWS
     * SDKs can read.
     */
    public Retention from(Instant created) {
      return new Retention(mode, after(created, days, years));
    }
  }

  /**
   * A bucket's Object Lock configuration: always Enabled, with an optional default retention
   * and an optional default event hold (S3's {@code DefaultRetention/DefaultEventHold}).
   */
  public record Configuration(
      Optional<DefaultRetention> defaultRetention, Optional<EventHoldDuration> defaultEventHold) {
    public Configuration {
      Objects.requireNonNull(defaultRetention, "defaultRetention");
      Objects.requireNonNull(defaultEventHold, "defaultEventHold");
    }

    /** A configuration without a default event hold. */
    public Configuration(Optional<DefaultRetention> defaultRetention) {
      this(defaultRetention, Optional.empty());
    }
  }

  /**
   * How long an event hold keeps protecting a version once released: {@code days} or
   * {@code years} (exactly one positive; at most {@value #MAX_DAYS} days or {@value #MAX_YEARS}
   * years), counted from the release.
   */
  public record EventHoldDuration(int days, int years) {
    /** The longest duration in days S3 accepts. */
    public static final int MAX_DAYS = 36_500;
    /** The longest duration in years S3 accepts. */
    public static final int MAX_YEARS = 100;

    public EventHoldDuration {
      if ((days > 0) == (years > 0) || days < 0 || years < 0) {
        throw new IllegalArgumentException(
            "exactly one of days and years must be positive, was " + days + " and " + years);
      }
      if (days > MAX_DAYS || years > MAX_YEARS) {
        throw new IllegalArgumentException("an event hold duration is at most " + MAX_DAYS
            + " days or " + MAX_YEARS + " years, was " + days + " days and " + years + " years");
      }
    }

    /** A duration of {@code days} days. */
    public static EventHoldDuration ofDays(int days) {
      return new EventHoldDuration(days, 0);
    }

    /** A duration of {@code years} years. */
    public static EventHoldDuration ofYears(int years) {
      return new EventHoldDuration(0, years);
    }

    /** The end of this duration counted from {@code start}, at most the end of the year 9999. */
    public Instant after(Instant start) {
      return ObjectLock.after(start, days, years);
    }
  }

  /**
   * A version's event hold: on while {@code releasedAt} is empty, then, once released, still
   * protecting until {@code releasedAt} plus {@code duration}. A bypass of governance never
   * lifts it.
   */
  public record EventHold(EventHoldDuration duration, Optional<Instant> releasedAt) {
    public EventHold {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(releasedAt, "releasedAt");
    }

    /** A hold that is on, to protect for {@code duration} after its release. */
    public static EventHold on(EventHoldDuration duration) {
      return new EventHold(duration, Optional.empty());
    }

    /** Whether the hold is on (not yet released). */
    public boolean isOn() {
      return releasedAt.isEmpty();
    }

    /** When a released hold stops protecting; empty while the hold is on. */
    public Optional<Instant> protectedUntil() {
      return releasedAt.map(duration::after);
    }

    /** Whether it still protects at {@code now}. */
    public boolean activeAt(Instant now) {
      return protectedUntil().map(now::isBefore).orElse(true);
    }
  }

  /**
   * An event hold asked for: by a write ({@code x-amz-object-lock-event-hold} and its duration
   * headers) or by PutObjectRetention ({@code EventHold}, {@code EventHoldDuration}). ON carries
   * the duration the version stays protected after release. OFF on a write places none and
   * keeps the bucket's default event hold off the new version; on PutObjectRetention it releases
   * the version's hold, after {@code duration} if given, else after the hold's own.
   */
  public record RequestedEventHold(boolean on, Optional<EventHoldDuration> duration) {
    /** OFF without a duration. */
    public static final RequestedEventHold OFF = new RequestedEventHold(false, Optional.empty());

    public RequestedEventHold {
      Objects.requireNonNull(duration, "duration");
      if (on && duration.isEmpty()) {
        throw new IllegalArgumentException("an event hold of ON has a duration");
      }
    }

    /** ON, to protect for {@code duration} after its release. */
    public static RequestedEventHold on(EventHoldDuration duration) {
      return new RequestedEventHold(true, Optional.of(duration));
    }
  }

  // start plus days or years, capped at the last instant a four-digit year shows.
  static Instant after(Instant start, int days, int years) {
    Instant until;
    try {
      until = days > 0
          ? start.plus(Duration.ofDays(days))
          : start.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    } catch (DateTimeException e) {
      until = LATEST;
    }
    return until.isAfter(LATEST) ? LATEST : until;
  }

  /**
   * The protection a write (PutObject, CopyObject, CreateMultipartUpload) asks for its new
   * version, from its {@code x-amz-object-lock-*} headers: a retention, else the bucket's default
   * one; a legal hold status, ON or OFF, else none; an event hold, else the bucket's default one.
   *
   * <pre>{@code
   * s3.putObject(request, ObjectLock.WriteLock.NONE
   *     .withRetention(new ObjectLock.Retention(ObjectLock.Mode.GOVERNANCE, until))
   *     .withLegalHold(ObjectLock.LegalHold.ON));
   * }</pre>
   */
  public record WriteLock(Optional<Retention> retention, Optional<LegalHold> legalHold,
      Optional<RequestedEventHold> eventHold) {
    /** Nothing asked: the bucket's defaults apply. */
    public static final WriteLock NONE =
        new WriteLock(Optional.empty(), Optional.empty(), Optional.empty());

    public WriteLock {
      Objects.requireNonNull(retention, "retention");
      Objects.requireNonNull(legalHold, "legalHold");
      Objects.requireNonNull(eventHold, "eventHold");
    }

    /** This request with {@code next} as the new version's retention. */
    public WriteLock withRetention(Retention next) {
      return new WriteLock(Optional.of(next), legalHold, eventHold);
    }

    /** This request with the legal hold status {@code next}. */
    public WriteLock withLegalHold(LegalHold next) {
      return new WriteLock(retention, Optional.of(next), eventHold);
    }

    /** This request with the event hold {@code next}. */
    public WriteLock withEventHold(RequestedEventHold next) {
      return new WriteLock(retention, legalHold, Optional.of(next));
    }

    /**
     * Whether it asks for protection that needs Object Lock on the bucket: a retention, or a
     * legal hold or event hold of ON (an OFF alone protects nothing).
     */
    public boolean asksForProtection() {
      return retention.isPresent() || legalHold.filter(LegalHold.ON::equals).isPresent()
          || eventHold.filter(RequestedEventHold::on).isPresent();
    }
  }

  /**
   * One version's protection: its retention, if any, its legal hold, and its event hold, if any.
   *
   * @param legalHoldStatusSet whether the version was ever given a legal hold status, ON or
   *     OFF (by PutObjectLegalHold, or by the write that created it): S3 reports OFF for such
   *     a version that is not on hold, and no status at all for one never given any
   */
  public record VersionLock(Optional<Retention> retention, boolean legalHold,
      boolean legalHoldStatusSet, Optional<EventHold> eventHold) {
    public VersionLock {
      Objects.requireNonNull(retention, "retention");
      Objects.requireNonNull(eventHold, "eventHold");
      if (legalHold && !legalHoldStatusSet) {
        throw new IllegalArgumentException("a legal hold that is on has its status set");
      }
    }

    /** A lock without an event hold. */
    public VersionLock(Optional<Retention> retention, boolean legalHold,
        boolean legalHoldStatusSet) {
      this(retention, legalHold, legalHoldStatusSet, Optional.empty());
    }

    /** A lock without an event hold whose legal hold status was set only if the hold is on. */
    public VersionLock(Optional<Retention> retention, boolean legalHold) {
      this(retention, legalHold, legalHold);
    }

    static final VersionLock NONE = new VersionLock(Optional.empty(), false);

    // A new version's lock: the legal hold's status is set when the write asked for one.
    static VersionLock of(Optional<Retention> retention, Optional<LegalHold> legalHold,
        Optional<EventHold> eventHold) {
      return new VersionLock(retention, legalHold.filter(LegalHold.ON::equals).isPresent(),
          legalHold.isPresent(), eventHold);
    }

    static VersionLock of(Optional<Retention> retention, Optional<LegalHold> legalHold) {
      return of(retention, legalHold, Optional.empty());
    }

    VersionLock withRetention(Optional<Retention> next) {
      return new VersionLock(next, legalHold, legalHoldStatusSet, eventHold);
    }

    VersionLock withLegalHold(boolean on) {
      return new VersionLock(retention, on, true, eventHold);
    }

    VersionLock withEventHold(Optional<EventHold> next) {
      return new VersionLock(retention, legalHold, legalHoldStatusSet, next);
    }

    // Whether there is nothing left to record: no retention, hold status or event hold.
    boolean isEmpty() {
      return retention.isEmpty() && !legalHoldStatusSet && eventHold.isEmpty();
    }

    // The legal hold status this lock reports, if it was ever given one.
    Optional<LegalHold> legalHoldStatus() {
      return legalHoldStatusSet
          ? Optional.of(legalHold ? LegalHold.ON : LegalHold.OFF) : Optional.empty();
    }

    /** Whether a delete of this version is refused at {@code now}. */
    public boolean refusesDelete(Instant now, boolean bypassGovernance) {
      if (legalHold || eventHold.filter(h -> h.activeAt(now)).isPresent()) {
        return true;
      }
      return retention.filter(r -> r.activeAt(now))
          .filter(r -> r.mode() == Mode.COMPLIANCE || !bypassGovernance)
          .isPresent();
    }
  }
}
