package dev.tombstone.dynamodb;

import dev.tombstone.internal.AttributeNameRules;
import dev.tombstone.internal.ItemLimits;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** PutItem: writes a whole item, replacing any item with the same key. */
public final class PutItem {
  private PutItem() {}

  /**
   * A PutItem request; build it from {@link #of} and the {@code with...}/{@code returning...}
   * methods:
   *
   * <pre>{@code
   * PutItem.Request.of("orders", item).withCondition(condition).returningOldItem();
   * }</pre>
   *
   * @param condition checked against the current item (or {@link Item#EMPTY}); null for none
   * @param returnValues whether the replaced item is returned
   * @param returnValuesOnConditionCheckFailure whether the current item comes with a failed check
   */
  public record Request(
      String tableName,
      Item item,
      ItemCondition condition,
      ReturnValues returnValues,
      ReturnValues returnValuesOnConditionCheckFailure) {
    public Request {
      Objects.requireNonNull(returnValues, "returnValues");
      Objects.requireNonNull(returnValuesOnConditionCheckFailure,
          "returnValuesOnConditionCheckFailure");
    }

    /** An unconditional put returning nothing. */
    public static Request of(String tableName, Item item) {
      return new Request(tableName, item, null, ReturnValues.NONE, ReturnValues.NONE);
    }

    /** The same request, only applied if {@code condition} holds; null for none. */
    public Request withCondition(ItemCondition condition) {
      return new Request(tableName, item, condition, returnValues,
          returnValuesOnConditionCheckFailure);
    }

    /** The same request with {@code ReturnValues}. */
    public Request withReturnValues(ReturnValues returnValues) {
      return new Request(tableName, item, condition, returnValues,
          returnValuesOnConditionCheckFailure);
    }

    /** The same request with {@code ReturnValuesOnConditionCheckFailure}. */
    public Request withReturnValuesOnConditionCheckFailure(ReturnValues onFailure) {
      return new Request(tableName, item, condition, returnValues, onFailure);
    }

    /** The same request returning the replaced item ({@code ReturnValues} ALL_OLD). */
    public Request returningOldItem() {
      return withReturnValues(ReturnValues.ALL_OLD);
    }

    /** The same request returning the current item when the condition fails. */
    public Request returningItemOnConditionFailure() {
      return withReturnValuesOnConditionCheckFailure(ReturnValues.ALL_OLD);
    }
  }

  /** @param oldItem the replaced item when ALL_OLD was asked and an item existed */
  public record Result(Optional<Item> oldItem, ConsumedCapacity consumedCapacity) {}

  static Result execute(Table table, Request request) {
    return execute(table, request, null);
  }

  /** @param expiresAt when the written item expires (a per-item deadline), or null for never */
  static Result execute(Table table, Request request, Instant expiresAt) {
    Item item = table.sharingWithLastWritten(request.item());
    PrimaryKey key = table.keySchema().keyOfItem(item);
    checkSize(item);
    table.checkIndexKeys(item);
    Item[] replaced = new Item[1];
    table.compute(key, (k, current) -> {
      ConditionChecks.check(request.condition(), current,
          request.returnValuesOnConditionCheckFailure());
      replaced[0] = current;
      if (expiresAt != null) {
        table.timeToLive().deadlines().expire(k, item, expiresAt);
      }
      return item;
    });
    Item old = replaced[0];
    return new Result(
        request.returnValues() == ReturnValues.ALL_OLD
            ? Optional.ofNullable(old) : Optional.empty(),
        Capacity.write(table, request.tableName(), old, item));
  }

  /** The checks that need no table: attribute names, then the item's size. */
  static void checkSize(Item item) {
    for (int i = 0; i < item.attributeCount(); i++) {
      AttributeNameRules.problem(item.nameAt(i)).ifPresent(problem -> {
        throw new DynamoDbError.Validation(problem);
      });
    }
    if (ItemLimits.oversized(item.sizeInBytes())) {
      throw new DynamoDbError.Validation(ItemLimits.TOO_LARGE);
    }
  }
}
