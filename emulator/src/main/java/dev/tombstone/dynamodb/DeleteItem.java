package dev.tombstone.dynamodb;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** DeleteItem: removes one item, optionally only if a condition holds. Idempotent. */
public final class DeleteItem {
  private DeleteItem() {}

  /**
   * A DeleteItem request; build it from {@link #of} and the {@code with...}/{@code returning...}
   * methods:
   *
   * <pre>{@code
   * DeleteItem.Request.of("orders", key).withCondition(condition).returningOldItem();
   * }</pre>
   *
   * @param key the request's {@code Key}, checked against the table's schema
   * @param condition checked against the current item (or {@link Item#EMPTY}); null for none
   * @param returnValues whether the deleted item is returned
   * @param returnValuesOnConditionCheckFailure whether the current item comes with a failed check
   */
  public record Request(
      String tableName,
      Map<String, AttributeValue> key,
      ItemCondition condition,
      ReturnValues returnValues,
      ReturnValues returnValuesOnConditionCheckFailure) {
    public Request {
      key = Map.copyOf(key);
      Objects.requireNonNull(returnValues, "returnValues");
      Objects.requireNonNull(returnValuesOnConditionCheckFailure,
          "returnValuesOnConditionCheckFailure");
    }

    /** An unconditional delete returning nothing. */
    public static Request of(String tableName, Map<String, AttributeValue> key) {
      return new Request(tableName, key, null, ReturnValues.NONE, ReturnValues.NONE);
    }

    /** The same request, only applied if {@code condition} holds; null for none. */
    public Request withCondition(ItemCondition condition) {
      return new Request(tableName, key, condition, returnValues,
          returnValuesOnConditionCheckFailure);
    }

    /** The same request with {@code ReturnValues}. */
    public Request withReturnValues(ReturnValues returnValues) {
      return new Request(tableName, key, condition, returnValues,
          returnValuesOnConditionCheckFailure);
    }

    /** The same request with {@code ReturnValuesOnConditionCheckFailure}. */
    public Request withReturnValuesOnConditionCheckFailure(ReturnValues onFailure) {
      return new Request(tableName, key, condition, returnValues, onFailure);
    }

    /** The same request returning the deleted item ({@code ReturnValues} ALL_OLD). */
    public Request returningOldItem() {
      return withReturnValues(ReturnValues.ALL_OLD);
    }

    /** The same request returning the current item when the condition fails. */
    public Request returningItemOnConditionFailure() {
      return withReturnValuesOnConditionCheckFailure(ReturnValues.ALL_OLD);
    }
  }

  /**
   * @param oldItem the deleted item when ALL_OLD was asked and an item existed
   */
  public record Result(Optional<Item> oldItem, ConsumedCapacity consumedCapacity) {}

  static Result execute(Table table, Request request) {
    PrimaryKey key = table.keySchema().keyOfSingleItem(request.key());
    Item[] removed = new Item[1];
    table.compute(key, (k, current) -> {
      ConditionChecks.check(request.condition(), current,
          request.returnValuesOnConditionCheckFailure());
      removed[0] = current;
      return null;
    });
    Item old = removed[0];
    return new Result(
        request.returnValues() == ReturnValues.ALL_OLD
            ? Optional.ofNullable(old) : Optional.empty(),
        Capacity.write(table, request.tableName(), old, null));
  }
}
