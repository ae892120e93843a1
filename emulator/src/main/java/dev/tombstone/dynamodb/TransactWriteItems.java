package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * TransactWriteItems: all conditions are checked, then all writes applied, or nothing is. Runs
 * under the state's exclusive lock, which single-item operations respect.
 */
public final class TransactWriteItems {
  private TransactWriteItems() {}

  /** One element of a transaction. */
  public sealed interface Action {
    String tableName();

    ItemCondition condition();

    /** Whether a failed condition reports the current item in its cancellation reason. */
    ReturnValues returnValuesOnConditionCheckFailure();

    /** An unconditional put of {@code item}. */
    static Put put(String tableName, Item item) {
      return new Put(tableName, item, null, ReturnValues.NONE);
    }

    /** An unconditional delete of the item with {@code key}. */
    static Delete delete(String tableName, Map<String, AttributeValue> key) {
      return new Delete(tableName, key, null, ReturnValues.NONE);
    }

    /** An unconditional update of the item with {@code key}. */
    static Update update(String tableName, Map<String, AttributeValue> key, ItemUpdate update) {
      return new Update(tableName, key, update, null, ReturnValues.NONE);
    }

    /** A check of {@code condition} on the item with {@code key}, writing nothing. */
    static ConditionCheck conditionCheck(
        String tableName, Map<String, AttributeValue> key, ItemCondition condition) {
      return new ConditionCheck(tableName, key, condition, ReturnValues.NONE);
    }

    /** Write a whole item. */
    record Put(String tableName, Item item, ItemCondition condition,
        ReturnValues returnValuesOnConditionCheckFailure) implements Action {
      public Put {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(returnValuesOnConditionCheckFailure,
            "returnValuesOnConditionCheckFailure");
      }

      /** The same put, only applied if {@code condition} holds. */
      public Put withCondition(ItemCondition condition) {
        return new Put(tableName, item, condition, returnValuesOnConditionCheckFailure);
      }

      /** The same put, reporting the current item when its condition fails. */
      public Put returningItemOnConditionFailure() {
        return new Put(tableName, item, condition, ReturnValues.ALL_OLD);
      }
    }

    /** Delete the item with this key. */
    record Delete(String tableName, Map<String, AttributeValue> key, ItemCondition condition,
        ReturnValues returnValuesOnConditionCheckFailure) implements Action {
      public Delete {
        key = Map.copyOf(key);
        Objects.requireNonNull(returnValuesOnConditionCheckFailure,
            "returnValuesOnConditionCheckFailure");
      }

      /** The same delete, only applied if {@code condition} holds. */
      public Delete withCondition(ItemCondition condition) {
        return new Delete(tableName, key, condition, returnValuesOnConditionCheckFailure);
      }

      /** The same delete, reporting the current item when its condition fails. */
      public Delete returningItemOnConditionFailure() {
        return new Delete(tableName, key, condition, ReturnValues.ALL_OLD);
      }
    }

    /** Update (or create) the item with this key. */
    record Update(String tableName, Map<String, AttributeValue> key, ItemUpdate update,
        ItemCondition condition, ReturnValues returnValuesOnConditionCheckFailure)
        implements Action {
      public Update {
        key = Map.copyOf(key);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(returnValuesOnConditionCheckFailure,
            "returnValuesOnConditionCheckFailure");
      }

      /** The same update, only applied if {@code condition} holds. */
      public Update withCondition(ItemCondition condition) {
        return new Update(tableName, key, update, condition, returnValuesOnConditionCheckFailure);
      }

      /** The same update, reporting the current item when its condition fails. */
      public Update returningItemOnConditionFailure() {
        return new Update(tableName, key, update, condition, ReturnValues.ALL_OLD);
      }
    }

    /** Only check a condition on the item with this key. */
    record ConditionCheck(String tableName, Map<String, AttributeValue> key,
        ItemCondition condition, ReturnValues returnValuesOnConditionCheckFailure)
        implements Action {
      public ConditionCheck {
        key = Map.copyOf(key);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(returnValuesOnConditionCheckFailure,
            "returnValuesOnConditionCheckFailure");
      }

      /** The same check, reporting the current item when its condition fails. */
      public ConditionCheck returningItemOnConditionFailure() {
        return new ConditionCheck(tableName, key, condition, ReturnValues.ALL_OLD);
      }
    }
  }

  /**
   * The transaction's elements, in request order (at most 100, on distinct items).
   *
   * @param clientRequestToken makes the request idempotent for 10 minutes; null for none
   * @param parameters what a repeated token is compared with (the same token with other
   *     parameters is refused); the actions unless a protocol supplies its own form
   */
  public record Request(List<Action> actions, String clientRequestToken, Object parameters) {
    public Request {
      actions = List.copyOf(actions);
    }

    public Request(List<Action> actions) {
      this(actions, null, null);
    }

    /**
     * The same request made idempotent by {@code token}: repeated within 10 minutes of the
     * emulator's clock with the same actions it is not applied again.
     */
    public Request withClientRequestToken(String token) {
      return new Request(actions, token, actions);
    }

    /** The same request made idempotent by {@code token}, compared by {@code parameters}. */
    public Request withClientRequestToken(String token, Object parameters) {
      return new Request(actions, token, parameters);
    }
  }

  /**
   * @param consumedCapacity per table, in the order first addressed: the table's units count
   *     twice (prepare and commit), the index writes that follow once
   */
  public record Result(List<ConsumedCapacity> consumedCapacity) {}

  private record Target(Table table, PrimaryKey key) {}

  static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024;

  static Result execute(DynamoDbState state, Request request) {
    long payload = 0;
    for (Action action : request.actions()) {
      payload += payloadBytes(action);
      if (payload > MAX_PAYLOAD_BYTES) {
        throw new DynamoDbError.Validation(
            "Transaction payload size cannot exceed 4MB. Payload Size: " + payload);
      }
    }
    // Every action's table and well-typed key first: their refusals are the request's own. A
    // key that does not fit its table's schema cancels the transaction only after them.
    List<Target> targets = new ArrayList<>();
    DynamoDbError.TransactionCanceled mismatch = null;
    for (int i = 0; i < request.actions().size(); i++) {
      Action action = request.actions().get(i);
      Table table = state.activeTable(action.tableName());
      if (fitsSchema(table.keySchema(), action)) {
        targets.add(new Target(table, keyOf(table, action)));
      } else {
        targets.add(null);
        if (mismatch == null) {
          mismatch = validationErrorAt(i, request.actions().size(), table, action);
        }
      }
    }
    Set<Target> distinct = new HashSet<>();
    for (Target target : targets) {
      if (target != null && !distinct.add(target)) {
        throw new DynamoDbError.Validation(
            "Transaction request cannot include multiple operations on one item");
      }
    }
    if (mismatch != null) {
      throw mismatch;
    }
    List<DynamoDbError.CancellationReason> reasons = new ArrayList<>();
    Item[] updated = new Item[targets.size()];
    boolean failed = false;
    for (int i = 0; i < targets.size(); i++) {
      Action action = request.actions().get(i);
      Item current = targets.get(i).table().get(targets.get(i).key());
      if (action.condition() != null
          && !action.condition().matches(current == null ? Item.EMPTY : current)) {
        failed = true;
        reasons.add(new DynamoDbError.CancellationReason("ConditionalCheckFailed",
            Optional.of(DynamoDbError.ConditionalCheckFailed.MESSAGE),
            Optional.ofNullable(
                action.returnValuesOnConditionCheckFailure() == ReturnValues.ALL_OLD
                    ? current : null)));
        continue;
      }
      if (action instanceof Action.Update update) {
        // AWS: a validation error caused by the transaction's own changes cancels it.
        try {
          updated[i] = UpdateItem.updated(
              UpdateItem.Request.of(update.tableName(), update.key(), update.update()), current);
          if (updated[i] != null) {
            targets.get(i).table().checkIndexKeys(updated[i]);
          }
        } catch (DynamoDbError.Validation e) {
          failed = true;
          reasons.add(new DynamoDbError.CancellationReason("ValidationError",
              Optional.of(e.getMessage()), Optional.empty()));
          continue;
        }
      }
      reasons.add(DynamoDbError.CancellationReason.NONE);
    }
    if (failed) {
      throw new DynamoDbError.TransactionCanceled(reasons);
    }
    // Per table, named as the first element addressing it named it: name or ARN.
    Map<Table, WriteCapacity> consumed = new java.util.LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Action action = request.actions().get(i);
      Target target = targets.get(i);
      Item old;
      Item written = null;
      if (action instanceof Action.Put put) {
        written = put.item();
        old = target.table().put(target.key(), written);
      } else if (action instanceof Action.Delete) {
        old = target.table().remove(target.key());
      } else if (action instanceof Action.Update) {
        written = updated[i];
        old = target.table().put(target.key(), written);
      } else {
        old = target.table().get(target.key());
        written = old;
      }
      WriteCapacity tableCapacity = consumed.computeIfAbsent(target.table(),
          table -> new WriteCapacity(table, action.tableName()));
      if (action instanceof Action.ConditionCheck) {
        // Charged on the item it read, as a write; no index entry changes.
        tableCapacity.addTableOnly(2 * Capacity.writeUnits(old, written));
      } else {
        tableCapacity.add(old, written, 2);
      }
    }
    List<ConsumedCapacity> capacity = new ArrayList<>();
    consumed.values().forEach(c -> capacity.add(c.consumed()));
    return new Result(capacity);
  }

  /**
   * Whether an action's key fits its table's schema: a Put item's key attributes (when given)
   * have the schema's types; the Key of the others has exactly the key attributes, each of the
   * schema's type.
   */
  private static boolean fitsSchema(KeySchema schema, Action action) {
    if (action instanceof Action.Put put) {
      for (KeyAttribute key : schema.attributes()) {
        AttributeValue value = put.item().get(key.name());
        if (value != null && value.type() != key.type()) {
          return false;
        }
      }
      return true;
    }
    return schema.fits(keyOfAction(action));
  }

  /**
   * AWS cancels a transaction whose action's key does not fit the table's schema: a {@code
   * ValidationError} reason at that action and {@code None} at every other; it stops at the
   * first such action and evaluates no condition (ScyllaDB's AWS-run test_transact.py). A Put
   * gives the PutItem text ({@code Type mismatch for key ...}), the others {@code The provided
   * key element does not match the schema} (transactWriteItems.test.ts of the AWS-run
   * conformance suite).
   */
  private static DynamoDbError.TransactionCanceled validationErrorAt(int index, int size,
      Table table, Action action) {
    String message = DynamoDbError.Validation.keyMismatch().getMessage();
    if (action instanceof Action.Put put) {
      try {
        table.keySchema().keyOfItem(put.item());
        throw new IllegalStateException("a mistyped key was accepted");
      } catch (DynamoDbError.Validation e) {
        message = e.getMessage();
      }
    }
    List<DynamoDbError.CancellationReason> reasons = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      reasons.add(i == index
          ? new DynamoDbError.CancellationReason("ValidationError", Optional.of(message),
              Optional.empty())
          : DynamoDbError.CancellationReason.NONE);
    }
    return new DynamoDbError.TransactionCanceled(reasons);
  }

  // What an action adds to the 4 MB limit: a put's item, the key of the others.
  private static long payloadBytes(Action action) {
    if (action instanceof Action.Put put) {
      return put.item().sizeInBytes();
    }
    return Item.of(keyOfAction(action)).sizeInBytes();
  }

  private static PrimaryKey keyOf(Table table, Action action) {
    if (action instanceof Action.Put put) {
      PrimaryKey key = table.keySchema().keyOfItem(put.item());
      PutItem.checkSize(put.item());
      table.checkIndexKeys(put.item());
      return key;
    }
    // Every action of a transaction words an empty key value as PutItem does.
    PrimaryKey key = table.keySchema().keyOf(keyOfAction(action),
        "One or more parameter values are not valid. ");
    if (action instanceof Action.Update update) {
      UpdateItem.checkUpdatedNames(table.keySchema(), update.update());
    }
    return key;
  }

  /** The Key of an Update, Delete or ConditionCheck. */
  private static Map<String, AttributeValue> keyOfAction(Action action) {
    if (action instanceof Action.Update update) {
      return update.key();
    }
    return action instanceof Action.Delete d ? d.key() : ((Action.ConditionCheck) action).key();
  }
}
