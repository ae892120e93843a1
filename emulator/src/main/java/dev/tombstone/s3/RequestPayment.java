package dev.tombstone.s3;

import java.util.Optional;

/**
 * Who pays for requests to a bucket and downloads from it (GetBucketRequestPayment); stored and
 * returned, not enforced: requests succeed without {@code x-amz-request-payer} either way.
 */
public enum RequestPayment {
  /** The default: the bucket owner pays. */
  BUCKET_OWNER("BucketOwner"),
  /** Requester Pays. */
  REQUESTER("Requester");

  private final String wireName;

  RequestPayment(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code Payer} value of S3's XML. */
  public String wireName() {
    return wireName;
  }

  /** The payer S3 calls {@code name}, exactly; empty for any other text. */
  public static Optional<RequestPayment> named(String name) {
    for (RequestPayment payer : values()) {
      if (payer.wireName.equals(name)) {
        return Optional.of(payer);
      }
    }
    return Optional.empty();
  }
}
