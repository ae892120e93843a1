package dev.tombstone.dynamodb;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** GetItem: reads one item by key. */
public final class GetItem {
  private GetItem() {}

  /**
   * A GetItem request; build it from {@link #of}:
   *
   * <pre>{@code
   * GetItem.Request.of("orders", key).stronglyConsistent();
   * }</pre>
   *
   * @param projection keeps the requested attributes; null returns the whole item
   * @param consistentRead {@code ConsistentRead}: only changes the capacity consumed
   */
  public record Request(
      String tableName,
      Map<String, AttributeValue> key,
      UnaryOperator<Item> projection,
      boolean consistentRead) {
    public Request {
      key = Map.copyOf(key);
    }

    /** An eventually consistent read of the whole item. */
    public static Request of(String tableName, Map<String, AttributeValue> key) {
      return new Request(tableName, key, null, false);
    }

    /** The same request returning only what {@code projection} keeps; null for everything. */
    public Request withProjection(UnaryOperator<Item> projection) {
      return new Request(tableName, key, projection, consistentRead);
    }

    /** The same request as a strongly consistent read. */
    public Request stronglyConsistent() {
      return new Request(tableName, key, projection, true);
    }
  }

  /** The item if there is one (projected), and the capacity the read consumed. */
  public record Result(Optional<Item> item, ConsumedCapacity consumedCapacity) {}

  static Result execute(Table table, Request request) {
    PrimaryKey key = table.keySchema().keyOf(request.key());
    Item item = table.get(key);
    double units = Capacity.readUnits(item == null ? 0 : item.sizeInBytes(),
        request.consistentRead());
    Item returned =
        item == null || request.projection() == null ? item : request.projection().apply(item);
    return new Result(
        Optional.ofNullable(returned), ConsumedCapacity.ofTable(request.tableName(), units));
  }
}
