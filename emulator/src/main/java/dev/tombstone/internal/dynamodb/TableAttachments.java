package dev.tombstone.internal.dynamodb;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * What the DynamoDB dialects keep beside the tables: resource-based policies (by resource ARN:
 * the table's, or its stream's) and Contributor Insights settings (by index name, {@code ""} for
 * the table, each stamped with its index's id). Stored, never enforced. Internal.
 */
public final class TableAttachments {
  private final Clock clock;
  private final TableSideState<ResourcePolicy> policies = new TableSideState<>();
  private final TableSideState<ContributorInsights> insights = new TableSideState<>();

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

  /** Forgets every policy and every Contributor Insights setting. */
  public void reset() {
    policies.reset();
    insights.reset();
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
}
