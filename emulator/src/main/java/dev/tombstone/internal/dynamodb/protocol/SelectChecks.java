package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.List;

/**
 * The checks of {@code Select} against the members that choose attributes, which Query and Scan
 * share. The texts are the same; Query's carry a {@value #QUERY_PREFIX} prefix, Scan's none.
 */
final class SelectChecks {
  static final String[] SELECT = {"SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
      "ALL_PROJECTED_ATTRIBUTES"};
  /** How DynamoDB starts Query's Select refusals (and not Scan's). */
  static final String QUERY_PREFIX = "1 validation error detected: ";

  private SelectChecks() {}

  /** The member that chooses attributes, as DynamoDB names it, or null when there is none. */
  static String projected(String projectionExpression, List<String> attributesToGet) {
    return projectionExpression != null ? "ProjectionExpression"
        : attributesToGet != null ? "AttributesToGet" : null;
  }

  /**
   * Refuses SPECIFIC_ATTRIBUTES without a projection, a projection with a Select that returns
   * fixed attributes or none, and ALL_PROJECTED_ATTRIBUTES without an index.
   *
   * @param projected {@link #projected}'s answer
   * @param prefix {@link #QUERY_PREFIX} for Query, empty for Scan
   */
  static void check(String select, String projected, String indexName, String prefix) {
    if ("SPECIFIC_ATTRIBUTES".equals(select) && projected == null) {
      throw new DynamoDbError.Validation(prefix + "Must specify the AttributesToGet or"
          + " ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
    }
    if ("ALL_ATTRIBUTES".equals(select) && projected != null) {
      throw new DynamoDbError.Validation(
          prefix + "Cannot specify the " + projected + " when choosing to get ALL_ATTRIBUTES");
    }
    if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && projected != null) {
      throw new DynamoDbError.Validation(prefix + "Cannot specify the " + projected
          + " when choosing to get ALL_PROJECTED_ATTRIBUTES");
    }
    if ("COUNT".equals(select) && projected != null) {
      throw new DynamoDbError.Validation(
          prefix + "Cannot specify the " + projected + " when choosing to get only the Count");
    }
    if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && indexName == null) {
      throw new DynamoDbError.Validation(prefix
          + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
  }
}
