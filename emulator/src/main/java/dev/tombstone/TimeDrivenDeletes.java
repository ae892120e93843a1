package dev.tombstone;

import dev.tombstone.internal.server.BackgroundExpiry;
import dev.tombstone.internal.server.ClockControl;
import dev.tombstone.internal.server.Emulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Connects an emulator's expiry to its clock: a {@link ManualClock} runs it inside every move
 * (and the clock endpoint may move it); any other clock gets a background sweep.
 */
final class TimeDrivenDeletes implements AutoCloseable {
  private final ManualClock manual;
  private final ManualClock.Expiry onMove;
  private final BackgroundExpiry background;

  private TimeDrivenDeletes(ManualClock manual, ManualClock.Expiry onMove,
      BackgroundExpiry background) {
    this.manual = manual;
    this.onMove = onMove;
    this.background = background;
  }

  static TimeDrivenDeletes start(Emulator emulator, Clock clock, Duration interval) {
    if (clock instanceof ManualClock manual) {
      ManualClock.Expiry onMove = new ManualClock.Expiry() {
        @Override
        public void expireDue() {
          emulator.expireDue();
        }

        @Override
        public Optional<Instant> nextDue(Instant after) {
          return emulator.nextDue(after);
        }
      };
      manual.onMove(onMove);
      emulator.clockControl(new ClockControl() {
        @Override
        public Instant advance(Duration amount) {
          if (amount.isNegative()) {
            refuseBackward(manual, "by " + amount);
          }
          return manual.advance(amount);
        }

        @Override
        public Instant set(Instant instant) {
          if (instant.isBefore(manual.now())) {
            refuseBackward(manual, "to " + instant);
          }
          return manual.set(instant);
        }

        @Override
        public void rewind() {
          manual.rewind();
        }
      });
      return new TimeDrivenDeletes(manual, onMove, null);
    }
    return new TimeDrivenDeletes(null, null, BackgroundExpiry.start(emulator, interval));
  }

  /**
   * The clock endpoint's own refusal of a backward move. ManualClock's refusal points Java
   * callers to {@code ManualClock.allowingBackward}, which someone moving the clock over HTTP
   * (the standalone JAR's {@code --clock manual}) cannot use; they can reset. The clock itself
   * still refuses a move that races past this check.
   */
  private static void refuseBackward(ManualClock manual, String move) {
    if (!manual.allowsBackward()) {
      throw new IllegalArgumentException("the clock moves forward only: it is " + manual.now()
          + ", cannot go back " + move + " (POST /_tombstone/reset returns it to its start, "
          + manual.start() + ", and empties the emulator)");
    }
  }

  @Override
  public void close() {
    if (manual != null) {
      manual.removeOnMove(onMove);
    }
    if (background != null) {
      background.close();
    }
  }
}
