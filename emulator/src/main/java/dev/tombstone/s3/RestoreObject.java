package dev.tombstone.s3;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * RestoreObject: makes a temporary readable copy of an archived version. The copy is ready
 * after the tier's time on the emulator's clock (see {@link Tier#duration}) and is kept
 * {@code days} after that, rounded up to midnight UTC, as S3 computes the expiry date. While it
 * is readable, restoring again sets a new expiry, counted from the new request.
 */
public final class RestoreObject {
  private RestoreObject() {}

  /** The retrieval tiers of {@code GlacierJobParameters}; Standard when none is given. */
  public enum Tier {
    EXPEDITED(Duration.ofMinutes(5), null),
    STANDARD(Duration.ofHours(4), Duration.ofHours(12)),
    BULK(Duration.ofHours(12), Duration.ofHours(48));

    private final Duration glacier;
    private final Duration deepArchive;

    Tier(Duration glacier, Duration deepArchive) {
      this.glacier = glacier;
      this.deepArchive = deepArchive;
    }

    /**
     * How long a restore of this tier takes: the upper end of the times S3 documents (Expedited
     * 1-5 minutes, Standard 3-5 hours, Bulk 5-12 hours for GLACIER; Standard 12 hours, Bulk 48
     * hours for DEEP_ARCHIVE); empty where S3 offers no such tier (Expedited for DEEP_ARCHIVE).
     */
    public Optional<Duration> duration(String storageClass) {
      return Optional.ofNullable(
          ArchiveClasses.DEEP_ARCHIVE.equals(storageClass) ? deepArchive : glacier);
    }
  }

  /** What a restore request did, which S3 tells apart by status. */
  public enum Outcome {
    /** A restore started: 202 Accepted. */
    STARTED,
    /** The version was restored already; its copy now expires later: 200 OK. */
    EXTENDED
  }

  /**
   * A restore request.
   *
   * @param versionId the version to restore; the current one when empty
   * @param days how long the restored copy is kept, at least 1
   */
  public record Request(String bucket, String key, Optional<String> versionId, int days,
      Tier tier) {
    public Request {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(versionId, "versionId");
      Objects.requireNonNull(tier, "tier");
      if (days < 1) {
        throw new IllegalArgumentException("days must be at least 1, was " + days);
      }
    }
  }

  static Outcome execute(Bucket bucket, Request request, Instant now) {
    Outcome[] outcome = new Outcome[1];
    ObjectTagging.update(bucket, request.key(), request.versionId(), object -> {
      String storageClass = object.metadata().storageClass();
      if (!ArchiveClasses.isArchived(storageClass)) {
        throw new S3Error.InvalidObjectState(S3Error.InvalidObjectState.Refused.RESTORE,
            storageClass);
      }
      Optional<ObjectRestore> earlier = object.restore().filter(r -> !r.expiredAt(now));
      if (earlier.isPresent() && earlier.get().inProgressAt(now)) {
        throw new S3Error.RestoreAlreadyInProgress();
      }
      if (earlier.isPresent()) {
        outcome[0] = Outcome.EXTENDED;
        return object.withRestore(new ObjectRestore(earlier.get().requested(),
            earlier.get().completes(), BucketLifecycle.due(now, request.days())));
      }
      Duration takes = request.tier().duration(storageClass).orElseThrow(() ->
          new S3Error.InvalidArgument("Expedited retrievals are not supported for objects in the"
              + " " + storageClass + " storage class", "Tier", "Expedited"));
      Instant completes = now.plus(takes);
      outcome[0] = Outcome.STARTED;
      return object.withRestore(
          new ObjectRestore(now, completes, BucketLifecycle.due(completes, request.days())));
    });
    return outcome[0];
  }

  /**
   * Refuses to hand out the bytes of an archived version that is not restored at {@code now}.
   *
   * @param copy whether the bytes are a copy's source, which S3 words differently
   */
  static void checkReadable(StoredObject object, Instant now, boolean copy) {
    String storageClass = object.metadata().storageClass();
    if (!ArchiveClasses.isArchived(storageClass)
        || object.restore().filter(r -> r.readableAt(now)).isPresent()) {
      return;
    }
    throw new S3Error.InvalidObjectState(copy ? S3Error.InvalidObjectState.Refused.COPY_SOURCE
        : S3Error.InvalidObjectState.Refused.READ, storageClass);
  }
}
