package dev.tombstone.s3.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Every timestamp of the S3 side comes from the clock given to the builder. */
class InjectedClockTest {
  private static final Instant FIXED = Instant.parse("2030-02-03T04:05:06.789Z");

  @Test
  void headersAndListings_useTheInjectedClock() {
    try (Tombstone tombstone =
        Tombstone.builder().clock(Clock.fixed(FIXED, ZoneOffset.UTC)).start()) {
      Wire wire = new Wire(tombstone.endpoint());
      wire.put("/clock-bucket", "");
      wire.put("/clock-bucket/k", "x");

      Reply read = wire.get("/clock-bucket/k");
      Reply listing = wire.get("/clock-bucket?list-type=2");
      Reply buckets = wire.get("/");

      assertThat(read.header("Date")).hasValue("Sun, 03 Feb 2030 04:05:06 GMT");
      assertThat(read.header("Last-Modified")).hasValue("Sun, 03 Feb 2030 04:05:06 GMT");
      assertThat(listing.one("//Contents/LastModified")).isEqualTo("2030-02-03T04:05:06.000Z");
      assertThat(buckets.one("//Bucket/CreationDate")).isEqualTo("2030-02-03T04:05:06.000Z");
      assertThat(tombstone.s3().versions("clock-bucket", "k").get(0).lastModified())
          .isEqualTo(Instant.parse("2030-02-03T04:05:06Z"));
    }
  }
}
