package dev.tombstone.s3;

import dev.tombstone.internal.TagCharacters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Put/Get/DeleteObjectTagging and Put/Get/DeleteBucketTagging: tags change a version (or the
 * bucket) in place, never create a version. Limits as S3 has them: 10 tags on an object, 50 on
 * a bucket, keys of 1 to 128 and values of up to 256 characters, both only of letters, digits,
 * spaces and {@code _ . : / = + - @}, no key twice, no key that starts with {@code aws:} (AWS
 * reserves those for its system tags).
 */
public final class ObjectTagging {
  /** The most tags an object can carry. */
  public static final int MAX_OBJECT_TAGS = 10;
  /** The most tags a bucket can carry. */
  public static final int MAX_BUCKET_TAGS = 50;
  static final int MAX_KEY_LENGTH = 128;
  static final int MAX_VALUE_LENGTH = 256;
  // AWS keeps tag keys with this prefix for its own system tags.
  private static final String RESERVED_PREFIX = "aws:";
  private static final String RESERVED_BY_SYSTEM =
      "System tags cannot be added/updated by requester";

  private ObjectTagging() {}

  /** One tag as a request lists it; the list may name a key twice, which S3 refuses. */
  public record Tag(String key, String value) {}

  /**
   * Checks object tags in S3's order and returns them as a map.
   *
   * @throws S3Error.InvalidTag for a repeated key, a key or value too long or with a character
   *     S3 does not allow, an empty key or one prefixed with {@code aws:}
   * @throws S3Error.BadRequest above 10 tags
   */
  public static Map<String, String> validate(List<Tag> tags) {
    Map<String, String> checked = check(tags, false);
    if (checked.size() > MAX_OBJECT_TAGS) {
      throw new S3Error.BadRequest("Object tags cannot be greater than 10");
    }
    return checked;
  }

  /**
   * Checks bucket tags and returns them as a map.
   *
   * @throws S3Error.InvalidTag for a repeated key, a bad key (also one prefixed with
   *     {@code aws:}, "System tags cannot be added/updated by requester") or value (naming
   *     the value too), or above 50 tags
   */
  public static Map<String, String> validateBucketTags(List<Tag> tags) {
    Map<String, String> checked = check(tags, true);
    if (checked.size() > MAX_BUCKET_TAGS) {
      throw new S3Error.InvalidTag("The TagSet provided exceeds the maximum of 50 tags", null);
    }
    return checked;
  }

  // S3 words the aws: refusal, and names an invalid value, differently for a bucket.
  private static Map<String, String> check(List<Tag> tags, boolean bucket) {
    Set<String> seen = new HashSet<>();
    Map<String, String> checked = new java.util.LinkedHashMap<>();
    for (Tag tag : tags) {
      if (!seen.add(tag.key())) {
        throw new S3Error.InvalidTag("Cannot provide multiple Tags with the same key", tag.key());
      }
      if (tag.key().isEmpty() || tag.key().codePointCount(0, tag.key().length())
          > MAX_KEY_LENGTH || !TagCharacters.allowed(tag.key())) {
        throw new S3Error.InvalidTag("The TagKey you have provided is invalid", tag.key());
      }
      if (tag.key().startsWith(RESERVED_PREFIX)) {
        throw new S3Error.InvalidTag(bucket ? RESERVED_BY_SYSTEM
            : "Your TagKey cannot be prefixed with aws:", tag.key());
      }
      if (tag.value().codePointCount(0, tag.value().length()) > MAX_VALUE_LENGTH
          || !TagCharacters.allowed(tag.value())) {
        String message = "The TagValue you have provided is invalid";
        throw bucket ? new S3Error.InvalidTag(message, tag.key(), tag.value())
            : new S3Error.InvalidTag(message, tag.key());
      }
      checked.put(tag.key(), tag.value());
    }
    return checked;
  }

  static StoredObject get(Bucket bucket, String key, Optional<String> versionId) {
    return ObjectLookup.find(bucket, key, versionId);
  }

  /** Replaces the tags of a version (the current one without id); returns the version's id. */
  static String put(Bucket bucket, String key, Optional<String> versionId,
      Map<String, String> tags) {
    return update(bucket, key, versionId, object -> object.withTags(tags));
  }

  /** Changes one version in place, atomically for its key; returns the version's id. */
  static String update(Bucket bucket, String key, Optional<String> versionId,
      java.util.function.UnaryOperator<StoredObject> change) {
    String[] id = new String[1];
    bucket.keys().compute(key, (k, history) -> {
      StoredObject object = ObjectLookup.find(bucket, k, versionId);
      id[0] = object.versionId();
      return history.replace(object.versionId(), change.apply(object));
    });
    return id[0];
  }
}
