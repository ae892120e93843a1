package dev.tombstone.s3;

import java.util.Optional;

/**
 * Get/PutBucketAcl, Get/PutObjectAcl and Get/Put/DeleteBucketOwnershipControls with S3's rules
 * since 2023: a bucket's ACLs are disabled under {@link ObjectOwnership#BUCKET_OWNER_ENFORCED},
 * the default for new buckets, and then only an ACL that grants the owner alone is accepted;
 * reads always answer the owner's full control. Where ACLs are enabled, a public access block
 * with {@code BlockPublicAcls} (on for new buckets) refuses an ACL that grants everyone or every
 * AWS user. ACLs are stored and returned, not enforced.
 */
final class AccessControl {
  private AccessControl() {}

  /**
   * Whether a write may set {@code acl} on this bucket or its objects.
   *
   * @throws S3Error.AccessControlListNotSupported when ACLs are disabled and it grants others
   * @throws S3Error.AccessDenied when it is public and the bucket blocks public ACLs
   */
  static void checkWrite(Bucket bucket, AccessControlList acl) {
    if (bucket.settings().aclsDisabled() && !acl.grantsOnlyOwner()) {
      throw new S3Error.AccessControlListNotSupported();
    }
    if (isPublic(acl) && bucket.settings().publicAccessBlock()
        .map(PublicAccessBlock::blockPublicAcls).orElse(false)) {
      throw new S3Error.AccessDenied("Access Denied");
    }
  }

  /** Whether {@code acl} grants anything to everyone or to every authenticated AWS user. */
  static boolean isPublic(AccessControlList acl) {
    for (Grant grant : acl.grants()) {
      Grant.Grantee grantee = grant.grantee();
      if (grantee.type() == Grant.Grantee.Type.GROUP
          && (grantee.value().equals(Grant.Grantee.ALL_USERS)
              || grantee.value().equals(Grant.Grantee.AUTHENTICATED_USERS))) {
        return true;
      }
    }
    return false;
  }

  static AccessControlList bucketAcl(Bucket bucket) {
    return bucket.settings().aclsDisabled()
        ? AccessControlList.ownerFullControl(bucket.owner()) : bucket.settings().acl();
  }

  static void putBucketAcl(Bucket bucket, AccessControlList acl) {
    checkWrite(bucket, acl);
    bucket.settings().acl(acl);
  }

  /**
   * Re-creating an owned bucket in us-east-1, which S3 answers 200 "and resets the bucket
   * access control lists": the ACL becomes the one the request carries.
   *
   * @throws S3Error.InvalidBucketAclWithObjectOwnership when the bucket enforces ownership and
   *     {@code acl} grants others
   */
  static void resetBucketAcl(Bucket bucket, AccessControlList acl) {
    synchronized (bucket.settings()) {
      if (bucket.settings().aclsDisabled() && !acl.grantsOnlyOwner()) {
        throw new S3Error.InvalidBucketAclWithObjectOwnership();
      }
      bucket.settings().acl(acl);
    }
  }

  static AccessControlList objectAcl(Bucket bucket, String key, Optional<String> versionId) {
    StoredObject object = ObjectLookup.find(bucket, key, versionId);
    return bucket.settings().aclsDisabled()
        ? AccessControlList.ownerFullControl(bucket.owner()) : object.acl();
  }

  static String putObjectAcl(Bucket bucket, String key, Optional<String> versionId,
      AccessControlList acl) {
    checkWrite(bucket, acl);
    return ObjectTagging.update(bucket, key, versionId, object -> object.withAcl(acl));
  }

  /**
   * PutBucketOwnershipControls.
   *
   * @throws S3Error.InvalidBucketAclWithObjectOwnership when enforcing ownership on a bucket
   *     whose ACL grants others
   */
  static void putOwnership(Bucket bucket, ObjectOwnership ownership) {
    synchronized (bucket.settings()) {
      if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED
          && !bucket.settings().acl().grantsOnlyOwner()) {
        throw new S3Error.InvalidBucketAclWithObjectOwnership();
      }
      bucket.settings().ownership(Optional.of(ownership));
    }
  }
}
