package dev.tombstone.dynamodb;

import dev.tombstone.internal.RandomUuids;
import dev.tombstone.internal.TableTagRules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;

/**
 * A table, its items and its secondary indexes. Single-item changes are atomic per key.
 *
 * <p>Items live in a hash map by key (for single-item operations) and, per partition, in a
 * sorted map (so Query reads one partition without touching the others). Every change goes
 * through {@link #compute}, which calls {@link #changed} under the key's lock: that one method
 * keeps the partition maps and the indexes in step with the items.
 */
final class Table {
  private volatile TableDefinition definition;
  private final Instant createdAt;
  /** When the table last became PAY_PER_REQUEST (at creation or by UpdateTable), or null. */
  private volatile Instant lastPayPerRequest;
  private final String arn;
  private final UUID id;
  private final Clock clock;
  // What most writes of small items consume, made once rather than per write.
  private final ConsumedCapacity oneWriteUnit;
  // Keyed by storageKey(key): one object fewer per item in a table without a sort key.
  private final ConcurrentHashMap<Object, Item> items = new ConcurrentHashMap<>();
  /** The item PutItem wrote last, whose names and repeated values the next one shares. */
  private volatile Item lastWritten;
  private final TimeToLive timeToLive = new TimeToLive();
  private final ConcurrentHashMap<AttributeValue, ConcurrentSkipListMap<Position, Item>>
      partitions = new ConcurrentHashMap<>();
  // In definition order (local, then global), so a write checks its indexes in a stable order.
  private volatile Map<String, SecondaryIndex> indexes;
  private final Map<String, String> tags = new LinkedHashMap<>();
  /** The enabled stream, or null: the one field a write reads when the table has none. */
  private volatile TableStream stream;
  /** The newest stream, enabled or not, or null: DescribeTable's LatestStreamArn. */
  private volatile TableStream latestStream;
  /** Point-in-time recovery's log while it is on, else null: one read per write when off. */
  private volatile RecoveryLog recovery;
  /** Where a restored table came from; null for a table CreateTable made. */
  private volatile RestoreSummary restoreSummary;
  /** When UpdateTable last changed the table class, or null. */
  private volatile Instant tableClassUpdated;

  Table(TableDefinition definition, Instant createdAt, String arn, Clock clock) {
    definition = definition.withWarmThroughputs(null);
    this.definition = definition;
    this.clock = clock;
    this.oneWriteUnit = ConsumedCapacity.ofTable(definition.name(), 1.0);
    this.createdAt = createdAt;
    this.lastPayPerRequest = definition.billingMode() == TableDefinition.BillingMode.PAY_PER_REQUEST
        ? createdAt : null;
    this.arn = arn;
    this.id = RandomUuids.next();
    Map<String, SecondaryIndex> built = new LinkedHashMap<>();
    for (TableDefinition.IndexDefinition index : definition.localSecondaryIndexes()) {
      built.put(index.name(), new SecondaryIndex(index, false, definition.keySchema()));
    }
    for (TableDefinition.IndexDefinition index : definition.globalSecondaryIndexes()) {
      built.put(index.name(), new SecondaryIndex(index, true, definition.keySchema()));
    }
    this.indexes = Collections.unmodifiableMap(built);
  }

  TableDefinition definition() {
    return definition;
  }

  String name() {
    return definition.name();
  }

  /** One write unit consumed on this table alone. */
  ConsumedCapacity oneWriteUnit() {
    return oneWriteUnit;
  }

  String arn() {
    return arn;
  }

  KeySchema keySchema() {
    return definition.keySchema();
  }

  /** The item stored under {@code key}, or null. */
  Item get(PrimaryKey key) {
    return items.get(storageKey(key));
  }

  /** Stores {@code item} under {@code key}; returns the item it replaced, or null. */
  Item put(PrimaryKey key, Item item) {
    Item[] old = new Item[1];
    compute(key, (k, current) -> {
      old[0] = current;
      return item;
    });
    return old[0];
  }

  /** Removes the item under {@code key}; returns it, or null. */
  Item remove(PrimaryKey key) {
    Item[] old = new Item[1];
    compute(key, (k, current) -> {
      old[0] = current;
      return null;
    });
    return old[0];
  }

  /**
   * Removes the item under {@code key} only if it is still {@code expected}, as the TTL sweep
   * does (its stream record names the DynamoDB service); true if it was removed.
   */
  boolean expireIfSame(PrimaryKey key, Item expected) {
    boolean[] removed = new boolean[1];
    compute(key, (k, current) -> {
      removed[0] = current == expected;
      return removed[0] ? null : current;
    }, true);
    return removed[0];
  }

  /**
   * Atomically replaces the item under {@code key} by what {@code change} returns (null
   * removes it), as {@link ConcurrentHashMap#compute} does; partitions and indexes follow.
   * Every write path of every operation goes through here.
   */
  Item compute(PrimaryKey key, BiFunction<PrimaryKey, Item, Item> change) {
    return compute(key, change, false);
  }

  private Item compute(PrimaryKey key, BiFunction<PrimaryKey, Item, Item> change,
      boolean byTimeToLive) {
    return items.compute(storageKey(key), (k, current) -> {
      Item next = change.apply(key, current);
      if (next != current) {
        changed(key, current, next);
        TableStream enabled = stream;
        if (enabled != null) {
          enabled.append(current, next, byTimeToLive, clock.instant());
        }
        RecoveryLog log = recovery;
        if (log != null) {
          log.record(clock.instant(), key, current);
        }
      }
      return next;
    });
  }

  /**
   * What {@link #items} is keyed by: the partition value alone when the table has no sort key
   * (the value is the item's own, so the key costs nothing), the primary key otherwise.
   */
  private static Object storageKey(PrimaryKey key) {
    return key.sort() == null ? key.partition() : key;
  }

  private static PrimaryKey primaryKey(Object storageKey) {
    return storageKey instanceof PrimaryKey key
        ? key : new PrimaryKey((AttributeValue) storageKey, null);
  }

  /** Keeps partitions and indexes in step: called under the key's lock for each change. */
  private void changed(PrimaryKey key, Item old, Item now) {
    // Without a sort key a partition holds at most one item, which items already has.
    if (keySchema().sortKey() != null) {
      if (now != null) {
        partitions.compute(key.partition(), (p, map) -> {
          ConcurrentSkipListMap<Position, Item> m =
              map == null ? new ConcurrentSkipListMap<>(Position.ORDER) : map;
          m.put(Position.of(key.sort(), key), now);
          return m;
        });
      } else if (old != null) {
        partitions.computeIfPresent(key.partition(), (p, map) -> {
          map.remove(Position.of(key.sort(), key));
          return map.isEmpty() ? null : map;
        });
      }
    }
    if (!indexes.isEmpty()) {
      for (SecondaryIndex index : indexes.values()) {
        index.changed(key, old, now);
      }
    }
  }

  /** The items of one partition in sort key order; empty when it has none. */
  NavigableMap<Position, Item> partition(AttributeValue partitionValue) {
    if (keySchema().sortKey() == null) {
      NavigableMap<Position, Item> single = new ConcurrentSkipListMap<>(Position.ORDER);
      PrimaryKey key = new PrimaryKey(partitionValue, null);
      Item item = get(key);
      if (item != null) {
        single.put(Position.of(null, key), item);
      }
      return single;
    }
    NavigableMap<Position, Item> map = partitions.get(partitionValue);
    return map == null ? new ConcurrentSkipListMap<>(Position.ORDER) : map;
  }

  /** The index called {@code name}, or null. */
  SecondaryIndex index(String name) {
    return indexes.get(name);
  }

  Map<String, SecondaryIndex> indexes() {
    return indexes;
  }

  /**
   * Refuses an item whose secondary index key attributes have the wrong type or are empty,
   * with DynamoDB's messages. Called before a write is applied.
   */
  void checkIndexKeys(Item item) {
    if (indexes.isEmpty()) {
      return; // most tables: no iterator over an empty map on every write
    }
    for (SecondaryIndex index : indexes.values()) {
      index.checkKeyTypes(item);
    }
  }

  /**
   * Replaces the definition (UpdateTable) at {@code now}: indexes added are backfilled, removed
   * dropped; a switch to PAY_PER_REQUEST is remembered for BillingModeSummary, a change of table
   * class for TableClassSummary.
   */
  synchronized void redefine(TableDefinition next, Instant now) {
    if (next.billingMode() == TableDefinition.BillingMode.PAY_PER_REQUEST
        && definition.billingMode() != TableDefinition.BillingMode.PAY_PER_REQUEST) {
      lastPayPerRequest = now;
    }
    if (tableClass(next) != tableClass(definition)) {
      tableClassUpdated = now;
    }
    Map<String, SecondaryIndex> built = new LinkedHashMap<>();
    for (Map.Entry<String, SecondaryIndex> e : indexes.entrySet()) {
      if (!e.getValue().global()) {
        built.put(e.getKey(), e.getValue());
      }
    }
    for (TableDefinition.IndexDefinition index : next.globalSecondaryIndexes()) {
      SecondaryIndex existing = indexes.get(index.name());
      if (existing != null && existing.global()) {
        built.put(index.name(), existing.redefined(index));
      } else {
        SecondaryIndex fresh = new SecondaryIndex(index, true, next.keySchema());
        items.forEach((k, item) -> fresh.changed(primaryKey(k), null, item));
        built.put(index.name(), fresh);
      }
    }
    this.indexes = Collections.unmodifiableMap(built);
    this.definition = next;
  }

  private static TableDefinition.TableClass tableClass(TableDefinition definition) {
    return definition.tableClass() == null ? TableDefinition.TableClass.STANDARD
        : definition.tableClass();
  }

  /** Adds or replaces tags, refusing to go past {@code max} tags in all. */
  synchronized void tag(Map<String, String> added, int max) {
    Map<String, String> next = new LinkedHashMap<>(tags);
    next.putAll(added);
    if (next.size() > max) {
      throw new DynamoDbError.Validation(TableTagRules.TOO_MANY);
    }
    tags.putAll(added);
  }

  synchronized void untag(Iterable<String> keys) {
    for (String key : keys) {
      tags.remove(key);
    }
  }

  synchronized List<Map.Entry<String, String>> tagList() {
    return new ArrayList<>(tags.entrySet());
  }

  /** The enabled stream, or null. */
  TableStream stream() {
    return stream;
  }

  /** Makes {@code next} the table's enabled stream. */
  synchronized void enableStream(TableStream next) {
    stream = next;
    latestStream = next;
  }

  /** Ends the enabled stream, if any, at {@code at}. */
  synchronized void disableStream(Instant at) {
    TableStream current = stream;
    if (current != null) {
      current.disable(at);
      stream = null;
    }
  }

  TimeToLive timeToLive() {
    return timeToLive;
  }

  /** Point-in-time recovery's log, or null while it is off. */
  RecoveryLog recovery() {
    return recovery;
  }

  /** Turns point-in-time recovery on with {@code log}, or off when null (its log is dropped). */
  void recovery(RecoveryLog log) {
    recovery = log;
  }

  /** Marks this table as restored; called before the table is visible to any request. */
  void restoredFrom(RestoreSummary summary) {
    restoreSummary = summary;
  }

  /** Every item by key, in scan order: a snapshot. */
  Map<PrimaryKey, Item> snapshot() {
    Map<PrimaryKey, Item> snapshot = new LinkedHashMap<>();
    for (PrimaryKey key : sortedKeys()) {
      Item item = get(key);
      if (item != null) {
        snapshot.put(key, item);
      }
    }
    return snapshot;
  }

  /** Keys in scan order: a snapshot, sorted. */
  List<PrimaryKey> sortedKeys() {
    List<PrimaryKey> keys = new ArrayList<>(items.size());
    for (Object key : items.keySet()) {
      keys.add(primaryKey(key));
    }
    keys.sort(null);
    return keys;
  }

  /** Number of items, without sizing them. */
  int itemCount() {
    return items.size();
  }

  TableDescription describe(TableDescription.Status status) {
    long size = 0;
    long count = 0;
    for (Item item : items.values()) {
      size += item.sizeInBytes();
      count++;
    }
    Map<String, TableDescription.IndexStatistics> statistics = new LinkedHashMap<>();
    Map<String, UUID> indexIds = new LinkedHashMap<>();
    for (SecondaryIndex index : indexes.values()) {
      statistics.put(index.name(), index.statistics());
      indexIds.put(index.name(), index.id());
    }
    TableStream latest = latestStream;
    return new TableDescription(definition, status, createdAt, arn, id, count, size, statistics,
        Optional.ofNullable(lastPayPerRequest),
        Optional.ofNullable(latest == null ? null : latest.arn()),
        Optional.ofNullable(restoreSummary), indexIds, Optional.ofNullable(tableClassUpdated));
  }

  /**
   * {@code item}, sharing its names and repeated values with the item written before it (see
   * {@link Item#sharingWith}); remembered as the item written last.
   */
  Item sharingWithLastWritten(Item item) {
    Item shared = item.sharingWith(lastWritten);
    lastWritten = shared;
    return shared;
  }
}
