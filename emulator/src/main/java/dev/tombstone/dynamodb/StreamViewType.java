package dev.tombstone.dynamodb;

/**
 * What a table's DynamoDB stream writes into each record besides the item's key: nothing, the
 * item after the change, the item before it, or both.
 */
public enum StreamViewType {
  KEYS_ONLY,
  NEW_IMAGE,
  OLD_IMAGE,
  NEW_AND_OLD_IMAGES;

  boolean hasNewImage() {
    return this == NEW_IMAGE || this == NEW_AND_OLD_IMAGES;
  }

  boolean hasOldImage() {
    return this == OLD_IMAGE || this == NEW_AND_OLD_IMAGES;
  }
}
