package dev.tombstone.s3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bucket's default encryption: what a write without encryption headers records as its
 * {@link ObjectEncryption} (the bytes are not encrypted), and whether SSE-C writes are blocked.
 * S3 gives every bucket {@link #DEFAULT}: SSE-S3 since January 2023, SSE-C blocked since April
 * 2026; DeleteBucketEncryption goes back to it.
 *
 * @param sseAlgorithm {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}
 * @param kmsMasterKeyId the KMS key as it was put; only with a KMS algorithm
 * @param blockedEncryptionTypes the rule's {@code BlockedEncryptionTypes} as put, each
 *     {@code SSE-C} or {@code NONE}; empty when the rule has none (null means empty)
 */
public record BucketEncryption(
    String sseAlgorithm, Optional<String> kmsMasterKeyId, boolean bucketKeyEnabled,
    List<String> blockedEncryptionTypes) {
  /** The encryption type that blocks SSE-C writes. */
  public static final String SSE_C = "SSE-C";

  /** SSE-S3 without a bucket key, SSE-C blocked: what S3 gives a new bucket. */
  public static final BucketEncryption DEFAULT =
      new BucketEncryption("AES256", Optional.empty(), false, List.of(SSE_C));

  public BucketEncryption {
    Objects.requireNonNull(sseAlgorithm, "sseAlgorithm");
    Objects.requireNonNull(kmsMasterKeyId, "kmsMasterKeyId");
    blockedEncryptionTypes =
        blockedEncryptionTypes == null ? List.of() : List.copyOf(blockedEncryptionTypes);
  }

  /** A default encryption without {@code BlockedEncryptionTypes}. */
  public BucketEncryption(
      String sseAlgorithm, Optional<String> kmsMasterKeyId, boolean bucketKeyEnabled) {
    this(sseAlgorithm, kmsMasterKeyId, bucketKeyEnabled, List.of());
  }

  /** Whether writes that name a customer-provided key (SSE-C) are refused. */
  public boolean blocksCustomerKeys() {
    return blockedEncryptionTypes.contains(SSE_C);
  }
}
