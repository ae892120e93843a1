package dev.tombstone.dynamodb;

/** The condition of a single-item write (PutItem, DeleteItem, UpdateItem) on the current item. */
final class ConditionChecks {
  private ConditionChecks() {}

  /**
   * Fails with ConditionalCheckFailed, carrying {@code current} when {@code onFailure} is ALL_OLD,
   * unless {@code condition} (null for none) holds on {@code current} (null when there is none).
   */
  static void check(ItemCondition condition, Item current, ReturnValues onFailure) {
    if (condition != null && !condition.matches(current == null ? Item.EMPTY : current)) {
      throw new DynamoDbError.ConditionalCheckFailed(
          onFailure == ReturnValues.ALL_OLD ? current : null);
    }
  }
}
