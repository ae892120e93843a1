package dev.tombstone.s3;

import java.nio.charset.StandardCharsets;

/** Key rules shared by every object operation. */
final class ObjectKeys {
  private ObjectKeys() {}

  /**
   * @throws S3Error.InvalidArgument for an empty key
   * @throws S3Error.KeyTooLong above 1024 UTF-8 bytes
   */
  static void check(String key) {
    if (key.isEmpty()) {
      throw new S3Error.InvalidArgument("Invalid key", "key", key);
    }
    // A char is at most 3 UTF-8 bytes, so short keys need no encoding.
    if (key.length() > S3Error.KeyTooLong.MAX_KEY_BYTES / 3) {
      int size = key.getBytes(StandardCharsets.UTF_8).length;
      if (size > S3Error.KeyTooLong.MAX_KEY_BYTES) {
        throw new S3Error.KeyTooLong(size);
      }
    }
  }

  /**
   * @throws S3Error.InvalidArgument for an empty or malformed id
   */
  static void checkVersionId(String versionId) {
    if (versionId.isEmpty()) {
      throw new S3Error.InvalidArgument(
          "Version id cannot be the empty string", "versionId", versionId);
    }
    if (!VersionIds.isWellFormed(versionId)) {
      throw new S3Error.InvalidArgument("Invalid version id specified", "versionId", versionId);
    }
  }
}
