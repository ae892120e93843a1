package dev.tombstone.s3;

import dev.tombstone.internal.Crc64Nvme;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * The checksum S3 gives an object written without one (since its "default data integrity
 * protections" of December 2024): a full-object CRC64NVME of the bytes.
 */
final class DefaultChecksum {
  static final String ALGORITHM = "CRC64NVME";

  private DefaultChecksum() {}

  static Optional<Checksum> of(ObjectContent content) {
    long crc = Crc64Nvme.of(content.asReadOnlyBuffer());
    String value = Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(crc).array());
    return Optional.of(new Checksum(ALGORITHM, value));
  }
}
