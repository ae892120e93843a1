package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A snapshot of a table as DescribeTable reports it.
 *
 * @param itemCount the items in the table when the snapshot was taken
 * @param sizeInBytes the sum of their DynamoDB item sizes
 * @param indexStatistics per secondary index name, what the index held at the same moment
 * @param lastUpdateToPayPerRequest when the table last became PAY_PER_REQUEST (at creation or
 *     by UpdateTable); empty for a table that never was
 * @param latestStreamArn the ARN of the table's newest DynamoDB stream, enabled or not; empty
 *     for a table that never had one
 * @param restoreSummary where the table was restored from; empty for a table CreateTable made
 * @param indexIds per secondary index name, the index's id, which (as {@code tableId} tells a
 *     table from an earlier one of its name) tells a global index from an earlier one that
 *     UpdateTable deleted under the same name
 * @param tableClassUpdatedAt when UpdateTable last changed the table class; empty for a table
 *     whose class is the one it was created with
 */
public record TableDescription(
    TableDefinition definition,
    Status status,
    Instant createdAt,
    String arn,
    UUID tableId,
    long itemCount,
    long sizeInBytes,
    Map<String, IndexStatistics> indexStatistics,
    Optional<Instant> lastUpdateToPayPerRequest,
    Optional<String> latestStreamArn,
    Optional<RestoreSummary> restoreSummary,
    Map<String, UUID> indexIds,
    Optional<Instant> tableClassUpdatedAt) {

  public TableDescription {
    indexStatistics = Map.copyOf(indexStatistics);
    Objects.requireNonNull(lastUpdateToPayPerRequest, "lastUpdateToPayPerRequest");
    Objects.requireNonNull(latestStreamArn, "latestStreamArn");
    Objects.requireNonNull(restoreSummary, "restoreSummary");
    indexIds = Map.copyOf(indexIds);
    Objects.requireNonNull(tableClassUpdatedAt, "tableClassUpdatedAt");
  }

  /** A description of a table whose class UpdateTable never changed. */
  public TableDescription(TableDefinition definition, Status status, Instant createdAt,
      String arn, UUID tableId, long itemCount, long sizeInBytes,
      Map<String, IndexStatistics> indexStatistics, Optional<Instant> lastUpdateToPayPerRequest,
      Optional<String> latestStreamArn, Optional<RestoreSummary> restoreSummary,
      Map<String, UUID> indexIds) {
    this(definition, status, createdAt, arn, tableId, itemCount, sizeInBytes, indexStatistics,
        lastUpdateToPayPerRequest, latestStreamArn, restoreSummary, indexIds, Optional.empty());
  }

  /** A description of a table CreateTable made, not a restore, without index ids. */
  public TableDescription(TableDefinition definition, Status status, Instant createdAt,
      String arn, UUID tableId, long itemCount, long sizeInBytes,
      Map<String, IndexStatistics> indexStatistics, Optional<Instant> lastUpdateToPayPerRequest,
      Optional<String> latestStreamArn) {
    this(definition, status, createdAt, arn, tableId, itemCount, sizeInBytes, indexStatistics,
        lastUpdateToPayPerRequest, latestStreamArn, Optional.empty(), Map.of());
  }

  /** A description of a table that never had a stream. */
  public TableDescription(TableDefinition definition, Status status, Instant createdAt,
      String arn, UUID tableId, long itemCount, long sizeInBytes,
      Map<String, IndexStatistics> indexStatistics, Optional<Instant> lastUpdateToPayPerRequest) {
    this(definition, status, createdAt, arn, tableId, itemCount, sizeInBytes, indexStatistics,
        lastUpdateToPayPerRequest, Optional.empty());
  }

  /** The label of the newest stream: the part of its ARN after {@code /stream/}. */
  public Optional<String> latestStreamLabel() {
    return latestStreamArn.map(streamArn -> streamArn.substring(
        streamArn.lastIndexOf("/stream/") + "/stream/".length()));
  }

  /**
   * A description whose table became PAY_PER_REQUEST when it was created, if it is so billed
   * now; what a table never switched by UpdateTable reports.
   */
  public TableDescription(TableDefinition definition, Status status, Instant createdAt,
      String arn, UUID tableId, long itemCount, long sizeInBytes,
      Map<String, IndexStatistics> indexStatistics) {
    this(definition, status, createdAt, arn, tableId, itemCount, sizeInBytes, indexStatistics,
        definition.billingMode() == TableDefinition.BillingMode.PAY_PER_REQUEST
            ? Optional.of(createdAt) : Optional.empty());
  }

  /** A description without index figures: every index reports zero items. */
  public TableDescription(TableDefinition definition, Status status, Instant createdAt,
      String arn, UUID tableId, long itemCount, long sizeInBytes) {
    this(definition, status, createdAt, arn, tableId, itemCount, sizeInBytes, Map.of());
  }

  /** The figures of the secondary index {@code name}; zero when it has none recorded. */
  public IndexStatistics index(String name) {
    return indexStatistics.getOrDefault(name, IndexStatistics.EMPTY);
  }

  /** The lifecycle states a client can observe. Tables are ACTIVE as soon as they exist. */
  public enum Status {
    ACTIVE,
    DELETING
  }

  /**
   * What one secondary index holds, as DescribeTable's {@code ItemCount} and {@code
   * IndexSizeBytes} report it.
   *
   * @param itemCount the table items the index holds (those carrying its key attributes)
   * @param sizeInBytes the sum of the DynamoDB item sizes of those items as projected into the
   *     index
   */
  public record IndexStatistics(long itemCount, long sizeInBytes) {
    /** No items. */
    public static final IndexStatistics EMPTY = new IndexStatistics(0, 0);
  }
}
