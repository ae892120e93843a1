package dev.tombstone.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * On-demand backups and point-in-time recovery of a namespace's tables, without HTTP: what
 * CreateBackup, ListBackups, RestoreTableFromBackup, UpdateContinuousBackups and
 * RestoreTableToPointInTime do.
 *
 * <pre>{@code
 * Backups backups = tombstone.dynamoDb().backups();
 * backups.updateContinuousBackups("orders", true, 35);
 * Instant beforeTheScript = clock.instant();
 * // ... the code under test deletes items, time moves on ...
 * backups.restoreTableToPointInTime("orders", "orders-restored",
 *     Optional.of(beforeTheScript), RestoreOverrides.NONE);
 * }</pre>
 *
 * <p>A restore makes a new table, ACTIVE at once, with the items, key schema, indexes and
 * billing of its source and a {@link RestoreSummary}; as on DynamoDB, stream, TTL, tags,
 * deletion protection and point-in-time recovery are not restored. Thread-safe.
 */
public final class Backups {
  /** How far LatestRestorableDateTime stays behind now, as DynamoDB keeps it. */
  public static final Duration RESTORABLE_LAG = Duration.ofMinutes(5);
  /** How long a SYSTEM backup of a deleted table lives. */
  static final Duration SYSTEM_BACKUP_RETENTION = Duration.ofDays(35);
  /** The recovery period DynamoDB uses when a request names none, and its maximum. */
  public static final int MAX_RECOVERY_PERIOD_DAYS = 35;
  /** What DynamoDB appends to a table name to name the SYSTEM backup of its deletion. */
  static final String DELETED_TABLE_BACKUP = "$DeletedTableBackup";

  private final DynamoDbState state;
  private final Clock clock;
  private final BackupRegistry registry = new BackupRegistry();

  Backups(DynamoDbState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  /**
   * CreateBackup: the table's items and settings now, as a USER backup.
   *
   * @throws DynamoDbError.TableNotFound when the table does not exist
   */
  public Backup createBackup(String tableNameOrArn, String backupName) {
    Table table = state.tableForBackup(tableNameOrArn);
    return state.exclusive(() -> take(table, backupName, Backup.Type.USER));
  }

  /**
   * DescribeBackup.
   *
   * @throws DynamoDbError.BackupNotFound when no live backup has that ARN
   */
  public Backup describeBackup(String backupArn) {
    return stored(backupArn).backup();
  }

  /**
   * ListBackups, before paging: the live backups, oldest first (by creation time to the
   * millisecond, then by ARN).
   *
   * @param tableNameOrArn only the backups of this table; null for every table's
   * @param createdFrom only backups created at or after it; null for no lower bound
   * @param createdBefore only backups created before it; null for no upper bound
   * @param types the backup types to list
   */
  public List<Backup> listBackups(String tableNameOrArn, Instant createdFrom,
      Instant createdBefore, Set<Backup.Type> types) {
    String tableName = tableNameOrArn == null ? null : state.tableName(tableNameOrArn);
    return registry.list(clock.instant(), backup ->
        (tableName == null || backup.sourceTable().definition().name().equals(tableName))
            && (createdFrom == null || !backup.createdAt().isBefore(createdFrom))
            && (createdBefore == null || backup.createdAt().isBefore(createdBefore))
            && types.contains(backup.type()));
  }

  /**
   * DeleteBackup.
   *
   * @throws DynamoDbError.BackupNotFound when no live backup has that ARN
   */
  public Backup deleteBackup(String backupArn) {
    BackupRegistry.Stored removed = registry.remove(backupArn, clock.instant());
    if (removed == null) {
      throw new DynamoDbError.BackupNotFound(backupArn);
    }
    return removed.backup();
  }

  /**
   * RestoreTableFromBackup: a new table with the backup's items and settings.
   *
   * @throws DynamoDbError.BackupNotFound when no live backup has that ARN
   * @throws DynamoDbError.TableAlreadyExists when the target table exists
   * @throws DynamoDbError.Validation when the overrides do not fit the billing mode
   */
  public TableDescription restoreTableFromBackup(String backupArn, String targetTableName,
      RestoreOverrides overrides) {
    BackupRegistry.Stored stored = stored(backupArn);
    checkTargetFree(targetTableName);
    Backup backup = stored.backup();
    TableDefinition definition =
        overrides.apply(backup.sourceTable().definition(), targetTableName);
    return state.addRestored(definition, stored.items(), new RestoreSummary(
        Optional.of(backup.arn()), backup.sourceTable().arn(), backup.createdAt()));
  }

  /**
   * UpdateContinuousBackups: turns point-in-time recovery on (or changes its period) or off.
   * Turning it on starts the restorable window now; turning it off forgets the window. A longer
   * period does not bring back what a shorter one had dropped.
   *
   * @throws DynamoDbError.TableNotFound when the table does not exist
   */
  public ContinuousBackups updateContinuousBackups(String tableNameOrArn, boolean enabled,
      int recoveryPeriodInDays) {
    Table table = state.tableForBackup(tableNameOrArn);
    return state.exclusive(() -> {
      RecoveryLog log = table.recovery();
      if (!enabled) {
        table.recovery(null);
      } else if (log == null) {
        table.recovery(new RecoveryLog(clock.instant(), Duration.ofDays(recoveryPeriodInDays)));
      } else {
        log.period(Duration.ofDays(recoveryPeriodInDays), clock.instant());
      }
      return describe(table);
    });
  }

  /**
   * DescribeContinuousBackups.
   *
   * @throws DynamoDbError.TableNotFound when the table does not exist
   */
  public ContinuousBackups describeContinuousBackups(String tableNameOrArn) {
    return describe(state.tableForBackup(tableNameOrArn));
  }

  /**
   * RestoreTableToPointInTime: a new table with the source's items as they were at {@code
   * time} (at LatestRestorableDateTime when empty) and the source's current settings.
   *
   * @throws DynamoDbError.TableNotFound when the source table does not exist
   * @throws DynamoDbError.TableAlreadyExists when the target table exists
   * @throws DynamoDbError.PointInTimeRecoveryUnavailable when the source's recovery is off
   * @throws DynamoDbError.InvalidRestoreTime when {@code time} is outside the window
   */
  public TableDescription restoreTableToPointInTime(String sourceTableNameOrArn,
      String targetTableName, Optional<Instant> time, RestoreOverrides overrides) {
    Table source = state.tableForBackup(sourceTableNameOrArn);
    checkTargetFree(targetTableName);
    return state.exclusive(() -> {
      RecoveryLog log = recoveryLog(source);
      Instant now = clock.instant();
      Instant latest = log.latestRestorable(now, RESTORABLE_LAG);
      Instant at = time.orElse(latest);
      if (at.isBefore(log.earliestRestorable(now)) || at.isAfter(latest)) {
        throw new DynamoDbError.InvalidRestoreTime();
      }
      TableDefinition definition = overrides.apply(source.definition(), targetTableName);
      Map<PrimaryKey, Item> items = source.snapshot();
      log.undoAfter(at, items);
      return state.addRestored(definition, items.values(),
          new RestoreSummary(Optional.empty(), source.arn(), at));
    });
  }

  /**
   * The table's items as they were at {@code time}, in scan order: what ExportTableToPointInTime
   * writes. Writes at {@code time} are included, later changes undone, as for a restore; unlike
   * a restore, any time from EarliestRestorableDateTime up to now may be named.
   *
   * @throws DynamoDbError.TableNotFound when the table does not exist
   * @throws DynamoDbError.PointInTimeRecoveryUnavailable when the table's recovery is off
   * @throws IllegalArgumentException when {@code time} is before EarliestRestorableDateTime or
   *     after now
   */
  public List<Item> itemsAt(String tableNameOrArn, Instant time) {
    Table table = state.tableForBackup(tableNameOrArn);
    return state.exclusive(() -> {
      RecoveryLog log = recoveryLog(table);
      Instant now = clock.instant();
      if (time.isBefore(log.earliestRestorable(now)) || time.isAfter(now)) {
        throw new IllegalArgumentException(time + " is outside the recovery window");
      }
      Map<PrimaryKey, Item> items = table.snapshot();
      log.undoAfter(time, items);
      List<Item> ordered = new ArrayList<>(items.size());
      for (PrimaryKey key : new TreeSet<>(items.keySet())) {
        ordered.add(items.get(key));
      }
      return ordered;
    });
  }

  /**
   * The items of {@link #itemsAt(String, Instant)} whose primary key {@code keyCondition}
   * selects, in scan order: what an export filtered by a KeyConditionExpression reads. The
   * condition is held against the table's key schema as a Query of the table holds it, with
   * Query's messages; so is {@code filter} (null for none), which may then name no key
   * attribute. The filter is only checked here: the caller keeps the items it matches.
   *
   * @throws DynamoDbError.Validation when the condition or the filter does not fit the key
   * @see #itemsAt(String, Instant)
   */
  public List<Item> itemsAt(String tableNameOrArn, Instant time, KeyCondition keyCondition,
      ItemCondition filter) {
    return inKeyRange(tableNameOrArn, keyCondition, filter, () -> itemsAt(tableNameOrArn, time),
        item -> item);
  }

  /**
   * The items changed from {@code from} (inclusive) to {@code to} (exclusive), in scan order:
   * what an incremental ExportTableToPointInTime writes. Each has its item just before {@code
   * from}, its item just before {@code to} and the time of its last change in the window; an item
   * created and deleted inside the window is left out, as DynamoDB leaves it out.
   *
   * @throws DynamoDbError.TableNotFound when the table does not exist
   * @throws DynamoDbError.PointInTimeRecoveryUnavailable when the table's recovery is off
   * @throws IllegalArgumentException when {@code from} is before EarliestRestorableDateTime,
   *     {@code to} after now, or {@code to} not after {@code from}
   */
  public List<ItemChange> changesBetween(String tableNameOrArn, Instant from, Instant to) {
    Table table = state.tableForBackup(tableNameOrArn);
    return state.exclusive(() -> {
      RecoveryLog log = recoveryLog(table);
      Instant now = clock.instant();
      if (from.isBefore(log.earliestRestorable(now)) || to.isAfter(now) || !to.isAfter(from)) {
        throw new IllegalArgumentException(from + ".." + to + " is outside the recovery window");
      }
      return ItemChanges.of(table.keySchema(), log.changedIn(from, to, table.snapshot()));
    });
  }

  /**
   * The changes of {@link #changesBetween(String, Instant, Instant)} whose primary key {@code
   * keyCondition} selects, checked against the key schema as {@link #itemsAt(String, Instant,
   * KeyCondition, ItemCondition)} checks it; {@code filter} (null for none) is only checked.
   */
  public List<ItemChange> changesBetween(String tableNameOrArn, Instant from, Instant to,
      KeyCondition keyCondition, ItemCondition filter) {
    return inKeyRange(tableNameOrArn, keyCondition, filter,
        () -> changesBetween(tableNameOrArn, from, to), ItemChange::keys);
  }

  /**
   * Those of {@code all} whose primary key ({@code key} of each) {@code keyCondition} selects,
   * the condition and {@code filter} first checked against the key schema as a Query checks
   * them, before anything is read.
   */
  private <T> List<T> inKeyRange(String tableNameOrArn, KeyCondition keyCondition,
      ItemCondition filter, Supplier<List<T>> all, Function<T, Item> key) {
    KeySchema schema = state.tableForBackup(tableNameOrArn).keySchema();
    KeyRange range = KeyRange.of(schema, keyCondition);
    QueryRun.checkFilter(schema, filter, false);
    List<T> selected = new ArrayList<>();
    for (T each : all.get()) {
      PrimaryKey primaryKey = schema.keyOfItem(key.apply(each));
      if (range.holds(primaryKey.partition(), primaryKey.sort())) {
        selected.add(each);
      }
    }
    return selected;
  }

  /** The table's point-in-time recovery history; the caller locks. */
  private static RecoveryLog recoveryLog(Table table) {
    RecoveryLog log = table.recovery();
    if (log == null) {
      throw new DynamoDbError.PointInTimeRecoveryUnavailable(table.name());
    }
    return log;
  }

  /** The SYSTEM backup DeleteTable leaves of a table with recovery on; the caller locks. */
  void takeSystemBackup(Table table) {
    take(table, table.name() + DELETED_TABLE_BACKUP, Backup.Type.SYSTEM);
  }

  void clear() {
    registry.clear();
  }

  private Backup take(Table table, String name, Backup.Type type) {
    Instant now = clock.instant();
    Collection<Item> items = table.snapshot().values();
    TableDescription description = table.describe(TableDescription.Status.ACTIVE);
    Optional<Instant> expiry = type == Backup.Type.SYSTEM
        ? Optional.of(now.plus(SYSTEM_BACKUP_RETENTION)) : Optional.empty();
    Backup backup = new Backup(arn(table.arn(), now), name, type, now, expiry,
        description.sizeInBytes(), description, DescribeTimeToLive.execute(table.timeToLive()));
    registry.add(backup, new ArrayList<>(items));
    return backup;
  }

  private ContinuousBackups describe(Table table) {
    RecoveryLog log = table.recovery();
    if (log == null) {
      return ContinuousBackups.DISABLED;
    }
    Instant now = clock.instant();
    return new ContinuousBackups(true, log.periodInDays(),
        Optional.of(log.earliestRestorable(now)),
        Optional.of(log.latestRestorable(now, RESTORABLE_LAG)));
  }

  private BackupRegistry.Stored stored(String backupArn) {
    BackupRegistry.Stored stored = registry.find(backupArn, clock.instant());
    if (stored == null) {
      throw new DynamoDbError.BackupNotFound(backupArn);
    }
    return stored;
  }

  private void checkTargetFree(String targetTableName) {
    if (state.hasTable(targetTableName)) {
      throw new DynamoDbError.TableAlreadyExists(targetTableName);
    }
  }

  // DynamoDB's shape: the creation time in milliseconds on 14 digits, then 8 hex digits.
  private static String arn(String tableArn, Instant createdAt) {
    return String.format("%s/backup/%014d-%08x", tableArn, createdAt.toEpochMilli(),
        ThreadLocalRandom.current().nextInt());
  }
}
