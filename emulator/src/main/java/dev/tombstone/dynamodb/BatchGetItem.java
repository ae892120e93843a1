package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * BatchGetItem: up to 100 items by key across tables. Keys whose items would take the answer
 * past 16 MB come back unprocessed, as DynamoDB does; otherwise every key is processed.
 *
 * <pre>{@code
 * BatchGetItem.Result r = dynamo.batchGetItem(BatchGetItem.Request.of(
 *     Map.of("orders", BatchGetItem.TableKeys.of(List.of(key1, key2)))));
 * }</pre>
 */
public final class BatchGetItem {
  static final int MAX_KEYS = 100;
  static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;

  private BatchGetItem() {}

  /**
   * The keys to read from one table and how.
   *
   * @param projection keeps the requested attributes; null returns whole items
   */
  public record TableKeys(List<Map<String, AttributeValue>> keys, UnaryOperator<Item> projection,
      boolean consistentRead) {
    public TableKeys {
      keys = List.copyOf(keys);
    }

    /** Eventually consistent reads of whole items. */
    public static TableKeys of(List<Map<String, AttributeValue>> keys) {
      return new TableKeys(keys, null, false);
    }

    /** The same reads returning what {@code projection} keeps of each item. */
    public TableKeys withProjection(UnaryOperator<Item> projection) {
      return new TableKeys(keys, projection, consistentRead);
    }

    /** The same reads, strongly consistent. */
    public TableKeys stronglyConsistent() {
      return new TableKeys(keys, projection, true);
    }
  }

  /** @param requestItems table name (or ARN) to its keys, in request order */
  public record Request(Map<String, TableKeys> requestItems) {
    public Request {
      requestItems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requestItems));
    }

    public static Request of(Map<String, TableKeys> requestItems) {
      return new Request(requestItems);
    }
  }

  /**
   * @param responses per table as named in the request, the items found (in key order)
   * @param unprocessedKeys per table, the keys not read because of the 16 MB answer limit
   * @param consumedCapacity per table
   */
  public record Result(Map<String, List<Item>> responses,
      Map<String, List<Map<String, AttributeValue>>> unprocessedKeys,
      List<ConsumedCapacity> consumedCapacity) {}

  static Result execute(DynamoDbState state, Request request) {
    int total = 0;
    for (TableKeys keys : request.requestItems().values()) {
      total += keys.keys().size();
    }
    if (total > MAX_KEYS) {
      throw new DynamoDbError.Validation("Too many items requested for the BatchGetItem call");
    }
    // Keys equal as sent are duplicates before any table is looked up (dynalite
    // test/batchGetItem.js, 'should return ValidationException for duplicated keys', on a
    // missing table); keys equal only through the schema are found below.
    for (TableKeys asked : request.requestItems().values()) {
      if (new HashSet<>(asked.keys()).size() < asked.keys().size()) {
        throw new DynamoDbError.Validation("Provided list of item keys contains duplicates");
      }
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, List<PrimaryKey>> keys = new LinkedHashMap<>();
    for (Map.Entry<String, TableKeys> e : request.requestItems().entrySet()) {
      Table table = state.activeTable(e.getKey());
      List<PrimaryKey> tableKeys = new ArrayList<>();
      Set<PrimaryKey> seen = new HashSet<>();
      for (Map<String, AttributeValue> key : e.getValue().keys()) {
        PrimaryKey k = table.keySchema().keyOfSingleItem(key);
        if (!seen.add(k)) {
          throw new DynamoDbError.Validation("Provided list of item keys contains duplicates");
        }
        tableKeys.add(k);
      }
      tables.put(e.getKey(), table);
      keys.put(e.getKey(), tableKeys);
    }
    Map<String, List<Item>> responses = new LinkedHashMap<>();
    Map<String, List<Map<String, AttributeValue>>> unprocessed = new LinkedHashMap<>();
    List<ConsumedCapacity> capacity = new ArrayList<>();
    long answer = 0;
    for (Map.Entry<String, TableKeys> e : request.requestItems().entrySet()) {
      Table table = tables.get(e.getKey());
      TableKeys asked = e.getValue();
      List<Item> found = new ArrayList<>();
      double units = 0;
      List<PrimaryKey> tableKeys = keys.get(e.getKey());
      for (int i = 0; i < tableKeys.size(); i++) {
        Item item = table.get(tableKeys.get(i));
        Item returned = item == null || asked.projection() == null
            ? item : asked.projection().apply(item);
        if (returned != null && answer + returned.sizeInBytes() > MAX_ANSWER_BYTES) {
          unprocessed.computeIfAbsent(e.getKey(), t -> new ArrayList<>())
              .add(asked.keys().get(i));
          continue;
        }
        units += Capacity.readUnits(item == null ? 0 : item.sizeInBytes(),
            asked.consistentRead());
        if (returned != null) {
          answer += returned.sizeInBytes();
          found.add(returned);
        }
      }
      responses.put(e.getKey(), List.copyOf(found));
      capacity.add(ConsumedCapacity.ofTable(e.getKey(), units));
    }
    return new Result(responses, unprocessed, List.copyOf(capacity));
  }
}
