package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.UUID;

/** A snapshot of a table as DescribeTable reports it. */
public record TableDescription(
    TableDefinition definition,
    Status status,
    Instant createdAt,
    String arn,
    UUID tableId,
    long itemCount,
    long sizeInBytes) {

  /** The lifecycle states a client can observe. Tables are ACTIVE as soon as they exist. */
  public enum Status {
    ACTIVE,
    DELETING
  }
}
