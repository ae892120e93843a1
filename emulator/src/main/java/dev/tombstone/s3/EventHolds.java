package dev.tombstone.s3;

import java.time.Instant;
import java.util.Optional;

/**
 * The rules of S3 Object Lock event holds: which hold a new version gets, and how
 * PutObjectRetention places or releases one. A change that would let a version go sooner than
 * its hold allows is refused as a retention change is (403 AccessDenied).
 */
final class EventHolds {
  private EventHolds() {}

  /**
   * The hold a version created now gets: the one its write asked for (OFF: none), else the
   * bucket's default event hold. None on a bucket without Object Lock.
   */
  static Optional<ObjectLock.EventHold> forNewVersion(
      Bucket bucket, Optional<ObjectLock.RequestedEventHold> asked) {
    if (!bucket.objectLock().enabled()) {
      return Optional.empty();
    }
    if (asked.isPresent()) {
      return asked.get().duration().filter(d -> asked.get().on()).map(ObjectLock.EventHold::on);
    }
    return bucket.objectLock().defaultEventHold().map(ObjectLock.EventHold::on);
  }

  /**
   * The hold a version has once PutObjectRetention asked for {@code asked} at {@code now}.
   * ON places the hold (again, if it was released); OFF releases one that is on, after the
   * duration asked for or the hold's own; OFF on a version without a hold in force, or whose
   * hold was already released, changes nothing.
   *
   * @throws S3Error.ObjectLockError AccessDenied when the duration asked for is shorter than
   *     that of a hold still in force
   */
  static Optional<ObjectLock.EventHold> change(Optional<ObjectLock.EventHold> current,
      ObjectLock.RequestedEventHold asked, Instant now) {
    Optional<ObjectLock.EventHold> inForce = current.filter(h -> h.activeAt(now));
    ObjectLock.EventHoldDuration duration =
        asked.duration().or(() -> inForce.map(ObjectLock.EventHold::duration)).orElse(null);
    if (inForce.isPresent() && duration != null
        && duration.after(now).isBefore(inForce.get().duration().after(now))) {
      throw S3Error.ObjectLockError.accessDenied(ObjectLock.PROTECTED);
    }
    if (asked.on()) {
      return Optional.of(ObjectLock.EventHold.on(duration));
    }
    if (inForce.isEmpty() || !inForce.get().isOn()) {
      return current;
    }
    return Optional.of(new ObjectLock.EventHold(duration, Optional.of(now)));
  }
}
