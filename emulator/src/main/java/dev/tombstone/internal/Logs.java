package dev.tombstone.internal;

/**
 * Loggers looked up when something is logged, not held in static fields: the first
 * {@code System.getLogger} of a JVM finds the logging backend through the service loader,
 * about 10 ms of a cold start, and the emulator logs only when something goes wrong.
 */
public final class Logs {
  private Logs() {}

  /** The logger named after {@code source}. */
  public static System.Logger of(Class<?> source) {
    return System.getLogger(source.getName());
  }
}
