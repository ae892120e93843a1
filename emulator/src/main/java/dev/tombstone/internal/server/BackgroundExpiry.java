package dev.tombstone.internal.server;

import dev.tombstone.internal.Logs;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Emulator#expireDue()} every period on one daemon thread: how expiry happens when
 * nobody moves the clock (the system clock). Internal.
 */
public final class BackgroundExpiry implements AutoCloseable {
  private final ScheduledExecutorService executor;

  private BackgroundExpiry(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Starts sweeping {@code emulator} every {@code period}. */
  public static BackgroundExpiry start(Emulator emulator, Duration period) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "tombstone-expiry");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, period.toMillis());
    executor.scheduleWithFixedDelay(() -> {
      try {
        emulator.expireDue();
      } catch (RuntimeException e) {
        // A failed sweep must not cancel the schedule; the next one tries again.
        Logs.of(BackgroundExpiry.class).log(System.Logger.Level.WARNING, "expiry sweep failed", e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
    return new BackgroundExpiry(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
