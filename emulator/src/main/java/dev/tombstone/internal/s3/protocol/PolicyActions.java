package dev.tombstone.internal.s3.protocol;

import java.util.Locale;
import java.util.Set;

/**
 * The S3 actions a bucket policy may name, by the resource each applies to: the bucket
 * ({@code arn:aws:s3:::bucket}) or its objects ({@code arn:aws:s3:::bucket/key}). IAM compares
 * action names ignoring case and lets {@code *} and {@code ?} stand for any text and one
 * character.
 */
final class PolicyActions {
  /** What an action, or a pattern of actions, applies to. */
  record Applies(boolean bucket, boolean object) {
    boolean any() {
      return bucket || object;
    }
  }

  private static final Set<String> OBJECT = lower(Set.of(
      "AbortMultipartUpload", "BypassGovernanceRetention", "DeleteObject", "DeleteObjectTagging",
      "DeleteObjectVersion", "DeleteObjectVersionTagging", "GetObject", "GetObjectAcl",
      "GetObjectAttributes", "GetObjectLegalHold", "GetObjectRetention", "GetObjectTagging",
      "GetObjectTorrent", "GetObjectVersion", "GetObjectVersionAcl", "GetObjectVersionAttributes",
      "GetObjectVersionForReplication", "GetObjectVersionTagging", "GetObjectVersionTorrent",
      "InitiateReplication", "ListMultipartUploadParts", "ObjectOwnerOverrideToBucketOwner",
      "PutObject", "PutObjectAcl", "PutObjectLegalHold", "PutObjectRetention",
      "PutObjectTagging", "PutObjectVersionAcl", "PutObjectVersionTagging", "ReplicateDelete",
      "ReplicateObject", "ReplicateTags", "RestoreObject"));

  private static final Set<String> BUCKET = lower(Set.of(
      "CreateBucket", "DeleteBucket", "DeleteBucketOwnershipControls", "DeleteBucketPolicy",
      "DeleteBucketWebsite", "GetAccelerateConfiguration", "GetAnalyticsConfiguration",
      "GetBucketAcl", "GetBucketCORS", "GetBucketLocation", "GetBucketLogging",
      "GetBucketNotification", "GetBucketObjectLockConfiguration", "GetBucketOwnershipControls",
      "GetBucketPolicy", "GetBucketPolicyStatus", "GetBucketPublicAccessBlock",
      "GetBucketRequestPayment", "GetBucketTagging", "GetBucketVersioning", "GetBucketWebsite",
      "GetEncryptionConfiguration", "GetIntelligentTieringConfiguration",
      "GetInventoryConfiguration", "GetLifecycleConfiguration", "GetMetricsConfiguration",
      "GetReplicationConfiguration", "ListBucket", "ListBucketMultipartUploads",
      "ListBucketVersions", "PutAccelerateConfiguration", "PutAnalyticsConfiguration",
      "PutBucketAcl", "PutBucketCORS", "PutBucketLogging", "PutBucketNotification",
      "PutBucketObjectLockConfiguration", "PutBucketOwnershipControls", "PutBucketPolicy",
      "PutBucketPublicAccessBlock", "PutBucketRequestPayment", "PutBucketTagging",
      "PutBucketVersioning", "PutBucketWebsite", "PutEncryptionConfiguration",
      "PutIntelligentTieringConfiguration", "PutInventoryConfiguration",
      "PutLifecycleConfiguration", "PutMetricsConfiguration", "PutReplicationConfiguration",
      // ABAC (2025): its two actions, and the tagging actions an ABAC bucket's tags need
      // (S3 User Guide, "Enabling ABAC in general purpose buckets").
      "GetBucketAbac", "PutBucketAbac", "TagResource", "UntagResource", "ListTagsForResource"));

  private PolicyActions() {}

  /**
   * What {@code action} applies to; nothing when it names no S3 action ({@code s3:Foo},
   * {@code ec2:RunInstances}), which S3 refuses as an invalid action.
   */
  static Applies of(String action) {
    if (action.equals("*")) {
      return new Applies(true, true);
    }
    String lower = action.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("s3:")) {
      return new Applies(false, false);
    }
    String name = lower.substring(3);
    if (name.indexOf('*') < 0 && name.indexOf('?') < 0) {
      return new Applies(BUCKET.contains(name), OBJECT.contains(name));
    }
    return new Applies(BUCKET.stream().anyMatch(a -> Globs.matches(name, a)),
        OBJECT.stream().anyMatch(a -> Globs.matches(name, a)));
  }

  private static Set<String> lower(Set<String> names) {
    return Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
  }
}
