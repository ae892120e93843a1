package dev.tombstone.dynamodb;

/** Where GetShardIterator starts reading a shard. */
public enum ShardIteratorType {
  /** At the oldest record not yet trimmed. */
  TRIM_HORIZON,
  /** After the newest record: only changes made from now on. */
  LATEST,
  /** At the record with the given sequence number. */
  AT_SEQUENCE_NUMBER,
  /** Just after the record with the given sequence number. */
  AFTER_SEQUENCE_NUMBER
}
