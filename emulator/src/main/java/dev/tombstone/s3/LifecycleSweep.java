package dev.tombstone.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies a bucket's lifecycle rules at one instant, key by key, atomically per key: each rule's
 * transitions first, then its expirations.
 */
final class LifecycleSweep {
  private LifecycleSweep() {}

  static List<BucketLifecycle.Action> run(Bucket bucket, List<BucketLifecycle.Rule> rules,
      VersionIds ids, Instant now) {
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

  /**
   * The first instant after {@code after} at which one of {@code rules} may act on this bucket
   * (see {@link S3State#nextLifecycleDue}).
   */
  static Optional<Instant> nextDue(Bucket bucket, List<BucketLifecycle.Rule> rules,
      Instant after) {
    Earliest earliest = new Earliest(after);
    for (BucketLifecycle.Rule rule : rules) {
      if (rule.enabled()) {
        rule.expiration().flatMap(BucketLifecycle.Expiration::date).ifPresent(earliest::offer);
        for (BucketLifecycle.Transition transition : rule.transitions()) {
          transition.date().ifPresent(earliest::offer);
        }
      }
    }
    for (Map.Entry<String, KeyHistory> entry : bucket.keys().entries()) {
      String key = entry.getKey();
      List<Entry> entries = entry.getValue().entries();
      for (BucketLifecycle.Rule rule : rules) {
        if (!rule.enabled() || !rule.filter().matchesKey(key)) {
          continue;
        }
        OptionalInt days = rule.expiration().map(BucketLifecycle.Expiration::days)
            .orElse(OptionalInt.empty());
        if (days.isPresent() && entries.get(0) instanceof StoredObject current) {
          earliest.offer(BucketLifecycle.due(current.lastModified(), days.getAsInt()));
        }
        // A marker on top is due by its own age; it goes then if it is the key's only version
        // (or later, at the stop that removes the versions below it).
        if (days.isPresent() && entries.get(0) instanceof Entry.Marker marker
            && rule.filter().matchesMarker(key)) {
          earliest.offer(BucketLifecycle.due(marker.lastModified(), days.getAsInt()));
        }
        if (rule.noncurrentExpiration().isPresent()) {
          int noncurrentDays = rule.noncurrentExpiration().get().noncurrentDays();
          for (int i = 1; i < entries.size(); i++) {
            earliest.offer(BucketLifecycle.due(entries.get(i - 1).lastModified(), noncurrentDays));
          }
        }
        offerTransitions(earliest, rule, entries);
      }
      // A version that fell due while locked goes when its retention ends.
      for (Entry version : entries) {
        bucket.objectLock().of(key, version.versionId()).retention()
            .ifPresent(retention -> earliest.offer(retention.retainUntil()));
      }
    }
    for (MultipartUpload upload : bucket.uploads().values()) {
      BucketLifecycle.abort(rules, upload.key(), upload.initiated())
          .ifPresent(abort -> earliest.offer(abort.date()));
    }
    return Optional.ofNullable(earliest.first);
  }

  private static void offerTransitions(Earliest earliest, BucketLifecycle.Rule rule,
      List<Entry> entries) {
    if (entries.get(0) instanceof StoredObject current) {
      for (BucketLifecycle.Transition transition : rule.transitions()) {
        earliest.offer(TransitionSweep.dueDate(transition, current.lastModified()));
      }
    }
    for (BucketLifecycle.NoncurrentTransition transition : rule.noncurrentTransitions()) {
      for (int i = 1; i < entries.size(); i++) {
        earliest.offer(BucketLifecycle.due(entries.get(i - 1).lastModified(),
            transition.noncurrentDays()));
      }
    }
  }

  /** The earliest of the instants offered that lies after a bound. */
  private static final class Earliest {
    private final Instant after;
    private Instant first;

    Earliest(Instant after) {
      this.after = after;
    }

    void offer(Instant instant) {
      if (instant.isAfter(after) && (first == null || instant.isBefore(first))) {
        first = instant;
      }
    }
  }

  private static void abortUploads(Bucket bucket, List<BucketLifecycle.Rule> rules, Instant now,
      List<BucketLifecycle.Action> done) {
    for (Map.Entry<String, MultipartUpload> entry : bucket.uploads().entrySet()) {
      MultipartUpload upload = entry.getValue();
      Optional<BucketLifecycle.Expiry> abort =
          BucketLifecycle.abort(rules, upload.key(), upload.initiated());
      if (abort.isEmpty() || now.isBefore(abort.get().date())) {
        continue;
      }
      try {
        upload.abort();
      } catch (S3Error.NoSuchUpload finishedMeanwhile) {
        continue;
      }
      bucket.uploads().remove(entry.getKey(), upload);
      done.add(new BucketLifecycle.Action(bucket.name(), upload.key(), entry.getKey(),
          BucketLifecycle.Kind.MULTIPART_UPLOAD_ABORTED, abort.get().ruleId(), now));
    }
  }

  private static KeyHistory apply(Bucket bucket, String key, KeyHistory history,
      List<BucketLifecycle.Rule> rules, VersionIds ids, Instant now,
      List<BucketLifecycle.Action> done) {
    KeyHistory current = history;
    for (BucketLifecycle.Rule rule : rules) {
      if (current == null) {
        return null;
      }
      if (!rule.enabled() || !rule.filter().matchesKey(key)) {
        continue;
      }
      if (!rule.transitions().isEmpty() || !rule.noncurrentTransitions().isEmpty()) {
        current = TransitionSweep.apply(bucket, key, current, rule, now, done);
      }
      if (rule.noncurrentExpiration().isPresent()) {
        current = noncurrent(bucket, key, current, rule, now, done);
      }
      if (current != null && rule.expiration().isPresent()) {
        current = expire(bucket, key, current, rule, ids, now, done);
      }
    }
    // Last, so that a marker left alone by any rule's removals above goes in the same sweep.
    return current == null ? null : removeLoneMarker(bucket, key, current, rules, now, done);
  }

  /**
   * Removes a delete marker that is its key's only version, as the first rule that cleans up
   * such markers says: {@code ExpiredObjectDeleteMarker} at once, an Expiration {@code Days}
   * once the marker is that many days old (rounded up to midnight UTC), an Expiration
   * {@code Date} once it has passed; S3 documents both for rules that expire current versions.
   */
  private static KeyHistory removeLoneMarker(Bucket bucket, String key, KeyHistory history,
      List<BucketLifecycle.Rule> rules, Instant now, List<BucketLifecycle.Action> done) {
    if (history.size() != 1 || !(history.current() instanceof Entry.Marker marker)) {
      return history;
    }
    for (BucketLifecycle.Rule rule : rules) {
      if (!rule.enabled() || rule.expiration().isEmpty() || !rule.filter().matchesKey(key)) {
        continue;
      }
      BucketLifecycle.Expiration config = rule.expiration().get();
      boolean due = config.expiredObjectDeleteMarker()
          || rule.filter().matchesMarker(key) && due(config, marker.lastModified(), now);
      if (due) {
        done.add(new BucketLifecycle.Action(bucket.name(), key, marker.versionId(),
            BucketLifecycle.Kind.EXPIRED_DELETE_MARKER_REMOVED, rule.id(), now));
        return null;
      }
    }
    return history;
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
        bucket.objectLock().remove(key, entry.versionId());
        done.add(new BucketLifecycle.Action(bucket.name(), key, entry.versionId(),
            BucketLifecycle.Kind.NONCURRENT_VERSION_REMOVED, rule.id(), now));
      }
    }
    return next.isEmpty() ? null : new KeyHistory(next);
  }

  private static KeyHistory expire(Bucket bucket, String key, KeyHistory history,
      BucketLifecycle.Rule rule, VersionIds ids, Instant now, List<BucketLifecycle.Action> done) {
    BucketLifecycle.Expiration config = rule.expiration().orElseThrow();
    if (!(history.current() instanceof StoredObject stored)
        || !rule.filter().matches(key, stored.size(), stored.tags())
        || !due(config, stored.lastModified(), now)) {
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

  /** Whether an entry written at {@code created} is past {@code config}'s Days or Date. */
  private static boolean due(BucketLifecycle.Expiration config, Instant created, Instant now) {
    if (config.days().isPresent()) {
      return !now.isBefore(BucketLifecycle.due(created, config.days().getAsInt()));
    }
    return config.date().filter(date -> !now.isBefore(date)).isPresent();
  }
}
