package dev.tombstone.junit;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What one extension instance was configured with. */
record Settings(
    Lifecycle lifecycle,
    boolean resetBeforeEach,
    String region,
    Clock clock,
    boolean sdkSystemProperties,
    boolean journalOnFailure,
    Instant manualClock) {

  static final Settings DEFAULTS =
      new Settings(Lifecycle.PER_CLASS, true, "us-east-1", Clock.systemUTC(), false, true, null);

  /** Without a manual clock. */
  Settings(Lifecycle lifecycle, boolean resetBeforeEach, String region, Clock clock,
      boolean sdkSystemProperties, boolean journalOnFailure) {
    this(lifecycle, resetBeforeEach, region, clock, sdkSystemProperties, journalOnFailure, null);
  }

  static Settings of(TombstoneTest annotation) {
    return new Settings(annotation.lifecycle(), annotation.resetBeforeEach(), annotation.region(),
        Clock.systemUTC(), annotation.sdkSystemProperties(), annotation.journalOnFailure(),
        manualClock(annotation.manualClock()));
  }

  private static Instant manualClock(String start) {
    if (start.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(start);
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException("Tombstone: @TombstoneTest(manualClock = \""
          + start + "\") is not an ISO-8601 UTC instant; write it like 2026-01-01T00:00:00Z", e);
    }
  }

  Tombstone start() {
    Tombstone.Builder builder;
    try {
      // A manual clock is made per emulator, so emulators of parallel tests never share one.
      builder = Tombstone.builder().region(region)
          .clock(manualClock == null ? clock : ManualClock.startingAt(manualClock));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("Tombstone: invalid region \"" + region
          + "\" in @TombstoneTest(region = ...); use a region name such as us-east-1", e);
    }
    return builder.start();
  }

  /**
   * Emulators are shared (per JVM, or by a class with its {@code @Nested} classes) only between
   * classes whose emulators would be the same: same region and an equal clock (the JDK's clocks
   * compare by value, others by identity).
   */
  Object emulatorKey() {
    return new SharedEmulatorKey(region, clock, manualClock);
  }

  private record SharedEmulatorKey(String region, Clock clock, Instant manualClock) {}
}
