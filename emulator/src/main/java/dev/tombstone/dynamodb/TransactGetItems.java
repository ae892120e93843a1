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
    // As in TransactWriteItems: every table and well-typed key first, then a key that does not
    // fit its table's schema cancels the transaction.
    List<Target> targets = new ArrayList<>();
    int mismatched = -1;
    for (int i = 0; i < request.gets().size(); i++) {
      Get get = request.gets().get(i);
      Table table = state.activeTable(get.tableName());
      if (table.keySchema().fits(get.key())) {
        targets.add(new Target(table, table.keySchema().keyOf(get.key())));
      } else {
        targets.add(null);
        mismatched = mismatched < 0 ? i : mismatched;
      }
    }
    Set<Target> distinct = new HashSet<>();
    for (Target target : targets) {
      if (target != null && !distinct.add(target)) {
        throw new DynamoDbError.Validation(
            "Transaction request cannot include multiple operations on one item");
      }
    }
    if (mismatched >= 0) {
      throw validationErrorAt(mismatched, request.gets().size());
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

  /**
   * AWS cancels a TransactGetItems whose Key does not fit the table's schema ({@code Key: {}},
   * transactGetItems.test.ts of the AWS-run conformance suite): a {@code ValidationError}
   * reason at that read, {@code None} at every other. The suite does not pin the reason's text;
   * it is the one GetItem gives.
   */
  private static DynamoDbError.TransactionCanceled validationErrorAt(int index, int size) {
    List<DynamoDbError.CancellationReason> reasons = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      reasons.add(i == index
          ? new DynamoDbError.CancellationReason("ValidationError",
              Optional.of(DynamoDbError.Validation.keyMismatch().getMessage()), Optional.empty())
          : DynamoDbError.CancellationReason.NONE);
    }
    return new DynamoDbError.TransactionCanceled(reasons);
  }
}
