package dev.tombstone.s3;

import java.util.Optional;

/** GetObject and HeadObject: finds the version a read asks for. */
final class ObjectLookup {
  private ObjectLookup() {}

  /**
   * @throws S3Error.NoSuchKey when there is no current object (with the marker's id when a
   *     delete marker hides the key)
   * @throws S3Error.NoSuchVersion when the version id names nothing of this key
   * @throws S3Error.MethodNotAllowed when the version id names a delete marker
   * @throws S3Error.InvalidArgument for an empty or malformed version id
   */
  static StoredObject find(Bucket bucket, String key, Optional<String> versionId) {
    ObjectKeys.check(key);
    versionId.ifPresent(ObjectKeys::checkVersionId);
    KeyHistory history = bucket.keys().get(key);
    if (versionId.isEmpty()) {
      if (history == null) {
        throw new S3Error.NoSuchKey(key);
      }
      Entry current = history.current();
      if (current instanceof Entry.Marker marker) {
        throw new S3Error.NoSuchKey(key, marker.versionId(), marker.lastModified());
      }
      return (StoredObject) current;
    }
    Entry entry = history == null ? null : history.find(versionId.get()).orElse(null);
    if (entry == null) {
      throw new S3Error.NoSuchVersion(key, versionId.get());
    }
    if (entry instanceof Entry.Marker marker) {
      throw new S3Error.MethodNotAllowed(marker.versionId(), marker.lastModified());
    }
    return (StoredObject) entry;
  }
}
