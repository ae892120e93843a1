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
 * {@code x-amz-bypass-governance-retention: true}, COMPLIANCE and a legal hold never do.
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

    // The boolean the older S3State methods take: true is ON, false asks for no status.
    static Optional<LegalHold> ofBoolean(boolean on) {
      return on ? Optional.of(ON) : Optional.empty();
    }
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
      Instant until;
      try {
        until = days > 0
            ? created.plus(Duration.ofDays(days))
            : created.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
      } catch (DateTimeException e) {
        until = LATEST;
      }
      return new Retention(mode, until.isAfter(LATEST) ? LATEST : until);
    }
  }

  /** A bucket's Object Lock configuration: always Enabled, with an optional default rule. */
  public record Configuration(Optional<DefaultRetention> defaultRetention) {
    public Configuration {
      Objects.requireNonNull(defaultRetention, "defaultRetention");
    }
  }

  /**
   * One version's protection: its retention, if any, and its legal hold.
   *
   * @param legalHoldStatusSet whether the version was ever given a legal hold status, ON or
   *     OFF (by PutObjectLegalHold, or by the write that created it): S3 reports OFF for such
   *     a version that is not on hold, and no status at all for one never given any
   */
  public record VersionLock(
      Optional<Retention> retention, boolean legalHold, boolean legalHoldStatusSet) {
    public VersionLock {
      Objects.requireNonNull(retention, "retention");
      if (legalHold && !legalHoldStatusSet) {
        throw new IllegalArgumentException("a legal hold that is on has its status set");
      }
    }

    /** A lock whose legal hold status was set only if the hold is on. */
    public VersionLock(Optional<Retention> retention, boolean legalHold) {
      this(retention, legalHold, legalHold);
    }

    static final VersionLock NONE = new VersionLock(Optional.empty(), false);

    // A new version's lock: the legal hold's status is set when the write asked for one.
    static VersionLock of(Optional<Retention> retention, Optional<LegalHold> legalHold) {
      return new VersionLock(retention, legalHold.filter(LegalHold.ON::equals).isPresent(),
          legalHold.isPresent());
    }

    // The legal hold status this lock reports, if it was ever given one.
    Optional<LegalHold> legalHoldStatus() {
      return legalHoldStatusSet
          ? Optional.of(legalHold ? LegalHold.ON : LegalHold.OFF) : Optional.empty();
    }

    /** Whether a delete of this version is refused at {@code now}. */
    public boolean refusesDelete(Instant now, boolean bypassGovernance) {
      if (legalHold) {
        return true;
      }
      return retention.filter(r -> r.activeAt(now))
          .filter(r -> r.mode() == Mode.COMPLIANCE || !bypassGovernance)
          .isPresent();
    }
  }
}
