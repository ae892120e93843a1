package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Epoch seconds read to the millisecond, however the number is written, never expanded. */
class EpochSecondsTest {
  @ParameterizedTest
  @CsvSource({
      "1767225600, 2026-01-01T00:00:00Z",
      "1767225600.5, 2026-01-01T00:00:00.500Z",
      "1767225600.1239, 2026-01-01T00:00:00.123Z",
      "1.7672256E9, 2026-01-01T00:00:00Z",
      "17672256000e-1, 2026-01-01T00:00:00Z",
      "0.0017672256E+12, 2026-01-01T00:00:00Z",
      "-0.5, 1969-12-31T23:59:59.500Z",
      "-1.0019, 1969-12-31T23:59:58.999Z",
      "0, 1970-01-01T00:00:00Z",
      "-0, 1970-01-01T00:00:00Z",
      "0.0009, 1970-01-01T00:00:00Z",
      "1E-400, 1970-01-01T00:00:00Z",
      "0E+999999999, 1970-01-01T00:00:00Z",
      "5E-99999999999999999999, 1970-01-01T00:00:00Z",
      "0.001, 1970-01-01T00:00:00.001Z",
      "1E+15, +31690708-07-05T01:46:40Z",
  })
  void reads_toTheMillisecond_truncatingTowardZero(String number, String instant) {
    Optional<Instant> parsed = EpochSeconds.parse(number);

    assertThat(parsed).contains(Instant.parse(instant));
  }

  @Test
  void reads_theEndsOfALongsMilliseconds() {
    assertThat(EpochSeconds.parse("9223372036854775.807"))
        .contains(Instant.ofEpochMilli(Long.MAX_VALUE));
    assertThat(EpochSeconds.parse("-9223372036854775.807"))
        .contains(Instant.ofEpochMilli(-Long.MAX_VALUE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775.808", "-9223372036854775.808", "1E+16",
      "10000000000000000000", "1e400", "1E+2147483647", "31556889864403199.999999999",
      "-60452248823070465.975765501E33503487", "1E+99999999999999999999"})
  void refuses_whatNoLongOfMillisecondsHolds(String number) {
    Optional<Instant> parsed =
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> EpochSeconds.parse(number));

    assertThat(parsed).isEmpty();
  }

  @Test
  void reads_aMillionDigits_withoutParsingThem() {
    String number = "1767225600." + "9".repeat(1_000_000);

    Optional<Instant> parsed =
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> EpochSeconds.parse(number));

    assertThat(parsed).contains(Instant.parse("2026-01-01T00:00:00.999Z"));
  }
}
