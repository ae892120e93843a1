package dev.tombstone.dynamodb;

import java.util.Map;
import java.util.Optional;

/** DeleteItem: removes one item, optionally only if a condition holds. Idempotent. */
public final class DeleteItem {
  private DeleteItem() {}

  /**
   * @param key the request's {@code Key}, checked against the table's schema
   * @param condition checked against the current item (or {@link Item#EMPTY}); null for none
   * @param returnOldItem ReturnValues ALL_OLD
   * @param returnItemOnConditionFailure ReturnValuesOnConditionCheckFailure ALL_OLD
   */
  public record Request(
      String tableName,
      Map<String, AttributeValue> key,
      ItemCondition condition,
      boolean returnOldItem,
      boolean returnItemOnConditionFailure) {
    public Request {
      key = Map.copyOf(key);
    }

    /** An unconditional delete returning nothing. */
    public static Request of(String tableName, Map<String, AttributeValue> key) {
      return new Request(tableName, key, null, false, false);
    }
  }

  /**
   * @param oldItem the deleted item when ALL_OLD was asked and an item existed
   */
  public record Result(Optional<Item> oldItem, ConsumedCapacity consumedCapacity) {}

  static Result execute(Table table, Request request) {
    PrimaryKey key = table.keySchema().keyOf(request.key());
    Item[] removed = new Item[1];
    table
        .items()
        .compute(
            key,
            (k, current) -> {
              ItemCondition condition = request.condition();
              if (condition != null && !condition.matches(current == null ? Item.EMPTY : current)) {
                throw new DynamoDbError.ConditionalCheckFailed(
                    request.returnItemOnConditionFailure() ? current : null);
              }
              removed[0] = current;
              return null;
            });
    Item old = removed[0];
    return new Result(
        request.returnOldItem() ? Optional.ofNullable(old) : Optional.empty(),
        Capacity.write(table, old, null));
  }
}
