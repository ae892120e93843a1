package dev.tombstone.dynamodb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An on-demand backup of a table, as DescribeBackup and ListBackups report it. Immutable: the
 * items it holds stay in the emulator and come back only through a restore.
 *
 * <pre>{@code
 * Backup backup = tombstone.dynamoDb().backups().createBackup("orders", "before-migration");
 * backup.arn();
 * // arn:aws:dynamodb:us-east-1:000000000000:table/orders/backup/01767225600000-1a2b3c4d
 * }</pre>
 *
 * @param expiresAt when a {@link Type#SYSTEM} backup expires; empty for a {@link Type#USER} one
 * @param sizeInBytes the sum of the DynamoDB sizes of the items it holds
 * @param sourceTable the table when the backup was taken: definition, identity and figures
 * @param timeToLive the table's TTL setting when the backup was taken
 */
public record Backup(
    String arn,
    String name,
    Type type,
    Instant createdAt,
    Optional<Instant> expiresAt,
    long sizeInBytes,
    TableDescription sourceTable,
    DescribeTimeToLive.Result timeToLive) {

  public Backup {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(sourceTable, "sourceTable");
    Objects.requireNonNull(timeToLive, "timeToLive");
  }

  /**
   * Who made a backup: CreateBackup ({@code USER}) or DeleteTable with PITR on ({@code SYSTEM}).
   */
  public enum Type {
    USER,
    SYSTEM
  }
}
