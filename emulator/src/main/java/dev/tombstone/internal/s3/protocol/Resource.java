package dev.tombstone.internal.s3.protocol;

/**
 * What a request addresses: the service, a bucket, or an object.
 *
 * @param bucket empty for the service
 * @param key empty unless an object is addressed
 */
record Resource(Level level, String bucket, String key) {
  enum Level {
    SERVICE,
    BUCKET,
    OBJECT
  }

  static Resource service() {
    return new Resource(Level.SERVICE, "", "");
  }

  static Resource of(String bucket, String key) {
    return new Resource(key.isEmpty() ? Level.BUCKET : Level.OBJECT, bucket, key);
  }
}
