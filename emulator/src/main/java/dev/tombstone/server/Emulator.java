package dev.tombstone.server;

import dev.tombstone.dynamodb.DynamoDbState;
import java.time.Clock;

/**
 * The emulator's state and configuration, shared by every protocol on the port. Internal: users
 * reach it through {@code Tombstone}.
 */
public final class Emulator {
  private final String region;
  private final Clock clock;
  private final DynamoDbState dynamoDb;

  public Emulator(String region, Clock clock) {
    this.region = region;
    this.clock = clock;
    this.dynamoDb = new DynamoDbState(region, clock);
  }

  public String region() {
    return region;
  }

  public Clock clock() {
    return clock;
  }

  public DynamoDbState dynamoDb() {
    return dynamoDb;
  }

  /** Drops all state of every service. */
  public void reset() {
    dynamoDb.reset();
  }
}
