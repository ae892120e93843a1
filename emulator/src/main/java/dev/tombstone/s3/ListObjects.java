package dev.tombstone.s3;

import dev.tombstone.internal.CommonPrefixes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ListObjects and ListObjectsV2: the current objects of a bucket (delete markers hide their
 * keys), keys in UTF-8 order, with prefix, delimiter roll-up and pagination.
 */
public final class ListObjects {
  private ListObjects() {}

  /**
   * @param startAfter list keys after this one (v1 {@code marker}, v2 {@code start-after} or
   *     the continuation point)
   * @param maxKeys the most entries (objects plus common prefixes) to return
   */
  public record Request(
      String bucket,
      String prefix,
      Optional<String> delimiter,
      Optional<String> startAfter,
      int maxKeys) {
    public Request {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(delimiter, "delimiter");
      Objects.requireNonNull(startAfter, "startAfter");
      if (maxKeys < 0) {
        throw new IllegalArgumentException("maxKeys must not be negative, was " + maxKeys);
      }
    }
  }

  /**
   * @param contents the current object of each listed key
   * @param truncated whether more entries follow
   * @param lastEntry the last key or common prefix returned: where the next page starts after
   */
  public record Result(
      List<VersionEntry> contents,
      List<String> commonPrefixes,
      boolean truncated,
      Optional<String> lastEntry) {
    public Result {
      contents = List.copyOf(contents);
      commonPrefixes = List.copyOf(commonPrefixes);
    }
  }

  static Result execute(Bucket bucket, Request request) {
    List<VersionEntry> contents = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String last = null;
    boolean truncated = false;
    if (request.maxKeys() == 0) {
      return new Result(contents, prefixes, false, Optional.empty());
    }
    String prefix = request.prefix();
    for (Map.Entry<String, KeyHistory> entry :
        KeyRange.from(bucket.keys(), prefix, request.startAfter(), false)) {
      if (!KeyRange.inRange(entry, prefix)) {
        break;
      }
      if (!(entry.getValue().current() instanceof StoredObject current)) {
        continue;
      }
      Optional<String> common =
          CommonPrefixes.of(entry.getKey(), prefix, request.delimiter());
      if (common.isPresent() && CommonPrefixes.listed(common.get(), last, request.startAfter())) {
        continue;
      }
      if (contents.size() + prefixes.size() == request.maxKeys()) {
        truncated = true;
        break;
      }
      if (common.isPresent()) {
        prefixes.add(common.get());
        last = common.get();
      } else {
        contents.add(Entry.describe(current, entry.getKey(), true));
        last = entry.getKey();
      }
    }
    return new Result(contents, prefixes, truncated, Optional.ofNullable(last));
  }
}
