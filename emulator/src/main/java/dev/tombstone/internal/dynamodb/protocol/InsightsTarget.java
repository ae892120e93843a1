package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments.ContributorInsights;
import dev.tombstone.internal.dynamodb.TableSideState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a Contributor Insights request addresses: a table, or one of its global secondary indexes
 * (each with settings of its own), and the CloudWatch rules DynamoDB names for it.
 *
 * @param tableName the table's name
 * @param tableId the table's id, which tells it from an earlier table of that name
 * @param indexName the global index, or {@code ""} for the table
 * @param indexId the global index's id, which tells it from an earlier index of that name; null
 *     for the table
 * @param keySchema the key schema of the table or index, which decides the rules
 */
record InsightsTarget(String tableName, UUID tableId, String indexName, UUID indexId,
    KeySchema keySchema) {
  static final String ALL_KEYS = "ACCESSED_AND_THROTTLED_KEYS";
  static final String THROTTLED_KEYS = "THROTTLED_KEYS";

  /**
   * The table (by name or ARN) and, when {@code indexName} is not null, its global index.
   *
   * @throws DynamoDbError.ResourceNotFound when either does not exist (a local index does not
   *     count, as on DynamoDB)
   */
  static InsightsTarget find(DynamoDbState state, String tableNameOrArn, String indexName) {
    TableDescription table = state.describeTable(tableNameOrArn);
    return of(table, indexName);
  }

  /** The target in {@code table}; see {@link #find}. */
  static InsightsTarget of(TableDescription table, String indexName) {
    TableDefinition definition = table.definition();
    if (indexName == null || indexName.isEmpty()) {
      return new InsightsTarget(definition.name(), table.tableId(), "", null,
          definition.keySchema());
    }
    for (TableDefinition.IndexDefinition index : definition.globalSecondaryIndexes()) {
      if (index.name().equals(indexName)) {
        return new InsightsTarget(definition.name(), table.tableId(), indexName,
            table.indexIds().get(indexName), index.keySchema());
      }
    }
    throw new DynamoDbError.ResourceNotFound("Requested resource not found: Index: " + indexName
        + " not found for table: " + definition.name());
  }

  /**
   * The settings of this table or index: none when never set, or when they were set on an
   * earlier global index of the name (deleted by UpdateTable), so that they die with it.
   */
  Optional<ContributorInsights> settings(TableSideState<ContributorInsights> insights) {
    return own(insights.get(tableName, tableId, indexName).orElse(null));
  }

  /** {@code settings} (stored under this target's name) if they are this target's. */
  Optional<ContributorInsights> own(ContributorInsights settings) {
    return Optional.ofNullable(settings)
        .filter(stored -> Objects.equals(stored.indexId(), indexId));
  }

  /** Stores these settings as this target's, stamped with its index id. */
  void put(TableSideState<ContributorInsights> insights, boolean enabled, String mode,
      long enabledAt, long lastUpdate) {
    insights.put(tableName, tableId, indexName,
        new ContributorInsights(enabled, mode, enabledAt, lastUpdate, indexId));
  }

  /**
   * The rules DynamoDB creates: most accessed (C) and most throttled (T) partition keys (PK),
   * and sort keys (SK) when there is one; only the throttled ones in THROTTLED_KEYS mode.
   */
  List<String> rules(ContributorInsights settings) {
    List<String> kinds = new ArrayList<>();
    boolean accessed = !THROTTLED_KEYS.equals(settings.mode());
    if (accessed) {
      kinds.add("PKC");
    }
    kinds.add("PKT");
    if (!keySchema.sortKeys().isEmpty()) {
      if (accessed) {
        kinds.add("SKC");
      }
      kinds.add("SKT");
    }
    String resource = indexName.isEmpty() ? tableName : tableName + "-" + indexName;
    List<String> rules = new ArrayList<>();
    for (String kind : kinds) {
      rules.add("DynamoDBContributorInsights-" + kind + "-" + resource + "-"
          + settings.enabledAt());
    }
    return rules;
  }

  /**
   * Checks the table member every Contributor Insights operation shares. {@code IndexName} has
   * no model constraint here: see {@link #checkIndexName}.
   */
  static void check(Constraints constraints, String tableName, boolean tableRequired) {
    if (tableName != null || tableRequired) {
      constraints.tableNameOrArn("tableName", tableName);
    }
  }

  /**
   * DescribeContributorInsights and UpdateContributorInsights check the index name's length
   * themselves, after the model's constraints, with their own text (ack-api-quirks catalogue,
   * DDB-TABLE-457, AWS 2026); a name of another pattern is simply not found.
   */
  static void checkIndexName(String indexName) {
    if (indexName != null && (indexName.length() < 3 || indexName.length() > 255)) {
      throw new DynamoDbError.Validation(
          "IndexName must be at least 3 characters long and at most 255 characters long");
    }
  }
}
