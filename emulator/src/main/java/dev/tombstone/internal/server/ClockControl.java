package dev.tombstone.internal.server;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves a clock that the user controls; what {@code POST /_tombstone/clock} calls, and what
 * a reset rewinds. Each move runs the expiry that became due before it returns. Internal: the
 * public side is {@code dev.tombstone.ManualClock}.
 */
public interface ClockControl {
  /** Moves the clock by {@code amount}; IllegalArgumentException when it may not go there. */
  Instant advance(Duration amount);

  /** Sets the clock; IllegalArgumentException when it may not go there. */
  Instant set(Instant instant);

  /** Returns the clock to its start instant without running expiry: the state is reset too. */
  void rewind();
}
