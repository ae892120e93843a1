package dev.tombstone.dynamodb;

/**
 * What a PutItem or DeleteItem returns of the item it replaced or removed ({@code ReturnValues}),
 * or of the item a condition failed on ({@code ReturnValuesOnConditionCheckFailure}). DynamoDB
 * accepts only these two values for those requests.
 */
public enum ReturnValues {
  /** Nothing. */
  NONE,
  /** The whole item as it was, if there was one. */
  ALL_OLD
}
