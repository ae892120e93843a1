package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A table and its items. Single-item changes are atomic per key. */
final class Table {
  private final TableDefinition definition;
  private final Instant createdAt;
  private final String arn;
  private final UUID id;
  private final ConcurrentHashMap<PrimaryKey, Item> items = new ConcurrentHashMap<>();
  private final TimeToLive timeToLive = new TimeToLive();

  Table(TableDefinition definition, Instant createdAt, String arn) {
    this.definition = definition;
    this.createdAt = createdAt;
    this.arn = arn;
    this.id = UUID.randomUUID();
  }

  TableDefinition definition() {
    return definition;
  }

  String name() {
    return definition.name();
  }

  KeySchema keySchema() {
    return definition.keySchema();
  }

  ConcurrentHashMap<PrimaryKey, Item> items() {
    return items;
  }

  TimeToLive timeToLive() {
    return timeToLive;
  }

  /** Keys in scan order: a snapshot, sorted. */
  List<PrimaryKey> sortedKeys() {
    List<PrimaryKey> keys = new ArrayList<>(items.keySet());
    keys.sort(null);
    return keys;
  }

  TableDescription describe(TableDescription.Status status) {
    long size = 0;
    long count = 0;
    for (Item item : items.values()) {
      size += item.sizeInBytes();
      count++;
    }
    return new TableDescription(definition, status, createdAt, arn, id, count, size);
  }
}
