package dev.tombstone.internal.dynamodb;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What the DynamoDB dialects keep beside the tables: resource-based policies (by resource ARN:
 * the table's, or its stream's), Contributor Insights settings (by index name, {@code ""} for
 * the table, each stamped with its index's id), server-side encryption with a KMS key (under
 * {@code ""}), Kinesis streaming destinations (by stream ARN), vector indexes (by index
 * name) and when the provisioned throughput of the table (under {@code ""}) and of its global
 * indexes (by index name) last rose and fell. Policies and destinations are stored, never
 * enforced: no record reaches Kinesis.
 * Internal.
 */
public final class TableAttachments {
  private final Clock clock;
  private final TableSideState<ResourcePolicy> policies = new TableSideState<>();
  private final TableSideState<ContributorInsights> insights = new TableSideState<>();
  private final TableSideState<Encryption> encryption = new TableSideState<>();
  private final TableSideState<OnDemandLimits> onDemand = new TableSideState<>();
  private final TableSideState<KinesisDestination> kinesis = new TableSideState<>();
  private final TableSideState<VectorIndex> vectors = new TableSideState<>();
  private final TableSideState<ThroughputChanges> throughputChanges = new TableSideState<>();

  /** Empty stores that date changes by {@code clock}. */
  public TableAttachments(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock that dates policy revisions and Contributor Insights changes. */
  public Clock clock() {
    return clock;
  }

  /** Resource policies by table, then resource ARN. */
  public TableSideState<ResourcePolicy> policies() {
    return policies;
  }

  /** Contributor Insights by table, then index name ({@code ""} for the table). */
  public TableSideState<ContributorInsights> insights() {
    return insights;
  }

  /**
   * Server-side encryption by table, under {@code ""}; a table without an entry is encrypted
   * with an AWS owned key, which DynamoDB does not describe.
   */
  public TableSideState<Encryption> encryption() {
    return encryption;
  }

  /**
   * On-demand throughput maxima ({@code OnDemandThroughput}) of an on-demand table, under
   * {@code ""}; a table without an entry has none.
   */
  public TableSideState<OnDemandLimits> onDemand() {
    return onDemand;
  }

  /**
   * Kinesis streaming destinations by table, then stream ARN, in the order first enabled; a
   * disabled or failed destination stays listed, as on DynamoDB.
   */
  public TableSideState<KinesisDestination> kinesis() {
    return kinesis;
  }

  /** Vector indexes by table, then index name, in the order created. */
  public TableSideState<VectorIndex> vectors() {
    return vectors;
  }

  /**
   * When UpdateTable last raised and lowered the provisioned throughput of a table (under
   * {@code ""}) and of its global indexes (by index name); one without an entry has never had
   * its throughput changed.
   */
  public TableSideState<ThroughputChanges> throughputChanges() {
    return throughputChanges;
  }

  /**
   * Forgets every policy, Contributor Insights, encryption, on-demand throughput, Kinesis
   * destination setting and throughput change.
   */
  public void reset() {
    policies.reset();
    insights.reset();
    encryption.reset();
    onDemand.reset();
    kinesis.reset();
    vectors.reset();
    throughputChanges.reset();
  }

  /**
   * A resource-based policy as PutResourcePolicy stored it.
   *
   * @param document the policy JSON without insignificant white space
   * @param revisionId the epoch millisecond of the change, as DynamoDB's revision ids are
   */
  public record ResourcePolicy(String document, String revisionId) {}

  /**
   * Contributor Insights on a table or one of its global indexes.
   *
   * @param enabled whether the last action was ENABLE
   * @param mode ACCESSED_AND_THROTTLED_KEYS or THROTTLED_KEYS
   * @param enabledAt epoch millisecond of the last ENABLE, which names the rules
   * @param lastUpdate epoch millisecond of the last change
   * @param indexId the id of the global index they were set on, or null for the table: a
   *     setting whose index was deleted and created again under its name is not the new index's
   */
  public record ContributorInsights(boolean enabled, String mode, long enabledAt,
      long lastUpdate, UUID indexId) {}

  /**
   * A table encrypted with a KMS key (SSEType KMS), as CreateTable, UpdateTable or a restore's
   * {@code SSESpecification} with {@code Enabled: true} asked.
   *
   * @param kmsMasterKeyArn the key's ARN, as {@code SSEDescription} reports it
   */
  public record Encryption(String kmsMasterKeyArn) {}

  /**
   * An on-demand table's {@code OnDemandThroughput} as CreateTable or UpdateTable set it.
   *
   * @param maxReadRequestUnits {@code MaxReadRequestUnits}, or null when not set (or cleared)
   * @param maxWriteRequestUnits {@code MaxWriteRequestUnits}, or null likewise
   */
  public record OnDemandLimits(Long maxReadRequestUnits, Long maxWriteRequestUnits) {}

  /**
   * A Kinesis streaming destination of a table, in its settled status.
   *
   * @param status ACTIVE, DISABLED or ENABLE_FAILED
   * @param precision {@code ApproximateCreationDateTimePrecision} as last set, or null when
   *     never set since the last ENABLE (DynamoDB then uses MILLISECOND but does not show it)
   * @param description {@code DestinationStatusDescription}, or null
   */
  public record KinesisDestination(String status, String precision, String description) {}

  /**
   * When UpdateTable last changed the provisioned throughput of a table or of one of its global
   * indexes, and how many decreases it made on the UTC day of the last one, as the descriptions
   * report them ({@code LastIncreaseDateTime}, {@code LastDecreaseDateTime},
   * {@code NumberOfDecreasesToday}).
   *
   * @param lastIncrease the last update that raised either unit, or null if none did
   * @param lastDecrease the last update that lowered either unit, or null if none did (or the
   *     table went on demand since)
   * @param decreaseDay the UTC day of {@code lastDecrease}, or null with it
   * @param decreasesThatDay the decreases made on {@code decreaseDay}
   * @param indexId the id of the global index they belong to, or null for the table: the dates
   *     of an index deleted and created again under its name are not the new index's
   */
  public record ThroughputChanges(Instant lastIncrease, Instant lastDecrease,
      LocalDate decreaseDay, int decreasesThatDay, UUID indexId) {}
}
