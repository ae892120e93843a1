package dev.tombstone.s3;

import java.util.Optional;

/** A bucket's S3 Object Ownership setting; {@link #BUCKET_OWNER_ENFORCED} disables ACLs. */
public enum ObjectOwnership {
  BUCKET_OWNER_ENFORCED("BucketOwnerEnforced"),
  BUCKET_OWNER_PREFERRED("BucketOwnerPreferred"),
  OBJECT_WRITER("ObjectWriter");

  private final String wireName;

  ObjectOwnership(String wireName) {
    this.wireName = wireName;
  }

  /** The name S3 uses, e.g. {@code BucketOwnerEnforced}. */
  public String wireName() {
    return wireName;
  }

  /** The setting S3 calls {@code name}; empty when there is none. */
  public static Optional<ObjectOwnership> named(String name) {
    for (ObjectOwnership ownership : values()) {
      if (ownership.wireName.equals(name)) {
        return Optional.of(ownership);
      }
    }
    return Optional.empty();
  }
}
