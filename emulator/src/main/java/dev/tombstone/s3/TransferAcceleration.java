package dev.tombstone.s3;

import java.util.Optional;

/**
 * A bucket's Transfer Acceleration status (PutBucketAccelerateConfiguration); stored and
 * returned: the emulator has no accelerate endpoint.
 */
public enum TransferAcceleration {
  ENABLED("Enabled"),
  SUSPENDED("Suspended");

  private final String wireName;

  TransferAcceleration(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code Status} value of S3's XML. */
  public String wireName() {
    return wireName;
  }

  /** The status S3 calls {@code name}, exactly; empty for any other text. */
  public static Optional<TransferAcceleration> named(String name) {
    for (TransferAcceleration status : values()) {
      if (status.wireName.equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
