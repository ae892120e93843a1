package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a restored table came from, as its description's {@code RestoreSummary} reports it. A
 * restore completes at once here, so it is never in progress.
 *
 * @param sourceBackupArn the backup restored; empty for a point-in-time restore
 * @param sourceTableArn the table the backup was taken of, or the table restored to a time
 * @param restoredTo the backup's creation time, or the point in time restored to
 */
public record RestoreSummary(
    Optional<String> sourceBackupArn, String sourceTableArn, Instant restoredTo) {
  public RestoreSummary {
    Objects.requireNonNull(sourceBackupArn, "sourceBackupArn");
    Objects.requireNonNull(sourceTableArn, "sourceTableArn");
    Objects.requireNonNull(restoredTo, "restoredTo");
  }
}
