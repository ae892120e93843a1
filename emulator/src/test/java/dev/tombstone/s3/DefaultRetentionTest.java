package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A bucket's default retention: S3's limits, and dates that never overflow into a failure. */
class DefaultRetentionTest {
  private static final Instant LAST_UTC_INSTANT = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

  @Test
  void periodsBeyondOneHundredYears_areRefused() {
    Throwable years = catchThrowable(() ->
        new ObjectLock.DefaultRetention(ObjectLock.Mode.GOVERNANCE, 0, 101));
    Throwable days = catchThrowable(() ->
        new ObjectLock.DefaultRetention(ObjectLock.Mode.GOVERNANCE, 36_501, 0));

    assertThat(years).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a default retention is at most 36500 days or 100 years,"
            + " was 0 days and 101 years");
    assertThat(days).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void from_aCreationNearTheEndOfTheCalendar_retainsUntilItsLastInstant() {
    Instant created = Instant.parse("+999999950-01-01T00:00:00Z");

    ObjectLock.Retention byYears =
        new ObjectLock.DefaultRetention(ObjectLock.Mode.COMPLIANCE, 0, 100).from(created);
    ObjectLock.Retention byDays =
        new ObjectLock.DefaultRetention(ObjectLock.Mode.COMPLIANCE, 36_500, 0).from(created);

    assertThat(byYears.retainUntil()).isEqualTo(LAST_UTC_INSTANT);
    assertThat(byDays.retainUntil()).isEqualTo(LAST_UTC_INSTANT);
  }
}
