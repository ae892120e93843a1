package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void perJvmKey_isSharedByEqualClocks() {
    Settings a = perJvm(Clock.fixed(START, ZoneOffset.UTC));
    Settings b = perJvm(Clock.fixed(START, ZoneOffset.UTC));

    assertThat(a.emulatorKey()).isEqualTo(b.emulatorKey());
  }

  @Test
  void perJvmKey_tellsApartClocksThatOnlyPrintAlike() {
    Settings a = perJvm(new NamedClock());
    Settings b = perJvm(new NamedClock());

    assertThat(a.clock()).hasToString(b.clock().toString());
    assertThat(a.emulatorKey()).isNotEqualTo(b.emulatorKey());
  }

  private static Settings perJvm(Clock clock) {
    return new Settings(Lifecycle.PER_JVM, true, "us-east-1", clock, false, true);
  }

  /** A user's clock with a fixed description, as a test double might print itself. */
  private static final class NamedClock extends Clock {
    private final Clock delegate = Clock.fixed(START, ZoneOffset.UTC);

    @Override
    public ZoneId getZone() {
      return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return delegate.instant();
    }

    @Override
    public String toString() {
      return "test clock";
    }
  }
}
