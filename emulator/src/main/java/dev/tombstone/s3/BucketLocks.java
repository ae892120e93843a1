package dev.tombstone.s3;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One bucket's Object Lock state: whether it is enabled, its default rule, each version's lock. */
final class BucketLocks {
  private volatile boolean enabled;
  private volatile Optional<ObjectLock.DefaultRetention> defaultRetention = Optional.empty();
  private volatile Optional<ObjectLock.EventHoldDuration> defaultEventHold = Optional.empty();
  private final ConcurrentHashMap<String, ObjectLock.VersionLock> versions =
      new ConcurrentHashMap<>();

  boolean enabled() {
    return enabled;
  }

  void enable() {
    enabled = true;
  }

  Optional<ObjectLock.DefaultRetention> defaultRetention() {
    return defaultRetention;
  }

  void defaultRetention(Optional<ObjectLock.DefaultRetention> rule) {
    defaultRetention = rule;
  }

  Optional<ObjectLock.EventHoldDuration> defaultEventHold() {
    return defaultEventHold;
  }

  void defaultEventHold(Optional<ObjectLock.EventHoldDuration> hold) {
    defaultEventHold = hold;
  }

  ObjectLock.VersionLock of(String key, String versionId) {
    return versions.getOrDefault(id(key, versionId), ObjectLock.VersionLock.NONE);
  }

  /** Records a version's lock; one with nothing left in it is forgotten. */
  void set(String key, String versionId, ObjectLock.VersionLock lock) {
    if (lock.isEmpty()) {
      versions.remove(id(key, versionId));
    } else {
      versions.put(id(key, versionId), lock);
    }
  }

  /** Forgets the lock of a version that is gone, so that it cannot outlive it. */
  void remove(String key, String versionId) {
    versions.remove(id(key, versionId));
  }

  /** @throws S3Error.ObjectLockError AccessDenied while a lock protects the version */
  void checkDelete(String key, String versionId, Instant now, boolean bypassGovernance) {
    if (of(key, versionId).refusesDelete(now, bypassGovernance)) {
      throw S3Error.ObjectLockError.accessDenied(ObjectLock.PROTECTED);
    }
  }

  private static String id(String key, String versionId) {
    return versionId + '/' + key;
  }
}
