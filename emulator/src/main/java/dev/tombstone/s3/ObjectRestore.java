package dev.tombstone.s3;

import java.time.Instant;
import java.util.Objects;

/**
 * A RestoreObject of an archived version (GLACIER or DEEP_ARCHIVE): the temporary copy is being
 * made until {@code completes}, then readable until {@code expires}, after which the version is
 * archived again. Both are instants on the emulator's clock.
 *
 * @param requested when the restore was asked for
 * @param completes when the temporary copy is ready: the request plus the tier's time
 * @param expires when the temporary copy goes: the request's Days after completion, rounded up
 *     to midnight UTC
 */
public record ObjectRestore(Instant requested, Instant completes, Instant expires) {
  public ObjectRestore {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(completes, "completes");
    Objects.requireNonNull(expires, "expires");
  }

  /** Whether the copy is still being made at {@code now}. */
  public boolean inProgressAt(Instant now) {
    return now.isBefore(completes);
  }

  /** Whether the temporary copy is readable at {@code now}. */
  public boolean readableAt(Instant now) {
    return !inProgressAt(now) && now.isBefore(expires);
  }

  /** Whether the restore is over at {@code now}: the copy expired, the version is archived. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expires);
  }
}
