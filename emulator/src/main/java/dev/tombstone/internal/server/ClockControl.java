package dev.tombstone.internal.server;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves a clock that the user controls; what {@code POST /_tombstone/clock} calls. Each move
 * runs the expiry that became due before it returns. Internal: the public side is
 * {@code dev.tombstone.ManualClock}.
 */
public interface ClockControl {
  /** Moves the clock by {@code amount}; IllegalArgumentException when it may not go there. */
  Instant advance(Duration amount);

  /** Sets the clock; IllegalArgumentException when it may not go there. */
  Instant set(Instant instant);
}
