package dev.tombstone.dynamodb;

/**
 * What a write returns of the item it changed ({@code ReturnValues}), or of the item a condition
 * failed on ({@code ReturnValuesOnConditionCheckFailure}). PutItem, DeleteItem and the
 * condition-failure option accept only {@link #NONE} and {@link #ALL_OLD}; UpdateItem accepts all.
 */
public enum ReturnValues {
  /** Nothing. */
  NONE,
  /** The whole item as it was, if there was one. */
  ALL_OLD,
  /** UpdateItem: the old values of the updated paths only. */
  UPDATED_OLD,
  /** UpdateItem: the whole item as it is after the update. */
  ALL_NEW,
  /** UpdateItem: the new values of the updated paths only. */
  UPDATED_NEW
}
