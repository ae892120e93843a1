package dev.tombstone.internal;

import java.time.Instant;

/**
 * The dates the services may write: ISO 8601 with a four-digit year, the only form the AWS
 * SDKs parse. Internal: shared by the S3 domain and its protocol.
 */
public final class FourDigitYears {
  /** The last instant of the year 9999, UTC. */
  public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private FourDigitYears() {}

  /** Whether {@code instant} falls after the year 9999, UTC. */
  public static boolean exceededBy(Instant instant) {
    return instant.isAfter(LAST);
  }
}
