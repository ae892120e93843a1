package dev.tombstone.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Scan: pages through a table in a stable key order. */
public final class Scan {
  private Scan() {}

  /**
   * @param limit the most items to evaluate, or null for no limit (the 1 MB page cap applies)
   * @param exclusiveStartKey the previous page's LastEvaluatedKey, or null
   * @param filter applied after reading; null keeps every item
   * @param projection keeps requested attributes; null keeps whole items
   * @param countOnly Select COUNT: count items, return none
   * @param segment the part of a parallel scan to read, in 0..totalSegments-1
   * @param totalSegments how many parts a parallel scan has; 1 for a plain scan
   * @param indexName the secondary index to read, or null for the table
   * @param select null for DynamoDB's default (the table's or the index's attributes); {@link
   *     Query.Select#ALL_ATTRIBUTES} on a local index reads the table for what it does not project
   */
  public record Request(
      String tableName,
      Integer limit,
      Map<String, AttributeValue> exclusiveStartKey,
      ItemCondition filter,
      UnaryOperator<Item> projection,
      boolean consistentRead,
      boolean countOnly,
      int segment,
      int totalSegments,
      String indexName,
      Query.Select select) {

    public Request {
      if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
        throw new IllegalArgumentException(
            "segment must be in 0.." + (totalSegments - 1) + ", was " + segment);
      }
    }

    /** A request with DynamoDB's default {@code Select}, as built before {@code select} was. */
    public Request(String tableName, Integer limit, Map<String, AttributeValue> exclusiveStartKey,
        ItemCondition filter, UnaryOperator<Item> projection, boolean consistentRead,
        boolean countOnly, int segment, int totalSegments, String indexName) {
      this(tableName, limit, exclusiveStartKey, filter, projection, consistentRead, countOnly,
          segment, totalSegments, indexName, null);
    }

    /** A plain scan of the whole table, page by page. */
    public static Request of(String tableName) {
      return new Request(tableName, null, null, null, null, false, false, 0, 1, null, null);
    }

    /** The same request evaluating at most {@code limit} items; null for no limit. */
    public Request withLimit(Integer limit) {
      return new Request(tableName, limit, exclusiveStartKey, filter, projection,
          consistentRead, countOnly, segment, totalSegments, indexName, select);
    }

    /** The same request starting after {@code key} (a LastEvaluatedKey); null from the start. */
    public Request startingAfter(Map<String, AttributeValue> key) {
      return new Request(tableName, limit, key, filter, projection, consistentRead, countOnly,
          segment, totalSegments, indexName, select);
    }

    /** The same request keeping only items {@code filter} matches; null keeps every item. */
    public Request withFilter(ItemCondition filter) {
      return new Request(tableName, limit, exclusiveStartKey, filter, projection,
          consistentRead, countOnly, segment, totalSegments, indexName, select);
    }

    /** The same request returning what {@code projection} keeps of each item; null for all. */
    public Request withProjection(UnaryOperator<Item> projection) {
      return new Request(tableName, limit, exclusiveStartKey, filter, projection,
          consistentRead, countOnly, segment, totalSegments, indexName, select);
    }

    /** The same request as a strongly consistent read. */
    public Request stronglyConsistent() {
      return new Request(tableName, limit, exclusiveStartKey, filter, projection, true,
          countOnly, segment, totalSegments, indexName, select);
    }

    /** The same request counting items without returning them ({@code Select COUNT}). */
    public Request countingOnly() {
      return new Request(tableName, limit, exclusiveStartKey, filter, projection,
          consistentRead, true, segment, totalSegments, indexName, select);
    }

    /** The same request reading the secondary index {@code indexName}; null for the table. */
    public Request onIndex(String indexName) {
      return new Request(tableName, limit, exclusiveStartKey, filter, projection,
          consistentRead, countOnly, segment, totalSegments, indexName, select);
    }

    /**
     * The same request with {@code Select}; {@link Query.Select#COUNT} also counts only (as
     * {@link #countingOnly}).
     */
    public Request withSelect(Query.Select select) {
      return new Request(tableName, limit, exclusiveStartKey, filter, projection,
          consistentRead, countOnly || select == Query.Select.COUNT, segment, totalSegments,
          indexName, select);
    }

    /** The same request reading one {@code segment} of a parallel scan. */
    public Request segment(int segment, int totalSegments) {
      return new Request(tableName, limit, exclusiveStartKey, filter, projection,
          consistentRead, countOnly, segment, totalSegments, indexName, select);
    }
  }

  /**
   * @param count items after the filter
   * @param scannedCount items evaluated before the filter
   * @param lastEvaluatedKey where the next page starts, when the page was cut short
   */
  public record Result(
      List<Item> items,
      int count,
      int scannedCount,
      Optional<Item> lastEvaluatedKey,
      ConsumedCapacity consumedCapacity) {}

  /** Whether items of the partition {@code partition} are in the request's segment. */
  static boolean inSegment(Request request, Object partition) {
    return request.totalSegments() <= 1
        || Math.floorMod(partition.hashCode(), request.totalSegments()) == request.segment();
  }

  /** DynamoDB refuses an ExclusiveStartKey from another segment of a parallel scan. */
  static void checkSegment(Request request, Object startPartition) {
    if (!inSegment(request, startPartition)) {
      throw DynamoDbError.Validation.invalidStartKey("Invalid ExclusiveStartKey. Please use"
          + " ExclusiveStartKey with correct Segment. TotalSegments: " + request.totalSegments()
          + " Segment: " + request.segment());
    }
  }

  static Result execute(Table table, Request request) {
    if (request.indexName() != null) {
      return IndexScan.execute(table, request);
    }
    Selects.resolve(null, request.select());
    KeySchema schema = table.keySchema();
    PrimaryKey start = null;
    if (request.exclusiveStartKey() != null) {
      try {
        start = schema.keyOf(request.exclusiveStartKey());
      } catch (DynamoDbError.Validation e) {
        throw DynamoDbError.Validation.invalidStartKey(e.getMessage());
      }
    }
    if (start != null) {
      checkSegment(request, start.partition());
    }
    List<PrimaryKey> keys = table.sortedKeys();
    if (request.totalSegments() > 1) {
      keys.removeIf(k -> !inSegment(request, k.partition()));
    }
    int from = 0;
    if (start != null) {
      from = java.util.Collections.binarySearch(keys, start);
      from = from >= 0 ? from + 1 : -from - 1;
    }
    ReadPage page = new ReadPage(request.limit());
    for (int i = from; i < keys.size() && !page.full(); i++) {
      Item item = table.get(keys.get(i));
      if (item == null) {
        continue; // deleted since the snapshot of keys
      }
      page.read(item, item);
      if (request.filter() == null || request.filter().matches(item)) {
        if (request.countOnly()) {
          page.counted();
        } else {
          page.returned(request.projection() == null ? item : request.projection().apply(item));
        }
      }
    }
    Item last = page.cutAfter();
    Optional<Item> lastKey =
        last != null ? Optional.of(schema.keyAttributesOf(last)) : Optional.empty();
    return new Result(page.items(), page.count(), page.scanned(), lastKey,
        ConsumedCapacity.ofTable(request.tableName(), page.units(request.consistentRead())));
  }
}
