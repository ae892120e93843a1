package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.Crc64Nvme;
import dev.tombstone.s3.Checksum;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/** The additional checksums S3 accepts, each carried Base64-encoded, big-endian. */
enum ChecksumAlgorithm {
  CRC32(4),
  CRC32C(4),
  CRC64NVME(8),
  SHA1(20),
  SHA256(32);

  private final int digestLength;
  private final String headerName;

  ChecksumAlgorithm(int digestLength) {
    this.digestLength = digestLength;
    this.headerName = "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
  }

  /** The header (and trailer) that carries it, e.g. {@code x-amz-checksum-crc32}. */
  String headerName() {
    return headerName;
  }

  int digestLength() {
    return digestLength;
  }

  /** The algorithm named case-insensitively, e.g. {@code crc32}; empty when unknown. */
  static Optional<ChecksumAlgorithm> named(String name) {
    for (ChecksumAlgorithm algorithm : values()) {
      if (algorithm.name().equalsIgnoreCase(name.trim())) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /**
   * The algorithm an {@code x-amz-checksum-algorithm} header names.
   *
   * @throws WireError InvalidRequest for a name S3 does not know
   */
  static ChecksumAlgorithm requested(String name) {
    return named(name).orElseThrow(() -> WireError.invalidRequest("Checksum algorithm provided is"
        + " unsupported. Please try again with any of the valid types: [CRC32, CRC32C,"
        + " CRC64NVME, SHA1, SHA256]"));
  }

  /**
   * The response header for a stored checksum, e.g. {@code x-amz-checksum-crc32}; empty for an
   * algorithm S3 does not define (one a test stored through the Java API).
   */
  static Optional<String> headerFor(Checksum checksum) {
    return named(checksum.algorithm()).map(ChecksumAlgorithm::headerName);
  }

  /** The Base64 digest of {@code data} (its remaining bytes; the buffer is not consumed). */
  String encode(ByteBuffer data) {
    return Base64.getEncoder().encodeToString(digest(data.duplicate()));
  }

  byte[] digest(ByteBuffer data) {
    return digest(List.of(data));
  }

  /** The digest of the pieces one after the other (their remaining bytes, which it consumes). */
  byte[] digest(List<ByteBuffer> pieces) {
    return switch (this) {
      case CRC32 -> crc(new CRC32(), pieces, 4);
      case CRC32C -> crc(new CRC32C(), pieces, 4);
      case CRC64NVME -> crc(new Crc64Nvme(), pieces, 8);
      case SHA1 -> messageDigest("SHA-1", pieces);
      case SHA256 -> messageDigest("SHA-256", pieces);
    };
  }

  /** Whether S3 can combine part checksums of this algorithm into a full-object checksum. */
  boolean isCrc() {
    return this == CRC32 || this == CRC32C || this == CRC64NVME;
  }

  private static byte[] crc(java.util.zip.Checksum checksum, List<ByteBuffer> pieces, int bytes) {
    pieces.forEach(checksum::update);
    ByteBuffer out = ByteBuffer.allocate(8).putLong(checksum.getValue());
    byte[] digest = new byte[bytes];
    System.arraycopy(out.array(), 8 - bytes, digest, 0, bytes);
    return digest;
  }

  private static byte[] messageDigest(String algorithm, List<ByteBuffer> pieces) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      pieces.forEach(digest::update);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }
}
