package dev.tombstone.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * How S3 reports an object version encrypted: the server-side encryption it was written with,
 * from the write's {@code x-amz-server-side-encryption*} headers or else its bucket's default
 * encryption at that moment. The bytes are not encrypted; only the answers say so.
 *
 * @param algorithm {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}
 * @param kmsKeyId the KMS key's ARN; only with a KMS algorithm
 * @param bucketKeyEnabled whether an S3 Bucket Key was used; only with a KMS algorithm
 */
public record ObjectEncryption(
    String algorithm, Optional<String> kmsKeyId, boolean bucketKeyEnabled) {
  /** SSE-S3, what S3 gives every object written without other instructions. */
  public static final ObjectEncryption SSE_S3 =
      new ObjectEncryption("AES256", Optional.empty(), false);

  public ObjectEncryption {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(kmsKeyId, "kmsKeyId");
  }
}
