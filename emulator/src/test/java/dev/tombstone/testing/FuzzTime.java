package dev.tombstone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

/**
 * The fuzz targets' time bound: one input runs in under 5 seconds. The first input through a
 * path loads its classes, and under Jazzer also instruments them, which on a loaded machine
 * has taken over 20 seconds for a request that then runs in milliseconds. So an input over the
 * bound runs once more, and only a second run over the bound fails: a slow input stays slow.
 */
public final class FuzzTime {
  /** The bound for one input, in milliseconds. */
  public static final long BOUND_MILLIS = 5_000;

  private FuzzTime() {}

  /** Runs {@code input}, again if it took the bound or longer; returns the first result. */
  public static <T> T bounded(Supplier<T> input) {
    return bounded(input, BOUND_MILLIS);
  }

  static <T> T bounded(Supplier<T> input, long boundMillis) {
    long start = System.nanoTime();
    T first = input.get();
    long firstMillis = millisSince(start);
    if (firstMillis >= boundMillis) {
      long again = System.nanoTime();
      input.get();
      assertThat(millisSince(again))
          .as("milliseconds for one input, run again after %d ms the first time", firstMillis)
          .isLessThan(boundMillis);
    }
    return first;
  }

  /** {@link #bounded(Supplier)} for an input with no result. */
  public static void boundedRun(Runnable input) {
    bounded(() -> {
      input.run();
      return null;
    });
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
