package dev.tombstone.s3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bucket's server access logging settings (PutBucketLogging's {@code LoggingEnabled}); stored
 * and returned, no log is ever written.
 *
 * @param targetBucket the bucket the logs would go to: it exists, in the same region
 * @param targetPrefix the key prefix of the log objects, possibly empty
 * @param targetGrants who would get access to the log objects
 * @param keyFormat how log object keys would be formed, if the request said
 * @param partitionDateSource {@code EventTime} or {@code DeliveryTime} for a partitioned
 *     prefix that names one
 */
public record BucketLogging(String targetBucket, String targetPrefix, List<Grant> targetGrants,
    Optional<KeyFormat> keyFormat, Optional<String> partitionDateSource) {
  public BucketLogging {
    Objects.requireNonNull(targetBucket, "targetBucket");
    Objects.requireNonNull(targetPrefix, "targetPrefix");
    targetGrants = List.copyOf(targetGrants);
    Objects.requireNonNull(keyFormat, "keyFormat");
    Objects.requireNonNull(partitionDateSource, "partitionDateSource");
  }

  /** The {@code TargetObjectKeyFormat} choices. */
  public enum KeyFormat {
    SIMPLE_PREFIX,
    PARTITIONED_PREFIX
  }
}
