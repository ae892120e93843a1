package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's DynamoDB stream as DescribeStream reports it. The emulator gives each stream one
 * shard, open while the stream is enabled and closed when it is disabled.
 *
 * @param arn {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}
 * @param label the ISO-8601 time of the stream's creation (UTC, to the millisecond)
 * @param createdAt when the stream was enabled
 * @param shardId the id of the stream's one shard
 * @param startingSequenceNumber the shard's start, numbered before its first record
 * @param endingSequenceNumber the sequence number of the last record of a closed shard
 */
public record StreamDescription(
    String arn,
    String label,
    String tableName,
    KeySchema keySchema,
    StreamViewType viewType,
    Status status,
    Instant createdAt,
    String shardId,
    String startingSequenceNumber,
    Optional<String> endingSequenceNumber) {

  public StreamDescription {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(keySchema, "keySchema");
    Objects.requireNonNull(viewType, "viewType");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(startingSequenceNumber, "startingSequenceNumber");
    Objects.requireNonNull(endingSequenceNumber, "endingSequenceNumber");
  }

  /** ENABLED while the table writes to it; DISABLED after UpdateTable or DeleteTable ends it. */
  public enum Status {
    ENABLED,
    DISABLED
  }
}
