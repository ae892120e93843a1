package dev.tombstone.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * UpdateTimeToLive: enables or disables TTL on one attribute of a table. Like DynamoDB it is not
 * idempotent: enabling twice, disabling twice, naming another attribute while TTL is on, or
 * changing it again within an hour are {@link DynamoDbError.Validation} errors.
 */
public final class UpdateTimeToLive {
  /** DynamoDB refuses a second change within this interval of the last one. */
  public static final Duration COOLDOWN = Duration.ofHours(1);

  static final String ALREADY_ENABLED = "TimeToLive is already enabled";
  static final String ALREADY_DISABLED = "TimeToLive is already disabled";
  static final String OTHER_ATTRIBUTE =
      "TimeToLive is active on a different AttributeName: current AttributeName is ";
  static final String TOO_SOON =
      "Time to live has been modified multiple times within a fixed interval";

  private static final int MAX_ATTRIBUTE_NAME = 255;

  private UpdateTimeToLive() {}

  /**
   * @param tableName the table's name or ARN
   * @param attributeName the attribute holding each item's expiry, in epoch seconds
   * @param enabled whether TTL is to be on
   */
  public record Request(String tableName, String attributeName, boolean enabled) {
    public Request {
      Objects.requireNonNull(tableName, "tableName");
      Objects.requireNonNull(attributeName, "attributeName");
    }

    /** Turns TTL on for {@code attributeName}. */
    public static Request enable(String tableName, String attributeName) {
      return new Request(tableName, attributeName, true);
    }

    /** Turns TTL off; {@code attributeName} must be the one it is on for. */
    public static Request disable(String tableName, String attributeName) {
      return new Request(tableName, attributeName, false);
    }
  }

  /** The specification now in force, as the request gave it. */
  public record Result(String attributeName, boolean enabled) {}

  static Result execute(TimeToLive ttl, Request request, Instant now) {
    checkLength(request.attributeName());
    synchronized (ttl) {
      String current = ttl.attributeName();
      if (ttl.enabled() && !current.equals(request.attributeName())) {
        throw new DynamoDbError.Validation(OTHER_ATTRIBUTE + current);
      }
      if (ttl.enabled() && request.enabled()) {
        throw new DynamoDbError.Validation(ALREADY_ENABLED);
      }
      if (!ttl.enabled() && !request.enabled()) {
        throw new DynamoDbError.Validation(ALREADY_DISABLED);
      }
      Instant last = ttl.lastChange();
      if (last != null && now.isBefore(last.plus(COOLDOWN))) {
        throw new DynamoDbError.Validation(TOO_SOON);
      }
      ttl.change(request.attributeName(), request.enabled(), now);
      return new Result(request.attributeName(), request.enabled());
    }
  }

  // The wire checks this before the table is looked up; an in-process request (the JUnit
  // extension's declared TTL) gets the same text here.
  private static void checkLength(String attributeName) {
    int length = attributeName.length();
    if (length < 1 || length > MAX_ATTRIBUTE_NAME) {
      throw new DynamoDbError.Validation("1 validation error detected: Value '" + attributeName
          + "' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member"
          + " must have length " + (length < 1 ? "greater than or equal to 1"
              : "less than or equal to " + MAX_ATTRIBUTE_NAME));
    }
  }
}
