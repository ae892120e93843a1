package dev.tombstone.junit;

import dev.tombstone.api.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * The extension's public API, checked in as {@code src/test/resources/api/tombstone-junit.api}: a
 * change to it is a deliberate diff of that file.
 */
class ApiListingTest {
  @Test
  void publicApi_matchesTheCommittedListing() {
    ApiListing.check("api/tombstone-junit.api", "dev.tombstone.junit");
  }
}
