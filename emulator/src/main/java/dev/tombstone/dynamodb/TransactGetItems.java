package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * TransactGetItems: up to 100 items read as one snapshot (no write lands between the reads).
 *
 * <pre>{@code
 * TransactGetItems.Result r = dynamo.transactGetItems(TransactGetItems.Request.of(List.of(
 *     TransactGetItems.Get.of("orders", key1), TransactGetItems.Get.of("users", key2))));
 * }</pre>
 */
public final class TransactGetItems {
  static final int MAX_ACTIONS = 100;

  private TransactGetItems() {}

  /** @param projection keeps the requested attributes; null returns the whole item */
  public record Get(String tableName, Map<String, AttributeValue> key,
      UnaryOperator<Item> projection) {
    public Get {
      Objects.requireNonNull(tableName, "tableName");
      key = Map.copyOf(key);
    }

    public static Get of(String tableName, Map<String, AttributeValue> key) {
      return new Get(tableName, key, null);
    }

    /** The same read returning what {@code projection} keeps. */
    public Get withProjection(UnaryOperator<Item> projection) {
      return new Get(tableName, key, projection);
    }
  }

  /** The reads, in request order, on distinct items. */
  public record Request(List<Get> gets) {
    public Request {
      gets = List.copyOf(gets);
    }

    public static Request of(List<Get> gets) {
      return new Request(gets);
    }
  }

  /**
   * @param items in request order; empty where no item exists
   * @param consumedCapacity per table, transactional reads counting twice
   */
  public record Result(List<Optional<Item>> items, List<ConsumedCapacity> consumedCapacity) {}

  private record Target(Table table, PrimaryKey key) {}

  static Result execute(DynamoDbState state, Request request) {
    List<Target> targets = new ArrayList<>();
    for (Get get : request.gets()) {
      Table table = state.activeTable(get.tableName());
      targets.add(new Target(table, table.keySchema().keyOf(get.key())));
    }
    Set<Target> distinct = new HashSet<>();
    for (Target target : targets) {
      if (!distinct.add(target)) {
        throw new DynamoDbError.Validation(
            "Transaction request cannot include multiple operations on one item");
      }
    }
    List<Optional<Item>> items = new ArrayList<>();
    Map<String, Double> units = new LinkedHashMap<>();
    // ConsumedCapacity names a table as the first element addressing it did: name or ARN.
    Map<String, String> namedAs = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      Item item = target.table().get(target.key());
      UnaryOperator<Item> projection = request.gets().get(i).projection();
      items.add(Optional.ofNullable(
          item == null || projection == null ? item : projection.apply(item)));
      units.merge(target.table().name(),
          2 * Capacity.readUnits(item == null ? 0 : item.sizeInBytes(), true), Double::sum);
      namedAs.putIfAbsent(target.table().name(), request.gets().get(i).tableName());
    }
    List<ConsumedCapacity> capacity = new ArrayList<>();
    units.forEach((table, u) -> capacity.add(ConsumedCapacity.ofTable(namedAs.get(table), u)));
    return new Result(items, capacity);
  }
}
