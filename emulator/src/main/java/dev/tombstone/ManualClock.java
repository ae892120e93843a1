package dev.tombstone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only a test moves. Give it to {@link Tombstone.Builder#clock(Clock)} and every
 * deletion driven by time (DynamoDB TTL, S3 Object Lock retention) follows it: moving the clock
 * runs every expiry that became due <em>before</em> {@link #advance(Duration)} or
 * {@link #set(Instant)} returns, so a test never sleeps or polls.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * try (Tombstone tombstone = Tombstone.builder().clock(clock).start()) {
 *   ... put an item whose TTL attribute is one hour ahead ...
 *   clock.advance(Duration.ofHours(2));   // the item is deleted when this returns
 * }
 * }</pre>
 *
 * <p>It moves forward only, unless built with {@link #allowingBackward(Instant)}.
 * {@link Tombstone#reset()} returns it to its start instant. Thread-safe; moves are serialized,
 * and each move's expiry runs inside it, so expiry happens in the order of the moves.
 */
public final class ManualClock extends Clock {
  private final Instant start;
  private final boolean backward;
  private final ZoneId zone;
  private final Shared shared;

  /** The mutable part, shared with the clocks {@link #withZone(ZoneId)} returns. */
  private static final class Shared {
    volatile Instant now;
    final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    Shared(Instant now) {
      this.now = now;
    }
  }

  private ManualClock(Instant start, boolean backward, ZoneId zone, Shared shared) {
    this.start = start;
    this.backward = backward;
    this.zone = zone;
    this.shared = shared;
  }

  /** A clock at {@code start} that only moves forward. */
  public static ManualClock startingAt(Instant start) {
    Objects.requireNonNull(start, "start");
    return new ManualClock(start, false, ZoneOffset.UTC, new Shared(start));
  }

  /** A clock at {@code start} that {@link #set(Instant)} and {@link #advance} may move back. */
  public static ManualClock allowingBackward(Instant start) {
    Objects.requireNonNull(start, "start");
    return new ManualClock(start, true, ZoneOffset.UTC, new Shared(start));
  }

  /** The current instant. */
  public Instant now() {
    return shared.now;
  }

  /** The instant this clock started at, and returns to on {@link Tombstone#reset()}. */
  public Instant start() {
    return start;
  }

  /** Whether this clock may be moved back. */
  public boolean allowsBackward() {
    return backward;
  }

  /**
   * Moves the clock by {@code amount} and runs the expiry that became due.
   *
   * @return the new instant
   * @throws IllegalArgumentException when {@code amount} is negative and the clock moves
   *     forward only
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    synchronized (shared) {
      return move(shared.now.plus(amount));
    }
  }

  /**
   * Sets the clock to {@code instant} and runs the expiry that became due.
   *
   * @return {@code instant}
   * @throws IllegalArgumentException when {@code instant} is before {@link #now()} and the clock
   *     moves forward only
   */
  public Instant set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    synchronized (shared) {
      return move(instant);
    }
  }

  private Instant move(Instant to) {
    if (!backward && to.isBefore(shared.now)) {
      throw new IllegalArgumentException("the clock moves forward only: it is " + shared.now
          + ", cannot go back to " + to
          + " (build it with ManualClock.allowingBackward to allow that)");
    }
    shared.now = to;
    for (Runnable listener : shared.listeners) {
      listener.run();
    }
    return to;
  }

  /** Back to the start instant, without running expiry (the state is being reset too). */
  void rewind() {
    synchronized (shared) {
      shared.now = start;
    }
  }

  /** Runs {@code listener} after every move, inside it. */
  void onMove(Runnable listener) {
    shared.listeners.add(listener);
  }

  void removeOnMove(Runnable listener) {
    shared.listeners.remove(listener);
  }

  @Override
  public Instant instant() {
    return shared.now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone; it moves with this one. */
  @Override
  public ManualClock withZone(ZoneId zone) {
    return new ManualClock(start, backward, Objects.requireNonNull(zone, "zone"), shared);
  }

  @Override
  public String toString() {
    return "ManualClock[" + shared.now + (backward ? ", may go back]" : "]");
  }
}
