package dev.tombstone.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Query: the items of one partition of a table or a secondary index, in sort key order.
 *
 * <pre>{@code
 * Query.Result page = dynamo.query(Query.Request.of("orders",
 *         KeyCondition.partitionKey("UserId", AttributeValue.s("u1"))
 *             .and("OrderDate", KeyCondition.Operator.GE, AttributeValue.s("2024-01-01")))
 *     .backwards()
 *     .withLimit(10));
 * }</pre>
 *
 * <p>Only the partition asked for is read, however many items other partitions hold.
 */
public final class Query {
  private Query() {}

  /** What a Query returns of each item ({@code Select}). */
  public enum Select {
    ALL_ATTRIBUTES,
    ALL_PROJECTED_ATTRIBUTES,
    SPECIFIC_ATTRIBUTES,
    COUNT
  }

  /**
   * A Query request; build it from {@link #of} and the {@code with...} methods.
   *
   * @param indexName the secondary index to read, or null for the table
   * @param filter applied after the key condition; null keeps every item
   * @param queryFilter whether {@code filter} came from the legacy {@code QueryFilter}
   * @param projection what is returned of each item; null for the whole (projected) item
   * @param select null for DynamoDB's default (the table's or the index's attributes)
   * @param scanForward ascending sort key order when true
   * @param limit the most items to evaluate, or null (the 1 MB page cap applies)
   * @param exclusiveStartKey the previous page's LastEvaluatedKey, or null
   */
  public record Request(
      String tableName,
      String indexName,
      KeyCondition keyCondition,
      ItemCondition filter,
      boolean queryFilter,
      UnaryOperator<Item> projection,
      Select select,
      boolean scanForward,
      Integer limit,
      Map<String, AttributeValue> exclusiveStartKey,
      boolean consistentRead) {

    public Request {
      Objects.requireNonNull(tableName, "tableName");
      Objects.requireNonNull(keyCondition, "keyCondition");
    }

    /** A query of the table, ascending, returning whole items. */
    public static Request of(String tableName, KeyCondition keyCondition) {
      return new Request(tableName, null, keyCondition, null, false, null, null, true, null,
          null, false);
    }

    /** The same request reading the secondary index {@code indexName}. */
    public Request onIndex(String indexName) {
      return new Request(tableName, indexName, keyCondition, filter, queryFilter, projection,
          select, scanForward, limit, exclusiveStartKey, consistentRead);
    }

    /** The same request keeping the items {@code filter} matches (a FilterExpression). */
    public Request withFilter(ItemCondition filter) {
      return new Request(tableName, indexName, keyCondition, filter, false, projection, select,
          scanForward, limit, exclusiveStartKey, consistentRead);
    }

    /** The same request filtered by the legacy {@code QueryFilter}. */
    public Request withQueryFilter(ItemCondition filter) {
      return new Request(tableName, indexName, keyCondition, filter, true, projection, select,
          scanForward, limit, exclusiveStartKey, consistentRead);
    }

    /** The same request returning what {@code projection} keeps of each item. */
    public Request withProjection(UnaryOperator<Item> projection) {
      return new Request(tableName, indexName, keyCondition, filter, queryFilter, projection,
          select, scanForward, limit, exclusiveStartKey, consistentRead);
    }

    /** The same request with {@code Select}. */
    public Request withSelect(Select select) {
      return new Request(tableName, indexName, keyCondition, filter, queryFilter, projection,
          select, scanForward, limit, exclusiveStartKey, consistentRead);
    }

    /** The same request in descending sort key order ({@code ScanIndexForward false}). */
    public Request backwards() {
      return new Request(tableName, indexName, keyCondition, filter, queryFilter, projection,
          select, false, limit, exclusiveStartKey, consistentRead);
    }

    /** The same request evaluating at most {@code limit} items; null for no limit. */
    public Request withLimit(Integer limit) {
      return new Request(tableName, indexName, keyCondition, filter, queryFilter, projection,
          select, scanForward, limit, exclusiveStartKey, consistentRead);
    }

    /** The same request starting after {@code key} (a LastEvaluatedKey); null from the start. */
    public Request startingAfter(Map<String, AttributeValue> key) {
      return new Request(tableName, indexName, keyCondition, filter, queryFilter, projection,
          select, scanForward, limit, key, consistentRead);
    }

    /** The same request as a strongly consistent read. */
    public Request stronglyConsistent() {
      return new Request(tableName, indexName, keyCondition, filter, queryFilter, projection,
          select, scanForward, limit, exclusiveStartKey, true);
    }
  }

  /**
   * @param items empty with {@link Select#COUNT}
   * @param count items after the filter
   * @param scannedCount items that met the key condition, before the filter
   * @param lastEvaluatedKey where the next page starts, when the page was cut short
   */
  public record Result(
      List<Item> items,
      int count,
      int scannedCount,
      Optional<Item> lastEvaluatedKey,
      ConsumedCapacity consumedCapacity) {}

  static Result execute(Table table, Request request) {
    return new QueryRun(table, request).run();
  }
}
