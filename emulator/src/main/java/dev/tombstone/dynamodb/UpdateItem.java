package dev.tombstone.dynamodb;

import dev.tombstone.internal.AttributeNameRules;
import dev.tombstone.internal.ItemLimits;
import dev.tombstone.internal.NestingLimit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * UpdateItem: changes some attributes of one item, creating the item when it does not exist
 * (an upsert), optionally only if a condition holds. Atomic per item.
 */
public final class UpdateItem {
  private UpdateItem() {}

  /**
   * An UpdateItem request; build it from {@link #of} and the {@code with...}/{@code
   * returning...} methods:
   *
   * <pre>{@code
   * UpdateItem.Request.of("orders", key, update).withCondition(condition).returningAllNew();
   * }</pre>
   *
   * @param key the request's {@code Key}, checked against the table's schema
   * @param update the change; it may not write a key attribute
   * @param condition checked against the current item (or {@link Item#EMPTY}); null for none
   * @param returnValues what the result carries of the item
   * @param returnValuesOnConditionCheckFailure whether the current item comes with a failed check
   */
  public record Request(
      String tableName,
      Map<String, AttributeValue> key,
      ItemUpdate update,
      ItemCondition condition,
      ReturnValues returnValues,
      ReturnValues returnValuesOnConditionCheckFailure) {
    public Request {
      key = Map.copyOf(key);
      Objects.requireNonNull(update, "update");
      Objects.requireNonNull(returnValues, "returnValues");
      Objects.requireNonNull(returnValuesOnConditionCheckFailure,
          "returnValuesOnConditionCheckFailure");
    }

    /** An unconditional update returning nothing. */
    public static Request of(String tableName, Map<String, AttributeValue> key,
        ItemUpdate update) {
      return new Request(tableName, key, update, null, ReturnValues.NONE, ReturnValues.NONE);
    }

    /** The same request, only applied if {@code condition} holds; null for none. */
    public Request withCondition(ItemCondition condition) {
      return new Request(tableName, key, update, condition, returnValues,
          returnValuesOnConditionCheckFailure);
    }

    /** The same request with {@code ReturnValues}. */
    public Request withReturnValues(ReturnValues returnValues) {
      return new Request(tableName, key, update, condition, returnValues,
          returnValuesOnConditionCheckFailure);
    }

    /** The same request with {@code ReturnValuesOnConditionCheckFailure}. */
    public Request withReturnValuesOnConditionCheckFailure(ReturnValues onFailure) {
      return new Request(tableName, key, update, condition, returnValues, onFailure);
    }

    /** The same request returning the whole updated item ({@code ReturnValues} ALL_NEW). */
    public Request returningAllNew() {
      return withReturnValues(ReturnValues.ALL_NEW);
    }

    /** The same request returning the current item when the condition fails. */
    public Request returningItemOnConditionFailure() {
      return withReturnValuesOnConditionCheckFailure(ReturnValues.ALL_OLD);
    }
  }

  /**
   * @param attributes what {@code ReturnValues} asked for, when there is something to return
   */
  public record Result(Optional<Item> attributes, ConsumedCapacity consumedCapacity) {}

  static final String ITEM_TOO_LARGE = "Item size to update has exceeded the maximum allowed size";

  static Result execute(Table table, Request request) {
    return execute(table, request, null);
  }

  /** @param expiresAt when the updated item expires (a per-item deadline), or null for never */
  static Result execute(Table table, Request request, Instant expiresAt) {
    PrimaryKey key = table.keySchema().keyOfSingleItem(request.key());
    checkUpdatedNames(table.keySchema(), request.update());
    Item[] images = new Item[2];
    table.compute(key, (k, current) -> {
      Item next = updated(request, current);
      if (next != null) {
        table.checkIndexKeys(next);
      }
      images[0] = current;
      images[1] = next;
      if (next != null && expiresAt != null) {
        table.timeToLive().deadlines().expire(k, next, expiresAt);
      }
      return next;
    });
    Item old = images[0];
    Item updated = images[1];
    return new Result(attributes(request, old, updated),
        Capacity.write(table, request.tableName(), old, updated));
  }

  /**
   * The item after the update, or an error; shared with TransactWriteItems. Null when there is
   * no item and the update only removes: DynamoDB creates an item for an update that sets or
   * adds something (or names nothing), never for one that only removes attributes or set
   * elements, and does not look at the paths of an update that only removes.
   */
  static Item updated(Request request, Item current) {
    ConditionChecks.check(request.condition(), current,
        request.returnValuesOnConditionCheckFailure());
    if (current == null && request.update().removesOnly()) {
      return null;
    }
    Item updated = request.update().apply(current != null ? current : Item.of(request.key()));
    checkNesting(request.update(), updated);
    if (ItemLimits.oversized(updated.sizeInBytes())) {
      throw new DynamoDbError.Validation(ITEM_TOO_LARGE);
    }
    return current == null && removesOnly(request.update(), updated) ? null : updated;
  }

  /** An update that names attributes and leaves none of them on the item only removed. */
  private static boolean removesOnly(ItemUpdate update, Item updated) {
    Set<String> names = update.attributeNames();
    if (names.isEmpty()) {
      return false;
    }
    for (String name : names) {
      if (updated.has(name)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A value within the limit can still land too deep ({@code SET m.a.b = :deep}, or {@code SET
   * a = m} copying one), so the attributes the update wrote are measured; the rest were.
   */
  private static void checkNesting(ItemUpdate update, Item updated) {
    for (String name : update.attributeNames()) {
      AttributeValue value = updated.get(name);
      if (value != null && deeperThanLimit(value, 1)) {
        throw new DynamoDbError.Validation(NestingLimit.EXCEEDED);
      }
    }
  }

  private static boolean deeperThanLimit(AttributeValue value, int level) {
    if (level > NestingLimit.MAX_LEVELS) {
      return true;
    }
    Iterable<AttributeValue> children = value instanceof AttributeValue.M m ? m.values().values()
        : value instanceof AttributeValue.L l ? l.values() : List.of();
    for (AttributeValue child : children) {
      if (deeperThanLimit(child, level + 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The names {@code update} writes: none empty or too long (an update built in Java has not
   * been through the wire's checks), none a key attribute.
   */
  static void checkUpdatedNames(KeySchema schema, ItemUpdate update) {
    for (String name : update.attributeNames()) {
      AttributeNameRules.problem(name).ifPresent(problem -> {
        throw new DynamoDbError.Validation(problem);
      });
      if (name.equals(schema.partitionKey().name())
          || (schema.sortKey() != null && name.equals(schema.sortKey().name()))) {
        throw DynamoDbError.Validation.invalidParameters(
            "Cannot update attribute " + name + ". This attribute is part of the key");
      }
    }
  }

  private static Optional<Item> attributes(Request request, Item old, Item updated) {
    Item returned = switch (request.returnValues()) {
      case ALL_OLD -> old;
      case ALL_NEW -> updated;
      case UPDATED_OLD -> old == null ? null : request.update().updatedParts(old);
      case UPDATED_NEW -> updated == null ? null : request.update().updatedParts(updated);
      default -> null;
    };
    return returned == null || returned.isEmpty() ? Optional.empty() : Optional.of(returned);
  }
}
