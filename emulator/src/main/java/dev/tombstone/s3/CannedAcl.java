package dev.tombstone.s3;

import java.util.Optional;

/** S3's canned ACLs, as the {@code x-amz-acl} header names them. */
public enum CannedAcl {
  PRIVATE("private"),
  PUBLIC_READ("public-read"),
  PUBLIC_READ_WRITE("public-read-write"),
  AUTHENTICATED_READ("authenticated-read"),
  AWS_EXEC_READ("aws-exec-read"),
  BUCKET_OWNER_READ("bucket-owner-read"),
  BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control"),
  LOG_DELIVERY_WRITE("log-delivery-write");

  private final String wireName;

  CannedAcl(String wireName) {
    this.wireName = wireName;
  }

  /** The name S3 uses, e.g. {@code public-read}. */
  public String wireName() {
    return wireName;
  }

  /** The canned ACL S3 calls {@code name}; empty when there is none. */
  public static Optional<CannedAcl> named(String name) {
    for (CannedAcl acl : values()) {
      if (acl.wireName.equals(name)) {
        return Optional.of(acl);
      }
    }
    return Optional.empty();
  }
}
