package dev.tombstone;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * <p>A long move stops on its way wherever something falls due (an S3 lifecycle action, at a
 * midnight UTC), so expiry happens in order and each action counts from when the one before it
 * happened: a jump of 30 days over a rule that expires objects after a day and noncurrent
 * versions a day later adds the delete marker on day 2 and removes the old version on day 3.
 *
 * <p>It moves forward only, unless built with {@link #allowingBackward(Instant)}.
 * {@link Tombstone#reset()} returns it to its start instant. Thread-safe; moves are serialized,
 * and each move's expiry runs inside it, so expiry happens in the order of the moves.
 */
public final class ManualClock extends Clock {
  /** The range a move may reach: every date the services write shows a four-digit year. */
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private final Instant start;
  private final boolean backward;
  private final ZoneId zone;
  private final Shared shared;

  /** The mutable part, shared with the clocks {@link #withZone(ZoneId)} returns. */
  private static final class Shared {
    volatile Instant now;
    final List<Expiry> listeners = new CopyOnWriteArrayList<>();

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

  /**
   * A clock at {@code start} that only moves forward.
   *
   * @throws IllegalArgumentException when {@code start} is outside the years 0000 to 9999
   */
  public static ManualClock startingAt(Instant start) {
    return new ManualClock(checkedStart(start), false, ZoneOffset.UTC, new Shared(start));
  }

  /**
   * A clock at {@code start} that {@link #set(Instant)} and {@link #advance} may move back.
   *
   * @throws IllegalArgumentException when {@code start} is outside the years 0000 to 9999
   */
  public static ManualClock allowingBackward(Instant start) {
    return new ManualClock(checkedStart(start), true, ZoneOffset.UTC, new Shared(start));
  }

  private static Instant checkedStart(Instant start) {
    Objects.requireNonNull(start, "start");
    if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
      throw new IllegalArgumentException("a manual clock starts from " + EARLIEST + " to "
          + LATEST + " (the dates Tombstone writes have four-digit years), not at " + start);
    }
    return start;
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
   *     forward only, or when the clock would leave the years 0000 to 9999
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    synchronized (shared) {
      Instant to;
      try {
        to = shared.now.plus(amount);
      } catch (DateTimeException | ArithmeticException beyondInstant) {
        throw outOfRange(shared.now + " + " + amount);
      }
      return move(to);
    }
  }

  /**
   * Sets the clock to {@code instant} and runs the expiry that became due.
   *
   * @return {@code instant}
   * @throws IllegalArgumentException when {@code instant} is before {@link #now()} and the clock
   *     moves forward only, or outside the years 0000 to 9999
   */
  public Instant set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    synchronized (shared) {
      return move(instant);
    }
  }

  private Instant move(Instant to) {
    if (to.isBefore(EARLIEST) || to.isAfter(LATEST)) {
      throw outOfRange(to.toString());
    }
    if (!backward && to.isBefore(shared.now)) {
      throw new IllegalArgumentException("the clock moves forward only: it is " + shared.now
          + ", cannot go back to " + to
          + " (build it with ManualClock.allowingBackward to allow that)");
    }
    for (Instant stop = nextStop(to); stop != null; stop = nextStop(to)) {
      shared.now = stop;
      expire();
    }
    shared.now = to;
    expire();
    return to;
  }

  private static IllegalArgumentException outOfRange(String target) {
    return new IllegalArgumentException("the clock can be moved from " + EARLIEST + " to "
        + LATEST + " (the dates Tombstone writes have four-digit years), not to " + target);
  }

  /** The first instant after now and before {@code to} at which something falls due. */
  private Instant nextStop(Instant to) {
    Instant now = shared.now;
    Instant first = null;
    for (Expiry listener : shared.listeners) {
      Instant due = listener.nextDue(now).orElse(null);
      if (due != null && due.isAfter(now) && due.isBefore(to)
          && (first == null || due.isBefore(first))) {
        first = due;
      }
    }
    return first;
  }

  private void expire() {
    for (Expiry listener : shared.listeners) {
      listener.expireDue();
    }
  }

  /** Back to the start instant, without running expiry (the state is being reset too). */
  void rewind() {
    synchronized (shared) {
      shared.now = start;
    }
  }

  /** What a move runs: the expiry due at the clock's instant, and when more falls due. */
  interface Expiry {
    /** Runs every expiry due at the clock's current instant. */
    void expireDue();

    /**
     * The first instant after {@code after} at which something may fall due. It may be early
     * (a stop where nothing is due costs one sweep) but never late: a move stops there.
     */
    Optional<Instant> nextDue(Instant after);
  }

  /** Runs {@code expiry} inside every move, at each stop and at the end. */
  void onMove(Expiry expiry) {
    shared.listeners.add(expiry);
  }

  void removeOnMove(Expiry expiry) {
    shared.listeners.remove(expiry);
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
