package dev.tombstone.s3;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * One bucket: its versioning state and its keys in S3's order. Object operations run under the
 * read side of a lock and DeleteBucket takes the write side, so no write can land in a bucket
 * that is being deleted; the occasional rebuild of the key order takes the write side briefly, to
 * begin and to finish, and builds beside the operations in between.
 */
final class Bucket {
  private static final long COMPACTION_WAIT_MILLIS = 50;
  private static final int COMPACTION_LOCK_ATTEMPTS = 5;

  private final String name;
  private final String region;
  private final Instant creationDate;
  private final KeyIndex keys = new KeyIndex();
  private final ConcurrentHashMap<String, MultipartUpload> uploads = new ConcurrentHashMap<>();
  private final CompletedUploads completedUploads = new CompletedUploads();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final BucketLocks objectLock = new BucketLocks();
  private volatile List<BucketLifecycle.Rule> lifecycle = List.of();
  private volatile BucketLifecycle.TransitionMinimumSize transitionMinimumSize =
      BucketLifecycle.TransitionMinimumSize.DEFAULT;
  private volatile Versioning versioning = Versioning.UNVERSIONED;
  private volatile boolean mfaDeleteConfigured;
  private final BucketSettings settings;
  private final AccessControlList defaultObjectAcl;
  private boolean deleted;
  private final AtomicBoolean compacting = new AtomicBoolean();

  Bucket(String name, String region, Instant creationDate, BucketSettings settings) {
    this.name = name;
    this.region = region;
    this.creationDate = creationDate;
    this.settings = settings;
    this.defaultObjectAcl = AccessControlList.ownerFullControl(settings.owner());
  }

  /** ACL, ownership, public access block, tags and MFA delete of this bucket. */
  BucketSettings settings() {
    return settings;
  }

  Owner owner() {
    return settings.owner();
  }

  /** The region the bucket was created in: its LocationConstraint, or the emulator's region. */
  String region() {
    return region;
  }

  /**
   * The ACL of a version written without one: the owner's full control, made once per bucket so
   * that every such version shares it.
   */
  AccessControlList defaultObjectAcl() {
    return defaultObjectAcl;
  }

  String name() {
    return name;
  }

  /** The keys of this bucket; change them only inside {@link #use}. */
  KeyIndex keys() {
    return keys;
  }

  /** The multipart uploads in progress, by upload id; change them only inside {@link #use}. */
  ConcurrentHashMap<String, MultipartUpload> uploads() {
    return uploads;
  }

  /** The uploads completed last, for a CompleteMultipartUpload that is sent again. */
  CompletedUploads completedUploads() {
    return completedUploads;
  }

  /** Object Lock: enabled or not, the default rule, each version's lock. */
  BucketLocks objectLock() {
    return objectLock;
  }

  /** The lifecycle rules; empty when none are configured. */
  List<BucketLifecycle.Rule> lifecycle() {
    return lifecycle;
  }

  void lifecycle(List<BucketLifecycle.Rule> rules) {
    lifecycle = List.copyOf(rules);
  }

  /** The configuration's default minimum object size for transitions. */
  BucketLifecycle.TransitionMinimumSize transitionMinimumSize() {
    return transitionMinimumSize;
  }

  void transitionMinimumSize(BucketLifecycle.TransitionMinimumSize size) {
    transitionMinimumSize = Objects.requireNonNull(size, "size");
  }

  /** Tells the uploads in progress of {@code key} that it was written or deleted. */
  void keyWritten(String key) {
    if (uploads.isEmpty()) {
      return;
    }
    for (MultipartUpload upload : uploads.values()) {
      if (upload.key().equals(key)) {
        upload.markKeyChanged();
      }
    }
  }

  Versioning versioning() {
    return versioning;
  }

  BucketInfo info() {
    return new BucketInfo(name, region, creationDate, versioning,
        mfaDeleteConfigured || settings.mfaDelete(), settings.mfaDelete());
  }

  /** Runs an operation on this bucket unless it was deleted meanwhile. */
  <T> T use(Function<Bucket, T> operation) {
    Lock read = lock.readLock();
    read.lock();
    try {
      if (deleted) {
        throw new S3Error.NoSuchBucket(name);
      }
      return operation.apply(this);
    } finally {
      read.unlock();
      if (keys.wantsCompaction() && compacting.compareAndSet(false, true)) {
        ForkJoinPool.commonPool().execute(this::compactKeys);
      }
    }
  }

  /**
   * Rebuilds the key order in the background: the exclusive side of the lock is held only to
   * begin and to finish, while the sorting and building run beside the bucket's operations.
   * Waits only briefly for the lock each time: if the bucket stays busy, or a holder of this
   * lock waits for another bucket's, the rebuild is given up and a later operation asks again.
   */
  private void compactKeys() {
    try {
      KeyIndex.Rebuild rebuild;
      if (!lockExclusively()) {
        return;
      }
      try {
        if (deleted || !keys.wantsCompaction()) {
          return;
        }
        rebuild = keys.beginRebuild();
      } finally {
        lock.writeLock().unlock();
      }
      rebuild.build();
      if (!lockExclusively()) {
        rebuild.abandon();
        return;
      }
      try {
        rebuild.finish();
      } finally {
        lock.writeLock().unlock();
      }
    } finally {
      compacting.set(false);
    }
  }

  private boolean lockExclusively() {
    try {
      for (int attempt = 0; attempt < COMPACTION_LOCK_ATTEMPTS; attempt++) {
        if (lock.writeLock().tryLock(COMPACTION_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Sets the versioning state (when given) and remembers that MFA delete was configured. */
  void configureVersioning(Optional<Versioning> state, boolean mfaDelete) {
    use(bucket -> {
      synchronized (this) {
        state.ifPresent(this::changeVersioning);
        mfaDeleteConfigured |= mfaDelete;
      }
      return null;
    });
  }

  private void changeVersioning(Versioning state) {
    if (state == Versioning.UNVERSIONED && versioning != Versioning.UNVERSIONED) {
      throw new IllegalArgumentException("bucket " + name + " was versioned; it can be"
          + " SUSPENDED but never return to UNVERSIONED");
    }
    if (state != Versioning.ENABLED && objectLock.enabled()) {
      throw S3Error.ObjectLockError.invalidBucketState("An Object Lock configuration is present"
          + " on this bucket, so the versioning state cannot be changed.");
    }
    if (state != Versioning.ENABLED && settings.configurations().replication().isPresent()) {
      throw S3Error.ObjectLockError.invalidBucketState("A replication configuration is present"
          + " on this bucket, so you cannot change the versioning state. To change the"
          + " versioning state, first delete the replication configuration.");
    }
    versioning = state;
  }

  /**
   * Marks this bucket deleted.
   *
   * @throws S3Error.BucketNotEmpty when any version or delete marker remains
   */
  void delete() {
    Lock write = lock.writeLock();
    write.lock();
    try {
      if (!keys.isEmpty()) {
        throw new S3Error.BucketNotEmpty(name, versioning.isVersioningAware());
      }
      deleted = true;
    } finally {
      write.unlock();
    }
  }
}
