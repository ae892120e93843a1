package dev.tombstone.s3;

/**
 * The bucket configurations S3 keys by id, up to {@link #LIMIT} of each kind per bucket:
 * storage class analysis, inventory, CloudWatch request metrics and S3 Intelligent-Tiering
 * archive settings. The emulator stores them as S3 returns them and performs none of them: no
 * analysis or inventory report is written, no metric published, no object moved between tiers.
 *
 * <pre>{@code
 * s3.putBucketConfiguration("photos", ConfigurationKind.METRICS, "EntireBucket",
 *     "<Id>EntireBucket</Id>");
 * s3.bucketConfigurations("photos", ConfigurationKind.METRICS);   // {EntireBucket=<Id>...}
 * }</pre>
 */
public enum ConfigurationKind {
  /** PutBucketAnalyticsConfiguration and its siblings, {@code ?analytics}. */
  ANALYTICS,
  /** PutBucketInventoryConfiguration and its siblings, {@code ?inventory}. */
  INVENTORY,
  /** PutBucketMetricsConfiguration and its siblings, {@code ?metrics}. */
  METRICS,
  /** PutBucketIntelligentTieringConfiguration and its siblings, {@code ?intelligent-tiering}. */
  INTELLIGENT_TIERING;

  /** How many configurations of one kind a bucket may hold: S3's limit for all four. */
  public static final int LIMIT = 1_000;
}
