package dev.tombstone.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void startsAtItsInstant_andMovesOnlyWhenTold() {
    ManualClock clock = ManualClock.startingAt(START);

    assertThat(clock.now()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
  }

  @Test
  void advanceAndSet_moveForward_andReturnTheNewTime() {
    ManualClock clock = ManualClock.startingAt(START);

    assertThat(clock.advance(Duration.ofHours(48))).isEqualTo(START.plus(Duration.ofHours(48)));
    assertThat(clock.set(Instant.parse("2026-03-01T12:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(clock.now()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
  }

  @Test
  void forwardOnlyClock_refusesToGoBack_andStaysWhereItWas() {
    ManualClock clock = ManualClock.startingAt(START);

    Throwable back = catchThrowable(() -> clock.advance(Duration.ofSeconds(-1)));
    Throwable earlier = catchThrowable(() -> clock.set(START.minusSeconds(1)));

    assertThat(back).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("forward only");
    assertThat(earlier).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowingBackward");
    assertThat(clock.now()).isEqualTo(START);
  }

  @Test
  void clockAllowingBackward_goesBack() {
    ManualClock clock = ManualClock.allowingBackward(START);

    clock.advance(Duration.ofDays(-1));

    assertThat(clock.now()).isEqualTo(START.minus(Duration.ofDays(1)));
    assertThat(clock.allowsBackward()).isTrue();
  }

  @Test
  void zonedView_movesWithTheClock() {
    ManualClock clock = ManualClock.startingAt(START);
    ManualClock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofMinutes(5));

    assertThat(paris.instant()).isEqualTo(START.plusSeconds(300));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void emulatorReset_returnsTheClockToItsStart() {
    ManualClock clock = ManualClock.startingAt(START);
    try (Tombstone tombstone = Tombstone.builder().clock(clock).start()) {
      clock.advance(Duration.ofDays(3));

      tombstone.reset();

      assertThat(clock.now()).isEqualTo(START);
      assertThat(tombstone.clock()).isSameAs(clock);
    }
  }

  @Test
  void builder_refusesANonPositiveExpiryInterval() {
    Throwable thrown = catchThrowable(() -> Tombstone.builder().expiryInterval(Duration.ZERO));

    assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expiryInterval must be positive, was PT0S");
  }
}
