package dev.tombstone.internal.s3.protocol;

import java.util.List;

/**
 * The encryption headers S3 refuses on operations that do not take them, and SSE-C, which this
 * emulator does not serve: a write naming a customer key answers 501 naming the header, and a
 * read naming one is S3's answer for an object not written with SSE-C (none is). Each check
 * first scans once for the header family, so requests without it pay one scan.
 */
final class EncryptionRefusals {
  private static final String FAMILY = "x-amz-server-side-encryption";
  private static final String COPY_SOURCE_FAMILY = "x-amz-copy-source-server-side-encryption";
  private static final List<String> CUSTOMER_KEY = List.of(
      "x-amz-server-side-encryption-customer-algorithm",
      "x-amz-server-side-encryption-customer-key",
      "x-amz-server-side-encryption-customer-key-MD5");
  private static final String NOT_APPLICABLE =
      "The encryption parameters are not applicable to this object.";

  private EncryptionRefusals() {}

  /**
   * SSE-C on a write (PutObject, CopyObject, CreateMultipartUpload, UploadPart,
   * CompleteMultipartUpload).
   *
   * @throws WireError NotImplemented naming the first SSE-C header sent
   */
  static void refuseCustomerKey(RequestHeaders headers) {
    if (!headers.hasNameStartingWith(FAMILY)) {
      return;
    }
    for (String header : CUSTOMER_KEY) {
      if (headers.has(header)) {
        throw WireError.notImplemented(header);
      }
    }
  }

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

  /**
   * The encryption headers of GetObject and HeadObject, once the object is found: S3 refuses
   * {@code x-amz-server-side-encryption} on SSE-S3 and SSE-KMS objects, and a customer key for
   * an object not written with one.
   *
   * @throws WireError InvalidArgument or InvalidRequest
   */
  static void checkRead(RequestHeaders headers) {
    if (!headers.hasNameStartingWith(FAMILY)) {
      return;
    }
    refuseAlgorithm(headers);
    for (String header : CUSTOMER_KEY) {
      if (headers.has(header)) {
        throw WireError.invalidRequest(NOT_APPLICABLE);
      }
    }
  }

  /** Whether a copy names a customer key for its source. */
  static boolean namesCopySourceKey(RequestHeaders headers) {
    return headers.hasNameStartingWith(COPY_SOURCE_FAMILY);
  }

  /** S3's answer to a source customer key for a source not written with one (none is). */
  static WireError copySourceKeyNotApplicable() {
    return WireError.invalidRequest(NOT_APPLICABLE);
  }
}
