package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's point-in-time recovery, as DescribeContinuousBackups reports it. On-demand backups
 * are always available, so only point-in-time recovery is ever off.
 *
 * @param recoveryPeriodInDays how far back a restore may go, 1 to 35; 0 while recovery is off
 * @param earliestRestorable the earliest time a restore may name; empty while recovery is off
 * @param latestRestorable the latest time a restore may name: {@link Backups#RESTORABLE_LAG}
 *     before now, never before {@code earliestRestorable}; empty while recovery is off
 */
public record ContinuousBackups(
    boolean pointInTimeRecoveryEnabled,
    int recoveryPeriodInDays,
    Optional<Instant> earliestRestorable,
    Optional<Instant> latestRestorable) {

  public ContinuousBackups {
    Objects.requireNonNull(earliestRestorable, "earliestRestorable");
    Objects.requireNonNull(latestRestorable, "latestRestorable");
  }

  static final ContinuousBackups DISABLED =
      new ContinuousBackups(false, 0, Optional.empty(), Optional.empty());
}
