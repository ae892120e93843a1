package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event hold values and the rules PutObjectRetention applies to them. */
class EventHoldsTest {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  static final ObjectLock.EventHoldDuration TEN_DAYS = ObjectLock.EventHoldDuration.ofDays(10);

  @Test
  void durations_takeExactlyOneOfDaysAndYears_withinS3sRange() {
    assertThatThrownBy(() -> new ObjectLock.EventHoldDuration(1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ObjectLock.EventHoldDuration.ofDays(36_501))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ObjectLock.EventHoldDuration.ofYears(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ObjectLock.EventHoldDuration.ofYears(1).after(NOW))
        .isEqualTo(Instant.parse("2027-11-01T00:00:00Z"));
    assertThat(ObjectLock.EventHoldDuration.ofYears(100).after(Instant.parse(
        "9990-01-01T00:00:00Z"))).isEqualTo(ObjectLock.LATEST);
  }

  @Test
  void aHoldThatIsOn_protectsForever_andAReleasedOne_untilReleasePlusDuration() {
    ObjectLock.EventHold on = ObjectLock.EventHold.on(TEN_DAYS);
    ObjectLock.EventHold released = new ObjectLock.EventHold(TEN_DAYS, Optional.of(NOW));

    assertThat(on.activeAt(Instant.parse("9999-01-01T00:00:00Z"))).isTrue();
    assertThat(on.protectedUntil()).isEmpty();
    assertThat(released.activeAt(NOW.plus(Duration.ofDays(10)).minusSeconds(1))).isTrue();
    assertThat(released.activeAt(NOW.plus(Duration.ofDays(10)))).isFalse();
  }

  @Test
  void aVersionLockWithAHoldInForce_refusesDeletes_bypassOrNot() {
    ObjectLock.VersionLock lock = ObjectLock.VersionLock.NONE
        .withEventHold(Optional.of(new ObjectLock.EventHold(TEN_DAYS, Optional.of(NOW))));

    assertThat(lock.refusesDelete(NOW, true)).isTrue();
    assertThat(lock.refusesDelete(NOW.plus(Duration.ofDays(10)), false)).isFalse();
    assertThat(lock.isEmpty()).isFalse();
  }

  @Test
  void release_datesTheHoldFromNow_andASecondReleaseChangesNothing() {
    Optional<ObjectLock.EventHold> released = EventHolds.change(
        Optional.of(ObjectLock.EventHold.on(TEN_DAYS)), ObjectLock.RequestedEventHold.OFF, NOW);
    Optional<ObjectLock.EventHold> again = EventHolds.change(released,
        ObjectLock.RequestedEventHold.OFF, NOW.plus(Duration.ofDays(1)));

    assertThat(released).contains(new ObjectLock.EventHold(TEN_DAYS, Optional.of(NOW)));
    assertThat(again).isEqualTo(released);
    assertThat(EventHolds.change(Optional.empty(), ObjectLock.RequestedEventHold.OFF, NOW))
        .isEmpty();
  }

  @Test
  void aShorterDuration_isRefusedWhileTheHoldIsInForce_butNotAfter() {
    Optional<ObjectLock.EventHold> released =
        Optional.of(new ObjectLock.EventHold(TEN_DAYS, Optional.of(NOW)));
    ObjectLock.RequestedEventHold shorter =
        ObjectLock.RequestedEventHold.on(ObjectLock.EventHoldDuration.ofDays(9));

    assertThatThrownBy(() -> EventHolds.change(released, shorter, NOW))
        .isInstanceOf(S3Error.ObjectLockError.class)
        .hasMessageContaining("protected by object lock");
    assertThat(EventHolds.change(released, shorter, NOW.plus(Duration.ofDays(10))))
        .contains(ObjectLock.EventHold.on(ObjectLock.EventHoldDuration.ofDays(9)));
  }
}
