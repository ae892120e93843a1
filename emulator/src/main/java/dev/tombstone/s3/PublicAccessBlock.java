package dev.tombstone.s3;

/**
 * A bucket's public access block configuration; stored and returned, not enforced. S3 gives new
 * buckets all four settings {@code true}.
 */
public record PublicAccessBlock(
    boolean blockPublicAcls,
    boolean ignorePublicAcls,
    boolean blockPublicPolicy,
    boolean restrictPublicBuckets) {
  /** Everything blocked: what S3 gives a new bucket. */
  public static final PublicAccessBlock ALL_BLOCKED = new PublicAccessBlock(true, true, true, true);
}
