package dev.tombstone.api;

import org.junit.jupiter.api.Test;

/**
 * The emulator's public API, checked in as {@code src/test/resources/api/tombstone-emulator.api}:
 * a change to it is a deliberate diff of that file.
 */
class ApiListingTest {
  @Test
  void publicApi_matchesTheCommittedListing() {
    ApiListing.check("api/tombstone-emulator.api",
        "dev.tombstone", "dev.tombstone.dynamodb", "dev.tombstone.s3",
        "dev.tombstone.faults");
  }
}
