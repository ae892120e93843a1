package dev.tombstone.s3;

import java.time.Instant;
import java.util.List;

/**
 * The Transition and NoncurrentVersionTransition actions of one rule, applied to one key at one
 * instant: a due version changes storage class and keeps its bytes, ETag, version id and
 * metadata. Objects move only down S3's waterfall, and objects under 128 KB only as the
 * configuration's {@link BucketLifecycle.TransitionMinimumSize} allows, unless the rule filters
 * by size itself, as S3 documents.
 */
final class TransitionSweep {
  // S3's transition waterfall; REDUCED_REDUNDANCY may move to any class, as STANDARD.
  private static final List<String> WATERFALL = List.of("STANDARD", "STANDARD_IA",
      "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", ArchiveClasses.GLACIER,
      ArchiveClasses.DEEP_ARCHIVE);
  private static final long SMALL_OBJECT = 128 * 1024;

  private TransitionSweep() {}

  static KeyHistory apply(Bucket bucket, String key, KeyHistory history,
      BucketLifecycle.Rule rule, Instant now, List<BucketLifecycle.Action> done) {
    KeyHistory next = history;
    if (history.current() instanceof StoredObject current) {
      StoredObject moved = current;
      for (BucketLifecycle.Transition transition : rule.transitions()) {
        if (due(transition, current.lastModified(), now)
            && allowed(bucket, key, moved, rule, transition.storageClass())) {
          moved = moved.withStorageClass(transition.storageClass());
        }
      }
      if (moved != current) {
        next = next.replace(current.versionId(), moved);
        done.add(new BucketLifecycle.Action(bucket.name(), key, current.versionId(),
            BucketLifecycle.Kind.CURRENT_VERSION_TRANSITIONED, rule.id(), now));
      }
    }
    List<Entry> entries = history.entries();
    for (BucketLifecycle.NoncurrentTransition transition : rule.noncurrentTransitions()) {
      int keep = transition.newerNoncurrentVersions().orElse(0);
      for (int i = 1 + keep; i < entries.size(); i++) {
        // A version becomes noncurrent when the entry above it is written.
        Instant since = entries.get(i - 1).lastModified();
        if (!(next.entries().get(i) instanceof StoredObject version)
            || now.isBefore(BucketLifecycle.due(since, transition.noncurrentDays()))
            || !allowed(bucket, key, version, rule, transition.storageClass())) {
          continue;
        }
        next = next.replace(version.versionId(),
            version.withStorageClass(transition.storageClass()));
        done.add(new BucketLifecycle.Action(bucket.name(), key, version.versionId(),
            BucketLifecycle.Kind.NONCURRENT_VERSION_TRANSITIONED, rule.id(), now));
      }
    }
    return next;
  }

  /** When a Transition moves a current version written at {@code created}. */
  static Instant dueDate(BucketLifecycle.Transition transition, Instant created) {
    return transition.days().isPresent()
        ? BucketLifecycle.due(created, transition.days().getAsInt())
        : transition.date().orElseThrow();
  }

  private static boolean due(BucketLifecycle.Transition transition, Instant created,
      Instant now) {
    return !now.isBefore(dueDate(transition, created));
  }

  private static boolean allowed(Bucket bucket, String key, StoredObject object,
      BucketLifecycle.Rule rule, String target) {
    String from = object.metadata().storageClass();
    int rank = from.equals("REDUCED_REDUNDANCY") ? 0 : WATERFALL.indexOf(from);
    if (rank < 0 || WATERFALL.indexOf(target) <= rank
        || !rule.filter().matches(key, object.size(), object.tags())) {
      return false;
    }
    BucketLifecycle.Filter filter = rule.filter();
    if (object.size() >= SMALL_OBJECT || filter.sizeGreaterThan().isPresent()
        || filter.sizeLessThan().isPresent()) {
      return true;
    }
    return bucket.transitionMinimumSize()
        == BucketLifecycle.TransitionMinimumSize.VARIES_BY_STORAGE_CLASS
        && ArchiveClasses.isArchived(target);
  }
}
