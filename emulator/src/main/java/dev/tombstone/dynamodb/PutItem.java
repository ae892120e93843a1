package dev.tombstone.dynamodb;

import java.util.Optional;

/** PutItem: writes a whole item, replacing any item with the same key. */
public final class PutItem {
  private PutItem() {}

  /**
   * @param condition checked against the current item (or {@link Item#EMPTY}); null for none
   * @param returnOldItem ReturnValues ALL_OLD
   * @param returnItemOnConditionFailure ReturnValuesOnConditionCheckFailure ALL_OLD
   */
  public record Request(
      String tableName,
      Item item,
      ItemCondition condition,
      boolean returnOldItem,
      boolean returnItemOnConditionFailure) {

    /** An unconditional put returning nothing. */
    public static Request of(String tableName, Item item) {
      return new Request(tableName, item, null, false, false);
    }
  }

  /** @param oldItem the replaced item when ALL_OLD was asked and an item existed */
  public record Result(Optional<Item> oldItem, ConsumedCapacity consumedCapacity) {}

  static Result execute(Table table, Request request) {
    Item item = request.item();
    PrimaryKey key = table.keySchema().keyOfItem(item);
    checkSize(item);
    Item[] replaced = new Item[1];
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
              replaced[0] = current;
              return item;
            });
    Item old = replaced[0];
    return new Result(
        request.returnOldItem() ? Optional.ofNullable(old) : Optional.empty(),
        Capacity.write(table, old, item));
  }

  static void checkSize(Item item) {
    if (item.sizeInBytes() > ItemSize.MAX_ITEM_BYTES) {
      throw new DynamoDbError.Validation("Item size has exceeded the maximum allowed size");
    }
  }
}
