package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Backup;
import dev.tombstone.dynamodb.DescribeTimeToLive;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import java.io.IOException;
import java.util.List;

/**
 * Writes backups in the 2012-08-10 shapes: {@code BackupDetails}, {@code BackupDescription} and
 * ListBackups' {@code BackupSummary}. A backup is complete at once here, so AVAILABLE until
 * DeleteBackup answers it as DELETED.
 */
final class BackupDescriptions {
  static final String AVAILABLE = "AVAILABLE";
  static final String DELETED = "DELETED";

  private BackupDescriptions() {}

  /** {@code BackupDetails}: what CreateBackup answers and every description starts with. */
  static void details(JsonWriter json, Backup backup, String status) throws IOException {
    json.writeObjectFieldStart("BackupDetails");
    json.writeStringField("BackupArn", backup.arn());
    json.writeStringField("BackupName", backup.name());
    json.writeNumberField("BackupSizeBytes", backup.sizeInBytes());
    json.writeStringField("BackupStatus", status);
    json.writeStringField("BackupType", backup.type().name());
    json.writeNumberField("BackupCreationDateTime",
        TableDescriptions.epochSeconds(backup.createdAt()));
    if (backup.expiresAt().isPresent()) {
      json.writeNumberField("BackupExpiryDateTime",
          TableDescriptions.epochSeconds(backup.expiresAt().get()));
    }
    json.writeEndObject();
  }

  /** {@code BackupDescription}: the details, the source table and its features. */
  static void description(JsonWriter json, Backup backup, String status) throws IOException {
    json.writeObjectFieldStart("BackupDescription");
    details(json, backup, status);
    sourceTable(json, backup.sourceTable());
    features(json, backup);
    json.writeEndObject();
  }

  /** One {@code BackupSummary} object of ListBackups. */
  static void summary(JsonWriter json, Backup backup) throws IOException {
    TableDescription table = backup.sourceTable();
    json.writeStartObject();
    json.writeStringField("TableName", table.definition().name());
    json.writeStringField("TableId", table.tableId().toString());
    json.writeStringField("TableArn", table.arn());
    json.writeStringField("BackupArn", backup.arn());
    json.writeStringField("BackupName", backup.name());
    json.writeNumberField("BackupCreationDateTime",
        TableDescriptions.epochSeconds(backup.createdAt()));
    if (backup.expiresAt().isPresent()) {
      json.writeNumberField("BackupExpiryDateTime",
          TableDescriptions.epochSeconds(backup.expiresAt().get()));
    }
    json.writeStringField("BackupStatus", AVAILABLE);
    json.writeStringField("BackupType", backup.type().name());
    json.writeNumberField("BackupSizeBytes", backup.sizeInBytes());
    json.writeEndObject();
  }

  private static void sourceTable(JsonWriter json, TableDescription table) throws IOException {
    TableDefinition definition = table.definition();
    json.writeObjectFieldStart("SourceTableDetails");
    json.writeStringField("TableName", definition.name());
    json.writeStringField("TableId", table.tableId().toString());
    json.writeStringField("TableArn", table.arn());
    json.writeNumberField("TableSizeBytes", table.sizeInBytes());
    TableDescriptions.keySchema(json, definition.keySchema());
    json.writeNumberField("TableCreationDateTime",
        TableDescriptions.epochSeconds(table.createdAt()));
    json.writeObjectFieldStart("ProvisionedThroughput");
    json.writeNumberField("ReadCapacityUnits", definition.readCapacityUnits());
    json.writeNumberField("WriteCapacityUnits", definition.writeCapacityUnits());
    json.writeEndObject();
    json.writeNumberField("ItemCount", table.itemCount());
    json.writeStringField("BillingMode", definition.billingMode().name());
    json.writeEndObject();
  }

  private static void features(JsonWriter json, Backup backup) throws IOException {
    TableDefinition definition = backup.sourceTable().definition();
    json.writeObjectFieldStart("SourceTableFeatureDetails");
    indexes(json, "LocalSecondaryIndexes", definition.localSecondaryIndexes(), false);
    indexes(json, "GlobalSecondaryIndexes", definition.globalSecondaryIndexes(), true);
    if (definition.streamViewType() != null) {
      json.writeObjectFieldStart("StreamDescription");
      json.writeBooleanField("StreamEnabled", true);
      json.writeStringField("StreamViewType", definition.streamViewType().name());
      json.writeEndObject();
    }
    DescribeTimeToLive.Result ttl = backup.timeToLive();
    json.writeObjectFieldStart("TimeToLiveDescription");
    json.writeStringField("TimeToLiveStatus", ttl.status().name());
    if (ttl.attributeName().isPresent()) {
      json.writeStringField("AttributeName", ttl.attributeName().get());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void indexes(JsonWriter json, String field,
      List<TableDefinition.IndexDefinition> indexes, boolean global) throws IOException {
    if (indexes.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart(field);
    for (TableDefinition.IndexDefinition index : indexes) {
      json.writeStartObject();
      json.writeStringField("IndexName", index.name());
      TableDescriptions.keySchema(json, index.keySchema());
      TableDescriptions.projection(json, index);
      if (global) {
        json.writeObjectFieldStart("ProvisionedThroughput");
        json.writeNumberField("ReadCapacityUnits", index.readCapacityUnits());
        json.writeNumberField("WriteCapacityUnits", index.writeCapacityUnits());
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
