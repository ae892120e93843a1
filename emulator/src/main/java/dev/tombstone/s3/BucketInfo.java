package dev.tombstone.s3;

import java.time.Instant;
import java.util.Objects;

/**
 * What S3 reports about a bucket.
 *
 * @param region the bucket's region (its LocationConstraint, or the emulator's region)
 * @param creationDate when it was created, whole seconds
 * @param versioning its versioning state
 * @param mfaDeleteConfigured whether a versioning configuration ever carried {@code MfaDelete}
 * @param mfaDeleteEnabled whether deleting a version or changing versioning needs MFA
 */
public record BucketInfo(
    String name,
    String region,
    Instant creationDate,
    Versioning versioning,
    boolean mfaDeleteConfigured,
    boolean mfaDeleteEnabled) {
  public BucketInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(creationDate, "creationDate");
    Objects.requireNonNull(versioning, "versioning");
  }
}
