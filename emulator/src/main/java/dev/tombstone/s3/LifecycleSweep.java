package dev.tombstone.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies a bucket's lifecycle rules at one instant, key by key, atomically per key. */
final class LifecycleSweep {
  private LifecycleSweep() {}

  static List<BucketLifecycle.Action> run(Bucket bucket, List<BucketLifecycle.Rule> rules, VersionIds ids,
      Instant now) {
    List<BucketLifecycle.Action> actions = new ArrayList<>();
    for (Map.Entry<String, KeyHistory> entry : bucket.keys().entries()) {
      String key = entry.getKey();
      List<BucketLifecycle.Action> forKey = new ArrayList<>();
      bucket.keys().computeIfPresent(key, (k, history) -> {
        forKey.clear();
        return apply(bucket, k, history, rules, ids, now, forKey);
      });
      actions.addAll(forKey);
    }
    abortUploads(bucket, rules, now, actions);
    return actions;
  }

  private static void abortUploads(Bucket bucket, List<BucketLifecycle.Rule> rules, Instant now,
      List<BucketLifecycle.Action> done) {
    for (Map.Entry<String, MultipartUpload> entry : bucket.uploads().entrySet()) {
      MultipartUpload upload = entry.getValue();
      for (BucketLifecycle.Rule rule : rules) {
        if (!rule.enabled() || rule.abortIncompleteMultipartUploadDays().isEmpty()
            || !rule.filter().matchesKey(upload.key())
            || now.isBefore(BucketLifecycle.due(upload.initiated(),
                rule.abortIncompleteMultipartUploadDays().getAsInt()))) {
          continue;
        }
        try {
          upload.abort();
        } catch (S3Error.NoSuchUpload finishedMeanwhile) {
          break;
        }
        bucket.uploads().remove(entry.getKey(), upload);
        done.add(new BucketLifecycle.Action(bucket.name(), upload.key(), entry.getKey(),
            BucketLifecycle.Kind.MULTIPART_UPLOAD_ABORTED, rule.id(), now));
        break;
      }
    }
  }

  private static KeyHistory apply(Bucket bucket, String key, KeyHistory history,
      List<BucketLifecycle.Rule> rules, VersionIds ids, Instant now, List<BucketLifecycle.Action> done) {
    KeyHistory current = history;
    for (BucketLifecycle.Rule rule : rules) {
      if (current == null) {
        return null;
      }
      if (!rule.enabled() || !rule.filter().matchesKey(key)) {
        continue;
      }
      if (rule.noncurrentExpiration().isPresent()) {
        current = noncurrent(bucket, key, current, rule, now, done);
      }
      if (current != null && rule.expiration().isPresent()) {
        current = expire(bucket, key, current, rule, ids, now, done);
      }
    }
    return current;
  }

  private static KeyHistory noncurrent(Bucket bucket, String key, KeyHistory history,
      BucketLifecycle.Rule rule, Instant now, List<BucketLifecycle.Action> done) {
    BucketLifecycle.NoncurrentExpiration config = rule.noncurrentExpiration().orElseThrow();
    int keep = config.newerNoncurrentVersions().orElse(0);
    List<Entry> entries = history.entries();
    List<Entry> next = new ArrayList<>(entries);
    int noncurrentSeen = 0;
    for (int i = 1; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      noncurrentSeen++;
      if (noncurrentSeen <= keep) {
        continue;
      }
      // A version becomes noncurrent when the entry above it is written.
      Instant since = entries.get(i - 1).lastModified();
      boolean versionMatches = !(entry instanceof StoredObject stored)
          || rule.filter().matches(key, stored.size(), stored.tags());
      if (versionMatches && !now.isBefore(BucketLifecycle.due(since, config.noncurrentDays()))
          && !bucket.objectLock().of(key, entry.versionId()).refusesDelete(now, false)) {
        next.remove(entry);
        done.add(new BucketLifecycle.Action(bucket.name(), key, entry.versionId(),
            BucketLifecycle.Kind.NONCURRENT_VERSION_REMOVED, rule.id(), now));
      }
    }
    return next.isEmpty() ? null : new KeyHistory(next);
  }

  private static KeyHistory expire(Bucket bucket, String key, KeyHistory history,
      BucketLifecycle.Rule rule, VersionIds ids, Instant now, List<BucketLifecycle.Action> done) {
    BucketLifecycle.Expiration config = rule.expiration().orElseThrow();
    Entry top = history.current();
    if (top instanceof Entry.Marker marker) {
      if (config.expiredObjectDeleteMarker() && history.size() == 1) {
        done.add(new BucketLifecycle.Action(bucket.name(), key, marker.versionId(),
            BucketLifecycle.Kind.EXPIRED_DELETE_MARKER_REMOVED, rule.id(), now));
        return null;
      }
      return history;
    }
    StoredObject stored = (StoredObject) top;
    if (!rule.filter().matches(key, stored.size(), stored.tags())
        || !due(config, stored, now)) {
      return history;
    }
    switch (bucket.versioning()) {
      case ENABLED -> {
        String markerId = ids.next();
        done.add(new BucketLifecycle.Action(bucket.name(), key, markerId,
            BucketLifecycle.Kind.DELETE_MARKER_ADDED, rule.id(), now));
        return KeyHistory.push(history, new Entry.Marker(markerId, now));
      }
      case SUSPENDED -> {
        done.add(new BucketLifecycle.Action(bucket.name(), key, VersionIds.NULL,
            BucketLifecycle.Kind.DELETE_MARKER_ADDED, rule.id(), now));
        return KeyHistory.replaceNull(history, new Entry.Marker(VersionIds.NULL, now));
      }
      default -> {
        done.add(new BucketLifecycle.Action(bucket.name(), key, stored.versionId(),
            BucketLifecycle.Kind.CURRENT_VERSION_REMOVED, rule.id(), now));
        return null;
      }
    }
  }

  private static boolean due(BucketLifecycle.Expiration config, StoredObject stored, Instant now) {
    if (config.days().isPresent()) {
      return !now.isBefore(BucketLifecycle.due(stored.lastModified(), config.days().getAsInt()));
    }
    return config.date().filter(date -> !now.isBefore(date)).isPresent();
  }
}
