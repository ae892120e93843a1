package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of one item as a table's DynamoDB stream reports it (GetRecords).
 *
 * @param eventId unique per record
 * @param sequenceNumber the record's place in its shard: 21 or more decimal digits
 * @param createdAt when the change happened, by the emulator's clock
 * @param keys the key attributes of the item
 * @param oldImage the item before the change, when the view type includes it and there was one
 * @param newImage the item after the change, when the view type includes it and there is one
 * @param sizeBytes the size of the keys and the images the record carries
 * @param byTimeToLive whether the TTL sweep made the change (a REMOVE whose {@code userIdentity}
 *     is the DynamoDB service), rather than a request
 * @param awsRegion the region of the table
 */
public record StreamRecord(
    String eventId,
    EventName eventName,
    String sequenceNumber,
    Instant createdAt,
    Item keys,
    Optional<Item> oldImage,
    Optional<Item> newImage,
    long sizeBytes,
    StreamViewType viewType,
    boolean byTimeToLive,
    String awsRegion) {

  public StreamRecord {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(oldImage, "oldImage");
    Objects.requireNonNull(newImage, "newImage");
    Objects.requireNonNull(viewType, "viewType");
    Objects.requireNonNull(awsRegion, "awsRegion");
  }

  /** What happened to the item. */
  public enum EventName {
    INSERT,
    MODIFY,
    REMOVE
  }
}
