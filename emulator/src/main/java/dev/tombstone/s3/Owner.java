package dev.tombstone.s3;

import java.util.Objects;

/**
 * The canonical user that owns every bucket and object of the emulator: it appears in listings
 * ({@code FetchOwner}, ListBuckets, ListObjectVersions) and in every ACL.
 *
 * @param id the canonical user id, 64 lower-case hex characters on AWS (any non-blank text here)
 * @param displayName the display name
 */
public record Owner(String id, String displayName) {
  /** The owner the emulator reports unless configured otherwise. */
  public static final Owner DEFAULT = new Owner(
      "9be4d820aca910ba177fcfeeab2762afefa4b7888e4a92f25fec0032a5688078", "tombstone");

  public Owner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    if (id.isBlank()) {
      throw new IllegalArgumentException("owner id must not be blank");
    }
  }
}
