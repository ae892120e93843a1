package dev.tombstone.internal.s3.protocol;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * How a request body is framed, from {@code x-amz-content-sha256} and {@code Content-Encoding}.
 *
 * @param chunked the body is aws-chunked
 * @param streaming a {@code STREAMING-*} payload, which must declare its decoded length
 * @param payloadSha256 the SHA-256 the client computed over a raw body, to be checked
 */
record Framing(boolean chunked, boolean streaming, Optional<String> payloadSha256) {
  static final String HEADER = "x-amz-content-sha256";
  private static final String UNSIGNED = "UNSIGNED-PAYLOAD";
  private static final Set<String> STREAMING = Set.of(
      "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
      "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
      "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
      "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
      "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER");
  private static final String INVALID = "x-amz-content-sha256 must be UNSIGNED-PAYLOAD,"
      + " STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD,"
      + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD,"
      + " STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.";

  /** @throws WireError InvalidArgument for an unknown {@code x-amz-content-sha256} value */
  static Framing of(RequestHeaders headers) {
    boolean encodingChunked = headers.joined("Content-Encoding")
        .map(value -> Arrays.stream(value.split(",")).map(String::trim)
            .anyMatch("aws-chunked"::equalsIgnoreCase))
        .orElse(false);
    Optional<String> sha = headers.first(HEADER);
    if (sha.isEmpty() || sha.get().equals(UNSIGNED)) {
      return new Framing(encodingChunked, false, Optional.empty());
    }
    if (STREAMING.contains(sha.get())) {
      return new Framing(true, true, Optional.empty());
    }
    if (isSha256Hex(sha.get())) {
      return new Framing(encodingChunked, false, encodingChunked ? Optional.empty() : sha);
    }
    throw WireError.invalidArgument(INVALID, HEADER, sha.get());
  }

  /** 64 lower-case hex digits; a loop, since a regex match was a tenth of a PUT's own work. */
  private static boolean isSha256Hex(String value) {
    if (value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** The stored Content-Encoding: the request's, without the {@code aws-chunked} token. */
  static Optional<String> storedContentEncoding(RequestHeaders headers) {
    return headers.joined("Content-Encoding")
        .map(value -> String.join(",", Arrays.stream(value.split(",")).map(String::trim)
            .filter(token -> !token.isEmpty() && !token.equalsIgnoreCase("aws-chunked"))
            .toList()))
        .filter(value -> !value.isEmpty());
  }
}
