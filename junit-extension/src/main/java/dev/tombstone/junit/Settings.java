package dev.tombstone.junit;

import dev.tombstone.Tombstone;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What one extension instance was configured with. */
record Settings(
    Lifecycle lifecycle,
    boolean resetBeforeEach,
    String region,
    Clock clock,
    boolean sdkSystemProperties,
    boolean journalOnFailure) {

  static final Settings DEFAULTS =
      new Settings(Lifecycle.PER_CLASS, true, "us-east-1", Clock.systemUTC(), false, true);

  static Settings of(TombstoneTest annotation) {
    return new Settings(annotation.lifecycle(), annotation.resetBeforeEach(), annotation.region(),
        Clock.systemUTC(), annotation.sdkSystemProperties(), annotation.journalOnFailure());
  }

  Tombstone start() {
    Tombstone.Builder builder;
    try {
      builder = Tombstone.builder().region(region).clock(clock);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("Tombstone: invalid region \"" + region
          + "\" in @TombstoneTest(region = ...); use a region name such as us-east-1", e);
    }
    return builder.start();
  }

  /**
   * Emulators are shared per JVM only between classes whose emulators would be the same: same
   * region and an equal clock (the JDK's clocks compare by value, others by identity).
   */
  Object emulatorKey() {
    return new SharedEmulatorKey(region, clock);
  }

  private record SharedEmulatorKey(String region, Clock clock) {}
}
