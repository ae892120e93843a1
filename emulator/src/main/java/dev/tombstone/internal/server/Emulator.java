package dev.tombstone.internal.server;

import dev.tombstone.internal.dynamodb.DynamoDbNamespaces;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.s3.S3State;
import dev.tombstone.internal.auth.Credentials;
import java.time.Clock;
import java.util.Optional;

/**
 * The emulator's state and configuration, shared by every protocol on the port. Internal: users
 * reach it through {@code Tombstone}.
 */
public final class Emulator {
  private final String region;
  private final Clock clock;
  private final DynamoDbState dynamoDb;
  private final DynamoDbNamespaces namespaces;
  private final S3State s3;
  private final RequestJournal journal;
  private final FaultRules faults = new FaultRules();

  private final Optional<Credentials> credentials;

  public Emulator(String region, Clock clock) {
    this(region, clock, Optional.empty());
  }

  /** @param credentials the key pair strict mode accepts; empty leaves signatures unchecked */
  public Emulator(String region, Clock clock, Optional<Credentials> credentials) {
    this.credentials = credentials;
    this.region = region;
    this.clock = clock;
    this.journal = new RequestJournal(clock);
    this.dynamoDb = new DynamoDbState(region, clock);
    this.namespaces =
        new DynamoDbNamespaces(dynamoDb, DynamoDbNamespaces.DEFAULT_PROJECT, region, clock);
    this.s3 = new S3State(region, clock);
  }

  /** The key pair every request must be signed with, when strict mode is on. */
  public Optional<Credentials> credentials() {
    return credentials;
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

  /** MagnetoDB's per-project table namespaces; the default project shares {@link #dynamoDb()}. */
  public DynamoDbNamespaces namespaces() {
    return namespaces;
  }

  public S3State s3() {
    return s3;
  }

  /** The last requests served, for diagnostics. */
  public RequestJournal journal() {
    return journal;
  }

  /** The fault rules matched in front of the protocols. */
  public FaultRules faults() {
    return faults;
  }

  /** Drops all state of every service, and every fault rule. */
  public void reset() {
    namespaces.reset();
    s3.reset();
    faults.clear();
  }
}
