package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.List;

/**
 * The checks of {@code Select} against the members that choose attributes, which Query and Scan
 * share; each checks {@code SPECIFIC_ATTRIBUTES} without a projection in its own words.
 */
final class SelectChecks {
  static final String[] SELECT = {"SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
      "ALL_PROJECTED_ATTRIBUTES"};

  private SelectChecks() {}

  /** The member that chooses attributes, as DynamoDB names it, or null when there is none. */
  static String projected(String projectionExpression, List<String> attributesToGet) {
    return projectionExpression != null ? "ProjectionExpression"
        : attributesToGet != null ? "AttributesToGet" : null;
  }

  /**
   * Refuses a projection with a Select that returns fixed attributes or none, and
   * ALL_PROJECTED_ATTRIBUTES without an index.
   *
   * @param projected {@link #projected}'s answer
   */
  static void check(String select, String projected, String indexName) {
    if ("ALL_ATTRIBUTES".equals(select) && projected != null) {
      throw new DynamoDbError.Validation(
          "Cannot specify the " + projected + " when choosing to get ALL_ATTRIBUTES");
    }
    if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && projected != null) {
      throw new DynamoDbError.Validation(
          "Cannot specify the " + projected + " when choosing to get ALL_PROJECTED_ATTRIBUTES");
    }
    if ("COUNT".equals(select) && projected != null) {
      throw new DynamoDbError.Validation(
          "Cannot specify the " + projected + " when choosing to get only the Count");
    }
    if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && indexName == null) {
      throw new DynamoDbError.Validation(
          "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
  }
}
