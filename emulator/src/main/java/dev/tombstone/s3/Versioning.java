package dev.tombstone.s3;

/**
 * A bucket's versioning state. A new bucket is {@link #UNVERSIONED}; once versioning was
 * {@link #ENABLED} or {@link #SUSPENDED} it never returns to {@code UNVERSIONED}.
 */
public enum Versioning {
  /** Never versioned: a key holds at most one object, its version id is {@code null}. */
  UNVERSIONED,
  /** Every write adds a version with a fresh id; a delete without a version id adds a marker. */
  ENABLED,
  /** Writes and deletes replace the key's {@code null} version; versions with ids stay. */
  SUSPENDED;

  /** True once versioning was ever configured: reads then report version ids. */
  public boolean isVersioningAware() {
    return this != UNVERSIONED;
  }
}
