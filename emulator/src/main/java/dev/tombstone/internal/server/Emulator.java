package dev.tombstone.internal.server;

import dev.tombstone.internal.dynamodb.DynamoDbNamespaces;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableTransfers;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.s3.MfaDevice;
import dev.tombstone.s3.Owner;
import dev.tombstone.s3.S3State;
import dev.tombstone.dynamodb.ExpiredItem;
import dev.tombstone.internal.dynamodb.protocol.ExpiredItemsJson;
import dev.tombstone.internal.dynamodb.protocol.MagnetoDbRestProtocol;
import dev.tombstone.s3.BucketLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.tombstone.internal.auth.Credentials;
import java.util.Optional;

/**
 * The emulator's state and configuration, shared by every protocol on the port. Internal: users
 * reach it through {@code Tombstone}.
 */
public final class Emulator {
  /** The journal's target for an item the TTL sweep deleted. */
  public static final String TTL_DELETE = "TimeToLive.DeleteItem";
  /** The journal's target prefix for what a lifecycle rule did. */
  public static final String LIFECYCLE = "Lifecycle.";
  private final String region;
  private final Clock clock;
  private final DynamoDbState dynamoDb;
  private final DynamoDbNamespaces namespaces;
  private final TableAttachments attachments;
  private final S3State s3;
  private final TableTransfers transfers;
  private final RequestJournal journal;
  private final FaultRules faults = new FaultRules();
  private volatile ClockControl clockControl;

  private final Optional<Credentials> credentials;

  public Emulator(String region, Clock clock) {
    this(region, clock, Owner.DEFAULT, MfaDevice.ANY, Optional.empty());
  }

  /**
   * @param owner the S3 owner
   * @param mfaDevice what MFA-delete buckets accept
   * @param credentials the key pair strict mode accepts; empty leaves signatures unchecked
   */
  public Emulator(String region, Clock clock, Owner owner, MfaDevice mfaDevice,
      Optional<Credentials> credentials) {
    this.credentials = credentials;
    this.region = region;
    this.clock = clock;
    this.journal = new RequestJournal(clock);
    this.dynamoDb = new DynamoDbState(region, clock);
    this.namespaces =
        new DynamoDbNamespaces(dynamoDb, DynamoDbNamespaces.DEFAULT_PROJECT, region, clock);
    this.attachments = new TableAttachments(clock);
    this.s3 = new S3State(region, clock, owner, mfaDevice);
    this.transfers = new TableTransfers(s3, region, clock);
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

  /** Resource policies and Contributor Insights of the DynamoDB dialects' tables. */
  public TableAttachments attachments() {
    return attachments;
  }

  public S3State s3() {
    return s3;
  }

  /** DynamoDB's exports to and imports from this emulator's S3. */
  public TableTransfers transfers() {
    return transfers;
  }

  /** The last requests served, for diagnostics. */
  public RequestJournal journal() {
    return journal;
  }

  /** The fault rules matched in front of the protocols. */
  public FaultRules faults() {
    return faults;
  }

  /** Lets {@code POST /_tombstone/clock} move the clock; unset, the clock cannot be moved. */
  public void clockControl(ClockControl control) {
    this.clockControl = control;
  }

  /** What moves the clock, when the user gave a clock that can be moved. */
  public Optional<ClockControl> clockControl() {
    return Optional.ofNullable(clockControl);
  }

  /**
   * Runs every expiry due by the clock's time (DynamoDB TTL, S3 lifecycle) and notes each service
   * delete in the journal. Serialized, so a manual move and a background sweep never interleave.
   */
  public synchronized List<ExpiredItem> expireDue() {
    List<ExpiredItem> expired = new ArrayList<>(dynamoDb.expireItems());
    for (ExpiredItem item : expired) {
      journalTtlDelete("/", item);
    }
    namespaces.expireProjectItems().forEach((project, items) -> {
      for (ExpiredItem item : items) {
        // The MagnetoDB path of the item's table: the project is part of where it lived.
        journalTtlDelete(
            MagnetoDbRestProtocol.PREFIX + project + "/tables/" + item.tableName(), item);
        expired.add(item);
      }
    });
    for (BucketLifecycle.Action action : s3.expireObjects()) {
      journal.add(new RequestJournal.Entry(action.at(), "EXPIRE",
          "/" + action.bucket() + "/" + action.key(), "versionId=" + action.versionId(),
          LIFECYCLE + action.kind(), "rule " + action.ruleId(), 200, ""));
    }
    return expired;
  }

  private void journalTtlDelete(String path, ExpiredItem item) {
    journal.add(new RequestJournal.Entry(item.deletedAt(), "EXPIRE", path, "", TTL_DELETE,
        ExpiredItemsJson.describe(item), 200, ""));
  }

  /**
   * The first instant after {@code after} at which an S3 lifecycle action may fall due, for a
   * manual clock to stop at on a long move. DynamoDB TTL needs no stops: each sweep deletes
   * what expired since the one before, whatever the distance.
   */
  public Optional<Instant> nextDue(Instant after) {
    return s3.nextLifecycleDue(after);
  }

  /**
   * Drops all state of every service, and every fault rule, and returns a manual clock to its
   * start: what both {@code Tombstone.reset()} and {@code POST /_tombstone/reset} do.
   */
  public void reset() {
    clockControl().ifPresent(ClockControl::rewind);
    namespaces.reset();
    attachments.reset();
    transfers.reset();
    s3.reset();
    faults.clear();
  }
}
