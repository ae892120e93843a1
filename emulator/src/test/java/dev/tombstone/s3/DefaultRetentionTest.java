package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A bucket's default retention: S3's limits, and dates that stay within four-digit years. */
class DefaultRetentionTest {
  private static final Instant END_OF_9999 = Instant.parse("9999-12-31T23:59:59.999Z");

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
  void from_aDatePastTheYear9999_retainsUntilTheLastMillisecondOf9999() {
    Instant created = Instant.parse("9950-01-01T00:00:00Z");

    ObjectLock.Retention byYears =
        new ObjectLock.DefaultRetention(ObjectLock.Mode.COMPLIANCE, 0, 100).from(created);
    ObjectLock.Retention byDays =
        new ObjectLock.DefaultRetention(ObjectLock.Mode.COMPLIANCE, 36_500, 0).from(created);
    ObjectLock.Retention nearTheEndOfTheCalendar =
        new ObjectLock.DefaultRetention(ObjectLock.Mode.COMPLIANCE, 0, 100)
            .from(Instant.parse("+999999950-01-01T00:00:00Z"));

    assertThat(byYears.retainUntil()).isEqualTo(END_OF_9999);
    assertThat(byDays.retainUntil()).isEqualTo(END_OF_9999);
    assertThat(nearTheEndOfTheCalendar.retainUntil()).isEqualTo(END_OF_9999);
  }

  @Test
  void from_aDateWithinTheYear9999_isNotClamped() {
    Instant created = Instant.parse("9899-06-30T12:00:00Z");

    ObjectLock.Retention byYears =
        new ObjectLock.DefaultRetention(ObjectLock.Mode.GOVERNANCE, 0, 100).from(created);

    assertThat(byYears.retainUntil()).isEqualTo(Instant.parse("9999-06-30T12:00:00Z"));
  }
}
