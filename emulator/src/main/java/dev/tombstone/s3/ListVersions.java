package dev.tombstone.s3;

import dev.tombstone.internal.CommonPrefixes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ListObjectVersions: every object version and delete marker, keys in UTF-8 order and each
 * key's entries newest first, with prefix, delimiter roll-up and key / version-id markers.
 */
public final class ListVersions {
  private ListVersions() {}

  /**
   * @param keyMarker start after this key (or, with a version id marker, after that entry)
   * @param versionIdMarker start after this entry of the key marker
   * @param maxKeys the most entries (versions, markers and common prefixes) to return
   */
  public record Request(
      String bucket,
      String prefix,
      Optional<String> delimiter,
      Optional<String> keyMarker,
      Optional<String> versionIdMarker,
      int maxKeys) {
    public Request {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(delimiter, "delimiter");
      Objects.requireNonNull(keyMarker, "keyMarker");
      Objects.requireNonNull(versionIdMarker, "versionIdMarker");
      if (maxKeys < 0) {
        throw new IllegalArgumentException("maxKeys must not be negative, was " + maxKeys);
      }
    }
  }

  /**
   * @param versions versions and delete markers in listing order
   * @param nextKeyMarker when truncated: the key (or common prefix) of the last entry
   * @param nextVersionIdMarker when truncated after a version or marker: its id
   */
  public record Result(
      List<VersionEntry> versions,
      List<String> commonPrefixes,
      boolean truncated,
      Optional<String> nextKeyMarker,
      Optional<String> nextVersionIdMarker) {
    public Result {
      versions = List.copyOf(versions);
      commonPrefixes = List.copyOf(commonPrefixes);
    }
  }

  static Result execute(Bucket bucket, Request request) {
    checkMarkers(request);
    List<VersionEntry> versions = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String lastKey = null;
    String lastVersionId = null;
    String prefix = request.prefix();
    boolean resumeInsideKey = request.versionIdMarker().isPresent();
    for (Map.Entry<String, KeyHistory> entry : KeyRange.from(bucket.keys(), prefix,
        request.keyMarker(), resumeInsideKey)) {
      if (!KeyRange.inRange(entry, prefix)) {
        break;
      }
      String key = entry.getKey();
      Optional<String> common = CommonPrefixes.of(key, prefix, request.delimiter());
      if (common.isPresent()) {
        if (CommonPrefixes.listed(common.get(), lastKey, request.keyMarker())) {
          continue;
        }
        if (versions.size() + prefixes.size() == request.maxKeys()) {
          return truncated(versions, prefixes, lastKey, lastVersionId);
        }
        prefixes.add(common.get());
        lastKey = common.get();
        lastVersionId = null;
        continue;
      }
      List<VersionEntry> entries = entry.getValue().describe(key);
      if (resumeInsideKey && key.equals(request.keyMarker().get())) {
        entries = after(entries, request.versionIdMarker().get());
      }
      for (VersionEntry version : entries) {
        if (versions.size() + prefixes.size() == request.maxKeys()) {
          return truncated(versions, prefixes, lastKey, lastVersionId);
        }
        versions.add(version);
        lastKey = key;
        lastVersionId = version.versionId();
      }
    }
    return new Result(versions, prefixes, false, Optional.empty(), Optional.empty());
  }

  private static Result truncated(
      List<VersionEntry> versions, List<String> prefixes, String lastKey, String lastVersionId) {
    if (lastKey == null) {
      // max-keys=0: nothing was returned, so there is no point to resume from.
      return new Result(versions, prefixes, false, Optional.empty(), Optional.empty());
    }
    return new Result(versions, prefixes, true, Optional.of(lastKey),
        Optional.ofNullable(lastVersionId));
  }

  private static List<VersionEntry> after(List<VersionEntry> entries, String versionId) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).versionId().equals(versionId)) {
        return entries.subList(i + 1, entries.size());
      }
    }
    if (VersionIds.NULL.equals(versionId)) {
      // The key has no null version (any more): resume after the whole key.
      return List.of();
    }
    // An id we issued whose version is gone (deleted after the page that named it, as a
    // loop that lists and deletes page by page does): resume where it stood, after every
    // entry written later. Ids carry their write sequence; a null version's place is
    // unknown, so one next to the gone entry is listed again rather than skipped.
    long written = VersionIds.word(versionId, 0);
    int from = 0;
    for (int i = 0; i < entries.size(); i++) {
      String id = entries.get(i).versionId();
      if (!VersionIds.NULL.equals(id) && VersionIds.word(id, 0) > written) {
        from = i + 1;
      }
    }
    return entries.subList(from, entries.size());
  }

  private static void checkMarkers(Request request) {
    if (request.versionIdMarker().isEmpty()) {
      return;
    }
    String versionId = request.versionIdMarker().get();
    if (request.keyMarker().isEmpty() || request.keyMarker().get().isEmpty()) {
      throw new S3Error.InvalidArgument(
          "A version-id marker cannot be specified without a key marker.",
          "version-id-marker", versionId);
    }
    if (versionId.isEmpty()) {
      throw new S3Error.InvalidArgument(
          "A version-id marker cannot be empty.", "version-id-marker", versionId);
    }
    // A malformed or made-up id is refused; one S3 issued is a position even after its
    // version was deleted (AWS resumes after it: localstack/localstack#12255).
    if (!VersionIds.isWellFormed(versionId)) {
      throw new S3Error.InvalidArgument(
          "Invalid version id specified", "version-id-marker", versionId);
    }
  }
}
