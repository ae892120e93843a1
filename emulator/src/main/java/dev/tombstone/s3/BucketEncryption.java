package dev.tombstone.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * A bucket's default encryption: what a write without encryption headers records as its
 * {@link ObjectEncryption} (the bytes are not encrypted). Since January 2023 S3 gives every
 * bucket {@link #DEFAULT}, and DeleteBucketEncryption goes back to it.
 *
 * @param sseAlgorithm {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}
 * @param kmsMasterKeyId the KMS key as it was put; only with a KMS algorithm
 */
public record BucketEncryption(
    String sseAlgorithm, Optional<String> kmsMasterKeyId, boolean bucketKeyEnabled) {
  /** SSE-S3 without a bucket key: what S3 gives a new bucket. */
  public static final BucketEncryption DEFAULT =
      new BucketEncryption("AES256", Optional.empty(), false);

  public BucketEncryption {
    Objects.requireNonNull(sseAlgorithm, "sseAlgorithm");
    Objects.requireNonNull(kmsMasterKeyId, "kmsMasterKeyId");
  }
}
