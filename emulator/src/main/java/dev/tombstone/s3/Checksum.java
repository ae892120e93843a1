package dev.tombstone.s3;

import java.util.Objects;

/**
 * An additional checksum stored with an object version, as the client sent it.
 *
 * @param algorithm the upper-case algorithm name, e.g. {@code CRC32}, {@code SHA256}
 * @param value the Base64 digest, e.g. {@code NhCmhg==}
 */
public record Checksum(String algorithm, String value) {
  public Checksum {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
  }
}
