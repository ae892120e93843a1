package dev.tombstone.dynamodb;

import dev.tombstone.internal.TableArns;
import dev.tombstone.internal.TableNameRules;
import dev.tombstone.internal.TableNames;
import dev.tombstone.internal.TableQuotas;
import dev.tombstone.internal.Utf8Order;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The DynamoDB side of an emulator: its tables and the operations on them, without HTTP.
 *
 * <pre>{@code
 * DynamoDbState dynamo = tombstone.dynamoDb();
 * dynamo.createTable("users", KeySchema.of(KeyAttribute.s("UserId")));
 * dynamo.putItem("users", Item.builder().put("UserId", "user001").build());
 * assert dynamo.getItem("users", Map.of("UserId", AttributeValue.s("user001"))).isPresent();
 * }</pre>
 *
 * <p>Thread-safe. Every single-item operation is atomic per key: a condition is evaluated
 * and the write it guards applied without any other write to that item in between.
 */
public final class DynamoDbState {
  static final String ACCOUNT_ID = "000000000000";

  private final String region;
  private final Clock clock;
  private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();
  // Single-item operations share the read side; multi-item atomic operations take the write side.
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final IdempotencyTokens tokens;
  private final Streams streams;
  // Made on first use, like the protocol's backup operations: their classes stay out of the start.
  private volatile Backups backups;

  public DynamoDbState(String region, Clock clock) {
    this.region = region;
    this.clock = clock;
    this.tokens = new IdempotencyTokens(clock);
    this.streams = new Streams(region, clock);
  }

  /**
   * Creates an on-demand table with the given key schema.
   *
   * @throws DynamoDbError.Validation when CreateTable would refuse the name or a key name
   * @throws DynamoDbError.LimitExceeded when its throughput is above the per-table quota
   * @throws DynamoDbError.ResourceInUse when a table of that name exists
   */
  public TableDescription createTable(String name, KeySchema keySchema) {
    return createTable(TableDefinition.onDemand(name, keySchema));
  }

  /**
   * Creates a table; it is ACTIVE at once, and so is its stream when the definition has one.
   *
   * @throws DynamoDbError.Validation with CreateTable's message when the table name is not 3 to
   *     255 characters of {@code [a-zA-Z0-9_.-]}, or a key attribute name (of the table or an
   *     index) or a projected attribute name is not 1 to 255 characters
   * @throws DynamoDbError.LimitExceeded when its throughput is above the per-table quota
   * @throws DynamoDbError.ResourceInUse when a table of that name exists
   */
  public TableDescription createTable(TableDefinition definition) {
    TableNameRules.tableNameError(definition.name()).ifPresent(message -> {
      throw new DynamoDbError.Validation(message);
    });
    definition.checkAttributeNames();
    WarmThroughputRules.checkInitial(definition);
    String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + definition.name();
    // Before the name is looked up, like every other check of the request.
    TableQuotas.tableError(definition.readCapacityUnits(), definition.writeCapacityUnits(), arn)
        .ifPresent(text -> {
          throw new DynamoDbError.LimitExceeded(text);
        });
    Instant now = clock.instant();
    Table table = new Table(definition, now, arn, clock);
    // Enabled before anyone can write: the table is not in the map yet.
    if (definition.streamViewType() != null && !tables.containsKey(definition.name())) {
      table.enableStream(streams.open(arn, definition.name(), definition.keySchema(),
          definition.streamViewType(), now));
    }
    if (tables.putIfAbsent(definition.name(), table) != null) {
      TableStream orphan = table.stream();
      if (orphan != null) {
        streams.forget(orphan);
      }
      throw new DynamoDbError.ResourceInUse("Table already exists: " + definition.name());
    }
    return table.describe(TableDescription.Status.ACTIVE);
  }

  /**
   * Describes a table.
   *
   * @throws DynamoDbError.ResourceNotFound when it does not exist
   */
  public TableDescription describeTable(String name) {
    return tableForTableOperation(name).describe(TableDescription.Status.ACTIVE);
  }

  /**
   * The key schema of a table, without describing it (which counts every item).
   *
   * @throws DynamoDbError.ResourceNotFound when it does not exist
   */
  public KeySchema keySchema(String name) {
    return activeTable(name).keySchema();
  }

  /** Table names in ascending order. */
  public List<String> tableNames() {
    List<String> names = new ArrayList<>(tables.keySet());
    names.sort(Utf8Order::compare);
    return names;
  }

  /**
   * Deletes a table and its items; its stream is disabled, and readable for 24 hours more.
   *
   * @throws DynamoDbError.ResourceNotFound when it does not exist
   * @throws DynamoDbError.Validation when deletion protection is on
   */
  public TableDescription deleteTable(String name) {
    Table table = tableForTableOperation(name);
    if (table.definition().deletionProtection()) {
      // The text AWS answers (aws-nuke matches it exactly); moto's, in the spec, differs.
      throw new DynamoDbError.Validation("Resource cannot be deleted as it is currently"
          + " protected against deletion. Disable deletion protection first.");
    }
    if (table.recovery() != null) {
      // Exclusive: no write may land between the SYSTEM backup and the removal.
      return exclusive(() -> {
        boolean present = tables.get(table.name()) == table;
        TableDescription description = remove(table);
        if (present) {
          backups().takeSystemBackup(table);
        }
        return description;
      });
    }
    return remove(table);
  }

  private TableDescription remove(Table table) {
    TableDescription description = table.describe(TableDescription.Status.DELETING);
    // By the table's own name: the request may name it by its ARN.
    if (tables.remove(table.definition().name(), table)) {
      table.disableStream(clock.instant());
    }
    return description;
  }

  /**
   * On-demand backups and point-in-time recovery of these tables: CreateBackup, DescribeBackup,
   * ListBackups, DeleteBackup, RestoreTableFromBackup, UpdateContinuousBackups,
   * DescribeContinuousBackups and RestoreTableToPointInTime.
   */
  public Backups backups() {
    Backups made = backups;
    if (made == null) {
      synchronized (this) {
        made = backups;
        if (made == null) {
          made = new Backups(this, clock);
          backups = made;
        }
      }
    }
    return made;
  }

  /**
   * Runs UpdateTable: the changes apply at once and the table stays ACTIVE; a new global
   * secondary index is filled from the table's items before this returns.
   *
   * @throws DynamoDbError.ResourceNotFound when the table does not exist
   */
  public TableDescription updateTable(UpdateTable.Request request) {
    lock.writeLock().lock();
    try {
      return UpdateTable.execute(tableForTableOperation(request.tableName()), request,
          clock.instant(), streams);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Adds or replaces tags on the table with that ARN (TagResource).
   *
   * @throws DynamoDbError.ResourceNotFound when no table has that ARN
   */
  public void tagResource(String tableArn, Map<String, String> tags) {
    Tags.tag(tableByArn(tableArn), tags);
  }

  /** Removes tags by key from the table with that ARN (UntagResource); absent keys are fine. */
  public void untagResource(String tableArn, java.util.Collection<String> keys) {
    Tags.untag(tableByArn(tableArn), keys);
  }

  /** The tags of the table with that ARN (ListTagsOfResource), in the order first set. */
  public Map<String, String> listTagsOfResource(String tableArn) {
    return Tags.list(tableByArn(tableArn));
  }

  // The three tag operations answer the same text (the ack-api-quirks catalogue, DDB-TABLE-104,
  // -372 and -446: AWS in 2026; dynalite's older "ResourcArn" and UntagResource's bare text are
  // no longer what AWS says).
  private Table tableByArn(String arn) {
    return tableByArn(arn, "Requested resource not found: ResourceArn: " + arn + " not found");
  }

  private Table tableByArn(String arn, String notFound) {
    TableArns.problem(arn).ifPresent(message -> {
      throw new DynamoDbError.Validation(message);
    });
    String name = TableArns.tableName(arn);
    Table table = tables.get(name);
    if (table == null || !table.arn().equals(arn)) {
      throw new DynamoDbError.ResourceNotFound(notFound);
    }
    return table;
  }

  /** Runs DeleteItem. */
  public DeleteItem.Result deleteItem(DeleteItem.Request request) {
    Table table = activeTable(request.tableName());
    return shared(() -> DeleteItem.execute(table, request));
  }

  /** Runs PutItem. */
  public PutItem.Result putItem(PutItem.Request request) {
    PutItem.checkSize(request.item()); // before the table: DynamoDB reports the size first
    Table table = activeTable(request.tableName());
    return shared(() -> PutItem.execute(table, request));
  }

  /** Runs UpdateItem. */
  public UpdateItem.Result updateItem(UpdateItem.Request request) {
    Table table = activeTable(request.tableName());
    return shared(() -> UpdateItem.execute(table, request));
  }

  /**
   * Runs PutItem, and makes the item it writes expire {@code timeToLive} from the clock's now
   * (MagnetoDB's per-item {@code time_to_live}): the TTL sweep deletes it then, as it deletes an
   * item whose TTL attribute has passed, unless the key was written again first.
   */
  public PutItem.Result putItem(PutItem.Request request, Duration timeToLive) {
    PutItem.checkSize(request.item());
    Table table = activeTable(request.tableName());
    Instant at = deadline(timeToLive);
    return shared(() -> PutItem.execute(table, request, at));
  }

  /** Runs UpdateItem; the updated item expires as {@link #putItem(PutItem.Request, Duration)}. */
  public UpdateItem.Result updateItem(UpdateItem.Request request, Duration timeToLive) {
    Table table = activeTable(request.tableName());
    Instant at = deadline(timeToLive);
    return shared(() -> UpdateItem.execute(table, request, at));
  }

  /** Now plus {@code timeToLive}; null (never) past the last instant a clock can show. */
  private Instant deadline(Duration timeToLive) {
    if (timeToLive.isNegative()) {
      throw new IllegalArgumentException("timeToLive is negative: " + timeToLive);
    }
    Instant now = clock.instant();
    if (timeToLive.compareTo(Duration.between(now, Instant.MAX)) >= 0) {
      return null;
    }
    return now.plus(timeToLive);
  }

  /** Runs GetItem. */
  public GetItem.Result getItem(GetItem.Request request) {
    Table table = activeTable(request.tableName());
    return shared(() -> GetItem.execute(table, request));
  }

  /** Runs one Scan page. */
  public Scan.Result scan(Scan.Request request) {
    Table table = activeTable(request.tableName());
    return shared(() -> Scan.execute(table, request));
  }

  /** Runs one Query page. */
  public Query.Result query(Query.Request request) {
    Table table = activeTable(request.tableName());
    return shared(() -> Query.execute(table, request));
  }

  /**
   * What CreateTable (and any UpdateTable since) defined, without describing the table.
   *
   * @throws DynamoDbError.ResourceNotFound when it does not exist
   */
  public TableDefinition tableDefinition(String nameOrArn) {
    return activeTable(nameOrArn).definition();
  }

  /** Runs BatchGetItem. */
  public BatchGetItem.Result batchGetItem(BatchGetItem.Request request) {
    return shared(() -> BatchGetItem.execute(this, request));
  }

  /** Runs TransactGetItems: every item read from one snapshot. */
  public TransactGetItems.Result transactGetItems(TransactGetItems.Request request) {
    lock.writeLock().lock();
    try {
      return TransactGetItems.execute(this, request);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs BatchWriteItem. */
  public BatchWriteItem.Result batchWriteItem(BatchWriteItem.Request request) {
    return shared(() -> BatchWriteItem.execute(this, request));
  }

  /** Runs TransactWriteItems: every condition holds and every write is applied, or none is. */
  public TransactWriteItems.Result transactWriteItems(TransactWriteItems.Request request) {
    lock.writeLock().lock();
    try {
      return tokens.run(request, () -> TransactWriteItems.execute(this, request));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Puts {@code item} into {@code tableName}, replacing any item with its key. */
  public void putItem(String tableName, Item item) {
    putItem(PutItem.Request.of(tableName, item));
  }

  /** The item with {@code key}, if any. */
  public Optional<Item> getItem(String tableName, Map<String, AttributeValue> key) {
    return getItem(GetItem.Request.of(tableName, key)).item();
  }

  /** Deletes the item with {@code key}; returns it if it existed. */
  public Optional<Item> deleteItem(String tableName, Map<String, AttributeValue> key) {
    return deleteItem(DeleteItem.Request.of(tableName, key).returningOldItem()).oldItem();
  }

  /** Every item of a table, in scan order. */
  public List<Item> items(String tableName) {
    Table table = activeTable(tableName);
    List<Item> items = new ArrayList<>();
    for (PrimaryKey key : table.sortedKeys()) {
      Item item = table.get(key);
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** Whether a table of that name exists. */
  public boolean hasTable(String name) {
    return tables.containsKey(name);
  }

  /** Drops every table, stream and backup. */
  public void reset() {
    lock.writeLock().lock();
    try {
      tables.clear();
      tokens.clear();
      streams.clear();
      Backups made = backups;
      if (made != null) {
        made.clear();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  // Time to live: the two operations, the sweep the emulator runs when time moves, its record.

  /**
   * Runs UpdateTimeToLive.
   *
   * @throws DynamoDbError.ResourceNotFound when the table does not exist
   * @throws DynamoDbError.Validation when DynamoDB would refuse the change
   */
  public UpdateTimeToLive.Result updateTimeToLive(UpdateTimeToLive.Request request) {
    Table table = tableForTableOperation(request.tableName());
    return UpdateTimeToLive.execute(table.timeToLive(), request, clock.instant());
  }

  /**
   * Runs DescribeTimeToLive.
   *
   * @throws DynamoDbError.ResourceNotFound when the table does not exist
   */
  public DescribeTimeToLive.Result describeTimeToLive(String tableName) {
    return DescribeTimeToLive.execute(tableForTableOperation(tableName).timeToLive());
  }

  /**
   * Deletes every item whose TTL has passed by the clock's current time, table by table in name
   * order. The emulator calls this when a manual clock moves and periodically otherwise; until
   * then expired items stay readable, as on DynamoDB.
   *
   * @return the items deleted by this sweep
   */
  public List<ExpiredItem> expireItems() {
    List<ExpiredItem> deleted = new ArrayList<>();
    for (String name : tableNames()) {
      Table table = tables.get(name);
      if (table != null) {
        deleted.addAll(shared(() -> table.timeToLive().sweep(table, clock.instant())));
      }
    }
    return deleted;
  }

  /**
   * The items TTL deleted from a table since it was created, oldest first.
   *
   * @throws DynamoDbError.ResourceNotFound when the table does not exist
   */
  public List<ExpiredItem> expiredItems(String tableName) {
    return tableForTableOperation(tableName).timeToLive().expired();
  }

  // DynamoDB Streams: the four reads of the streams that tables write.

  /**
   * ListStreams: the streams of a table (of every table when {@code tableName} is null), newest
   * first (by label, then by ARN), including disabled streams until 24 hours after they ended.
   */
  public List<StreamDescription> listStreams(String tableName) {
    return streams.list(tableName);
  }

  /**
   * DescribeStream.
   *
   * @throws DynamoDbError.ResourceNotFound when no stream has that ARN
   */
  public StreamDescription describeStream(String streamArn) {
    return streams.describe(streamArn);
  }

  /**
   * GetShardIterator: a position in the stream's shard, valid for 15 minutes on the clock.
   *
   * @param sequenceNumber for AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER, null otherwise
   * @throws DynamoDbError.ResourceNotFound when the stream or the shard does not exist
   * @throws DynamoDbError.TrimmedDataAccess when that record was trimmed
   * @throws DynamoDbError.Validation when the sequence number is missing, extra or not the
   *     shard's
   */
  public String getShardIterator(String streamArn, String shardId, ShardIteratorType type,
      String sequenceNumber) {
    return streams.iterator(streamArn, shardId, type, sequenceNumber);
  }

  /**
   * GetRecords: up to {@code limit} records from the iterator's position.
   *
   * @throws DynamoDbError.ExpiredIterator when the iterator is older than 15 minutes
   * @throws DynamoDbError.TrimmedDataAccess when records at its position were trimmed
   * @throws DynamoDbError.Validation when it is not an iterator the emulator handed out
   */
  public StreamRecords getRecords(String shardIterator, int limit) {
    return streams.records(shardIterator, limit);
  }

  /** The table an item operation addresses, by name or ARN. */
  Table activeTable(String nameOrArn) {
    Table table = tables.get(tableName(nameOrArn));
    if (table == null) {
      throw DynamoDbError.ResourceNotFound.item();
    }
    return table;
  }

  /** The table a backup operation addresses, by name or ARN. */
  Table tableForBackup(String nameOrArn) {
    String name = tableName(nameOrArn);
    Table table = tables.get(name);
    if (table == null) {
      throw new DynamoDbError.TableNotFound(name);
    }
    return table;
  }

  /**
   * Makes the restored table {@code definition} with {@code items}, ACTIVE at once.
   *
   * @throws DynamoDbError.Validation when the target name is not a table name
   * @throws DynamoDbError.TableAlreadyExists when a table of that name exists
   */
  TableDescription addRestored(TableDefinition definition, Collection<Item> items,
      RestoreSummary summary) {
    TableNameRules.tableNameError(definition.name()).ifPresent(message -> {
      throw new DynamoDbError.Validation(message);
    });
    String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + definition.name();
    Table table = new Table(definition, clock.instant(), arn, clock);
    for (Item item : items) {
      table.put(definition.keySchema().keyOfItem(item), item);
    }
    table.restoredFrom(summary);
    if (tables.putIfAbsent(definition.name(), table) != null) {
      throw new DynamoDbError.TableAlreadyExists(definition.name());
    }
    return table.describe(TableDescription.Status.ACTIVE);
  }

  /** Runs {@code operation} with every other operation on this state held off. */
  <T> T exclusive(Supplier<T> operation) {
    lock.writeLock().lock();
    try {
      return operation.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Table tableForTableOperation(String nameOrArn) {
    String name = tableName(nameOrArn);
    Table table = tables.get(name);
    if (table == null) {
      throw DynamoDbError.ResourceNotFound.table(name);
    }
    return table;
  }

  /**
   * The table name a request's {@code TableName} gives. An ARN of another region names no table
   * here: DynamoDB refuses it before looking the table up. (The account is not checked: the
   * emulator is one account whatever the credentials.)
   */
  String tableName(String nameOrArn) {
    String name = TableNames.fromNameOrArn(nameOrArn);
    if (!name.equals(nameOrArn)) {
      String[] parts = nameOrArn.split(":", 6);
      if (parts.length == 6 && !parts[3].equals(region)) {
        throw new DynamoDbError.Validation(
            "1 validation error detected: Invalid AWS region in '" + nameOrArn + "'");
      }
    }
    return name;
  }

  private <T> T shared(Supplier<T> operation) {
    lock.readLock().lock();
    try {
      return operation.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
