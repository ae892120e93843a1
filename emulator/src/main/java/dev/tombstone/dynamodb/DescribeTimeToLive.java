package dev.tombstone.dynamodb;

import java.util.Optional;

/** DescribeTimeToLive: whether TTL is on for a table, and on which attribute. */
public final class DescribeTimeToLive {
  private DescribeTimeToLive() {}

  /** TTL's state. The emulator applies a change at once, so never ENABLING or DISABLING. */
  public enum Status {
    ENABLED,
    DISABLED
  }

  /**
   * @param attributeName the TTL attribute while TTL is on; empty when it is off
   */
  public record Result(Status status, Optional<String> attributeName) {}

  static Result execute(TimeToLive ttl) {
    synchronized (ttl) {
      return ttl.enabled()
          ? new Result(Status.ENABLED, Optional.of(ttl.attributeName()))
          : new Result(Status.DISABLED, Optional.empty());
    }
  }
}
