package dev.tombstone.internal.s3.protocol;

/**
 * {@code x-amz-server-side-encryption} on operations that do not take it. The customer-key
 * (SSE-C) headers are {@link CustomerKeys}'. The check first scans once for the header family,
 * so requests without it pay one scan.
 */
final class EncryptionRefusals {
  private static final String FAMILY = "x-amz-server-side-encryption";

  private EncryptionRefusals() {}

  /**
   * {@code x-amz-server-side-encryption} on an operation that does not take it (GetObject,
   * HeadObject, UploadPart, CompleteMultipartUpload, ListObjects): real S3 answers these 400.
   *
   * @throws WireError InvalidArgument
   */
  static void refuseAlgorithm(RequestHeaders headers) {
    if (headers.hasNameStartingWith(FAMILY)) {
      headers.first(EncryptionHeaders.ALGORITHM).ifPresent(value -> {
        throw WireError.invalidArgument(
            "x-amz-server-side-encryption header is not supported for this operation.",
            EncryptionHeaders.ALGORITHM, value);
      });
    }
  }
}
