package dev.tombstone.s3;

import dev.tombstone.s3.S3Error.PreconditionFailed.Condition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * DeleteObject: without a version id it removes the object (never versioned), adds a delete
 * marker (Enabled) or replaces the null version with a null marker (Suspended); with a version
 * id it removes that version or marker for good. Idempotent: a missing key or version is not an
 * error.
 */
public final class DeleteObject {
  private DeleteObject() {}

  /**
   * @param versionId the version to remove for good; {@code "null"} names the null version
   * @param ifMatch delete only if the current object's ETag matches this ETag (or {@code *})
   */
  public record Request(
      String bucket, String key, Optional<String> versionId, Optional<String> ifMatch) {
    public Request {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(versionId, "versionId");
      Objects.requireNonNull(ifMatch, "ifMatch");
    }

    /** An unconditional delete of the current version. */
    public static Request of(String bucket, String key) {
      return new Request(bucket, key, Optional.empty(), Optional.empty());
    }

    /** An unconditional delete of one version. */
    public static Request of(String bucket, String key, String versionId) {
      return new Request(bucket, key, Optional.of(versionId), Optional.empty());
    }

    /**
     * Checks the key, then the version id, as S3 does before it looks at anything else of a
     * delete. {@link S3State#deleteObject(Request)} runs this check itself; a protocol calls it
     * first when it has checks of its own that S3 makes only after these.
     *
     * @throws S3Error.KeyTooLong above 1024 UTF-8 bytes
     * @throws S3Error.InvalidArgument for an empty key, or an empty or malformed version id
     */
    public void validate() {
      ObjectKeys.check(key);
      versionId.ifPresent(ObjectKeys::checkVersionId);
    }
  }

  /**
   * What S3 reports for a delete.
   *
   * @param deleteMarker a marker was created, or the version removed was a marker
   * @param versionId the id S3 reports: the new marker's id, or the id that was asked for; empty
   *     for a delete without version id in a never-versioned bucket
   */
  public record Result(boolean deleteMarker, Optional<String> versionId) {
    public Result {
      Objects.requireNonNull(versionId, "versionId");
    }
  }

  private static final Result NOT_VERSIONED = new Result(false, Optional.empty());

  static Result execute(Bucket bucket, Request request, VersionIds ids, Instant now) {
    return execute(bucket, request, ids, now, false);
  }

  /** With {@code bypassGovernance}: x-amz-bypass-governance-retention was true. */
  static Result execute(
      Bucket bucket, Request request, VersionIds ids, Instant now, boolean bypassGovernance) {
    request.validate();
    if (request.versionId().isEmpty() && request.ifMatch().isEmpty()
        && bucket.versioning() == Versioning.UNVERSIONED) {
      // A never-versioned bucket's key just goes, whatever it held: nothing to read first.
      bucket.keys().remove(request.key());
      bucket.keyWritten(request.key());
      return NOT_VERSIONED;
    }
    KeyDelete delete = new KeyDelete(bucket, request, ids, now, bypassGovernance);
    bucket.keys().compute(request.key(), delete);
    bucket.keyWritten(request.key());
    return delete.result;
  }

  /**
   * The change to one key's history: it runs once, atomically for the key, and keeps what S3
   * reports.
   */
  private static final class KeyDelete implements BiFunction<String, KeyHistory, KeyHistory> {

    private final Bucket bucket;
    private final Request request;
    private final VersionIds ids;
    private final Instant now;
    private final boolean bypassGovernance;
    private Result result;

    KeyDelete(Bucket bucket, Request request, VersionIds ids, Instant now,
        boolean bypassGovernance) {
      this.bucket = bucket;
      this.request = request;
      this.ids = ids;
      this.now = now;
      this.bypassGovernance = bypassGovernance;
    }

    @Override
    public KeyHistory apply(String key, KeyHistory history) {
      if (request.ifMatch().isPresent()) {
        checkIfMatch(key, history, request.ifMatch().get());
      }
      if (request.versionId().isPresent()) {
        String versionId = request.versionId().get();
        Optional<Entry> removed = history == null ? Optional.empty() : history.find(versionId);
        result = new Result(
            removed.filter(Entry.Marker.class::isInstance).isPresent(), Optional.of(versionId));
        if (removed.isEmpty()) {
          // A version that is gone is deleted again like any other that does not exist.
          return history;
        }
        bucket.objectLock().checkDelete(key, versionId, now, bypassGovernance);
        bucket.objectLock().remove(key, versionId);
        return history.withoutOrNull(versionId);
      }
      switch (bucket.versioning()) {
        case ENABLED -> {
          String markerId = ids.next();
          result = new Result(true, Optional.of(markerId));
          return KeyHistory.push(history, new Entry.Marker(markerId, now));
        }
        case SUSPENDED -> {
          result = new Result(true, Optional.of(VersionIds.NULL));
          return KeyHistory.replaceNull(history, new Entry.Marker(VersionIds.NULL, now));
        }
        default -> {
          result = NOT_VERSIONED;
          return null;
        }
      }
    }
  }

  // Conditions apply to the current version, whatever version the request deletes.
  private static void checkIfMatch(String key, KeyHistory history, String condition) {
    if (history == null || !(history.current() instanceof StoredObject current)) {
      throw new S3Error.NoSuchKey(key);
    }
    if (!ETags.matches(condition, current.etag())) {
      throw new S3Error.PreconditionFailed(Condition.ETAG_MATCHES);
    }
  }
}
