package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.ObjectContent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The integrity checks of a decoded body: payload SHA-256, Content-MD5, x-amz-checksum-*. */
final class Integrity {
  static final String SDK_ALGORITHM = "x-amz-sdk-checksum-algorithm";

  private Integrity() {}

  /** @throws WireError XAmzContentSHA256Mismatch */
  static void checkPayloadSha256(String expectedHex, ObjectContent content) {
    String actual = HexFormat.of().formatHex(digest("SHA-256", content));
    if (!actual.equals(expectedHex)) {
      throw WireError.contentSha256Mismatch(expectedHex, actual);
    }
  }

  /**
   * Checks the Content-MD5 header, if any, against {@code md5}, the content's MD5 (which may be
   * computed beside other work, and is asked for only when the header is well formed).
   *
   * @throws WireError InvalidDigest (not 16 Base64 bytes), BadDigest (mismatch)
   */
  static void checkContentMd5(RequestHeaders headers, Supplier<byte[]> md5) {
    Optional<String> header = headers.first("Content-MD5");
    if (header.isEmpty()) {
      return;
    }
    byte[] expected = decodeBase64(header.get().trim());
    if (expected == null || expected.length != 16) {
      throw WireError.invalidDigest(header.get());
    }
    byte[] actual = md5.get();
    if (!Arrays.equals(expected, actual)) {
      throw WireError.md5Mismatch(header.get(), Base64.getEncoder().encodeToString(actual));
    }
  }

  /**
   * Checks the one {@code x-amz-checksum-*} value (header or aws-chunked trailer) against the
   * content.
   *
   * @param fromHeaders whether the headers count: false where they are the checksum of something
   *     else (CompleteMultipartUpload's name the object), leaving the trailer alone
   * @return the checksum to store with the object; empty when the client sent none
   * @throws WireError InvalidRequest (several algorithms, an undecodable value, an algorithm
   *     announced but not sent), BadDigest (a mismatch)
   */
  static Optional<Checksum> checkChecksum(RequestHeaders headers, Map<String, String> trailers,
      ObjectContent content, boolean fromHeaders) {
    Map<ChecksumAlgorithm, String> sent = new EnumMap<>(ChecksumAlgorithm.class);
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      if (fromHeaders) {
        headers.first(algorithm.headerName())
            .ifPresent(value -> sent.put(algorithm, value.trim()));
      }
      String trailer = trailers.get(algorithm.headerName());
      if (trailer != null) {
        sent.put(algorithm, trailer);
      }
    }
    if (sent.size() > 1) {
      throw WireError.invalidRequest("Expecting a single x-amz-checksum- header. Multiple"
          + " checksum Types are not allowed.");
    }
    if (fromHeaders || !sent.isEmpty()) {
      checkAnnouncedAlgorithm(headers, sent);
    }
    if (sent.isEmpty()) {
      return Optional.empty();
    }
    Map.Entry<ChecksumAlgorithm, String> only = sent.entrySet().iterator().next();
    ChecksumAlgorithm algorithm = only.getKey();
    byte[] expected = decodeBase64(only.getValue());
    if (expected == null || expected.length != algorithm.digestLength()) {
      throw WireError.invalidRequest(
          "Value for " + algorithm.headerName() + " header is invalid.");
    }
    String actual = algorithm.encode(content.asReadOnlyBuffer());
    if (!Arrays.equals(expected, Base64.getDecoder().decode(actual))) {
      throw WireError.checksumMismatch(algorithm.name());
    }
    return Optional.of(new Checksum(algorithm.name(), actual));
  }

  private static void checkAnnouncedAlgorithm(
      RequestHeaders headers, Map<ChecksumAlgorithm, String> sent) {
    Optional<String> announced = headers.first(SDK_ALGORITHM);
    if (announced.isEmpty()) {
      return;
    }
    ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(announced.get())
        .orElseThrow(() -> WireError.invalidRequest("Checksum algorithm "
            + announced.get().trim() + " is not supported; use CRC32, CRC32C, CRC64NVME, SHA1"
            + " or SHA256."));
    if (sent.isEmpty() && !headers.has("x-amz-trailer")) {
      throw WireError.invalidRequest(SDK_ALGORITHM + " specified, but no corresponding"
          + " x-amz-checksum-* or x-amz-trailer headers were found.");
    }
    if (!sent.isEmpty() && !sent.containsKey(algorithm)) {
      throw WireError.checksumMismatch(algorithm.name());
    }
  }

  private static byte[] decodeBase64(String value) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static byte[] md5(ObjectContent content) {
    return digest("MD5", content);
  }

  private static byte[] digest(String algorithm, ObjectContent content) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      digest.update(content.asReadOnlyBuffer());
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }
}
