package dev.tombstone.dynamodb;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** GetItem: reads one item by key. */
public final class GetItem {
  private GetItem() {}

  /** @param projection keeps the requested attributes; null returns the whole item */
  public record Request(
      String tableName,
      Map<String, AttributeValue> key,
      UnaryOperator<Item> projection,
      boolean consistentRead) {
    public Request {
      key = Map.copyOf(key);
    }

    public static Request of(String tableName, Map<String, AttributeValue> key) {
      return new Request(tableName, key, null, false);
    }
  }

  public record Result(Optional<Item> item, ConsumedCapacity consumedCapacity) {}

  static Result execute(Table table, Request request) {
    PrimaryKey key = table.keySchema().keyOf(request.key());
    Item item = table.items().get(key);
    double units = Capacity.readUnits(item == null ? 0 : item.sizeInBytes(),
        request.consistentRead());
    Item returned =
        item == null || request.projection() == null ? item : request.projection().apply(item);
    return new Result(
        Optional.ofNullable(returned), ConsumedCapacity.ofTable(table.name(), units));
  }
}
