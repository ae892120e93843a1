package dev.tombstone.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * How S3 reports an object version encrypted: the server-side encryption it was written with,
 * from the write's {@code x-amz-server-side-encryption*} headers or else its bucket's default
 * encryption at that moment. The bytes are not encrypted; only the answers say so.
 *
 * @param algorithm {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}; {@code AES256} for
 *     SSE-C too
 * @param kmsKeyId the KMS key's ARN; only with a KMS algorithm
 * @param bucketKeyEnabled whether an S3 Bucket Key was used; only with a KMS algorithm
 * @param customerKeyMd5 SSE-C: the Base64 MD5 of the customer-provided key the version was
 *     written with (the key itself is never kept), which reads must match
 */
public record ObjectEncryption(String algorithm, Optional<String> kmsKeyId,
    boolean bucketKeyEnabled, Optional<String> customerKeyMd5) {
  /** SSE-S3, what S3 gives every object written without other instructions. */
  public static final ObjectEncryption SSE_S3 =
      new ObjectEncryption("AES256", Optional.empty(), false);

  public ObjectEncryption {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(kmsKeyId, "kmsKeyId");
    Objects.requireNonNull(customerKeyMd5, "customerKeyMd5");
  }

  /** An SSE-S3, SSE-KMS or DSSE-KMS encryption (no customer key). */
  public ObjectEncryption(String algorithm, Optional<String> kmsKeyId, boolean bucketKeyEnabled) {
    this(algorithm, kmsKeyId, bucketKeyEnabled, Optional.empty());
  }

  /** SSE-C with the key whose Base64 MD5 is {@code keyMd5}. */
  public static ObjectEncryption customerKey(String keyMd5) {
    return new ObjectEncryption("AES256", Optional.empty(), false, Optional.of(keyMd5));
  }

  /** Whether the version was written with SSE-C. */
  public boolean isCustomerKey() {
    return customerKeyMd5.isPresent();
  }
}
