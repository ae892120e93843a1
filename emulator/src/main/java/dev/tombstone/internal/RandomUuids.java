package dev.tombstone.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for ids that must be unique, not unguessable: table ids, lifecycle
 * rule ids. {@link UUID#randomUUID()} draws from {@code SecureRandom}, whose first use in a JVM
 * loads the security providers, about 20 ms that a test's first CreateTable would pay.
 */
public final class RandomUuids {
  private RandomUuids() {}

  /** A new version 4, IETF variant UUID. */
  public static UUID next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
