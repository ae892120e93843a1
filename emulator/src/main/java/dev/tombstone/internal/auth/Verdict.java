package dev.tombstone.internal.auth;

import java.time.Instant;
import java.util.List;

/** What checking a request's signature found. Each protocol renders the refusals its own way. */
public sealed interface Verdict {
  /** The signature holds; {@code chunks} checks an aws-chunked body's signatures, if any. */
  record Accepted(ChunkSigner chunks) implements Verdict {}

  /** No signature at all (no Authorization header, no presigned query). */
  record Unsigned() implements Verdict {}

  /**
   * A signature that cannot be read: a bad Authorization header or presigned query; the message
   * is the service's own.
   */
  record Malformed(String message) implements Verdict {}

  /**
   * A presigned query ({@code X-Amz-Algorithm}, or on S3 a SigV2 {@code Signature}) and an
   * Authorization header together.
   */
  record BothMechanisms(String authorization) implements Verdict {}

  /** An Authorization header of a scheme other than SigV4's (S3: other than HMAC-SHA256). */
  record UnsupportedScheme(String authorization) implements Verdict {}

  /**
   * S3 only: a readable SigV4 header but no readable request time (X-Amz-Date, or an ISO 8601
   * Date). DynamoDB names a missing date in its {@link Malformed} message instead.
   */
  record MissingDate() implements Verdict {}

  /** The credential scope's date is not the request time's date. */
  record ScopeDateMismatch(String scopeDate, String requestTime) implements Verdict {}

  /** An S3 Authorization header without the x-amz-content-sha256 header SigV4 requires. */
  record MissingContentSha256() implements Verdict {}

  /** The access key is not the configured one. */
  record UnknownKey(String accessKeyId) implements Verdict {}

  /** The request time is more than 15 minutes away from the emulator's clock. */
  record Skewed(String requestTime, Instant requestInstant, Instant serverTime)
      implements Verdict {}

  /** A presigned URL past its {@code X-Amz-Expires}. */
  record Expired(String expiresSeconds, Instant expiredAt, Instant serverTime)
      implements Verdict {}

  /**
   * A valid-looking signature whose signed headers leave out {@code host} or, on S3, an
   * {@code x-amz-*} header the request carries; {@code headers} names them, lower case, sorted.
   */
  record HeadersNotSigned(List<String> headers) implements Verdict {
    public HeadersNotSigned {
      headers = List.copyOf(headers);
    }
  }

  /** The signature differs from the one computed with the configured secret. */
  record Mismatch(String accessKeyId, String canonicalRequest, String stringToSign,
      String provided) implements Verdict {
    /** The canonical request's bytes as they were hashed (S3's CanonicalRequestBytes). */
    public byte[] canonicalRequestBytes() {
      return CanonicalRequest.bytes(canonicalRequest);
    }
  }
}
