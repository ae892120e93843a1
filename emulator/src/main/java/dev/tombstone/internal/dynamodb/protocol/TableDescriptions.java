package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.RestoreSummary;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Writes a {@code TableDescription} in the 2012-08-10 shape. */
final class TableDescriptions {
  private TableDescriptions() {}

  static byte[] write(String field, TableDescription description) throws IOException {
    return write(field, description, Set.of(), null);
  }

  /** The description with its {@code SSEDescription}, or none when {@code sse} is null. */
  static byte[] write(String field, TableDescription description,
      SseSpecifications.Described sse) throws IOException {
    return write(field, description, Set.of(), sse);
  }

  /**
   * The description with the global indexes named in {@code deleting} as DELETING, and its
   * {@code SSEDescription} unless {@code sse} is null.
   */
  static byte[] write(String field, TableDescription description, Set<String> deleting,
      SseSpecifications.Described sse) throws IOException {
    return write(field, description, deleting, sse, null);
  }

  /**
   * As {@link #write(String, TableDescription, Set, SseSpecifications.Described)}, with the
   * {@code OnDemandThroughput} of the table and its global indexes that {@code onDemand} shows
   * (none for null).
   */
  static byte[] write(String field, TableDescription description, Set<String> deleting,
      SseSpecifications.Described sse, OnDemandThroughputs.Shown onDemand)
      throws IOException {
    return write(field, description, deleting, sse, onDemand, VectorIndexDescriptions.NONE);
  }

  /** As above, with the table's vector indexes and their search schemas' definitions. */
  static byte[] write(String field, TableDescription description, Set<String> deleting,
      SseSpecifications.Described sse, OnDemandThroughputs.Shown onDemand,
      VectorIndexDescriptions vectors) throws IOException {
    return write(field, description, deleting, sse, onDemand, vectors,
        ThroughputChangeDates.Described.NONE);
  }

  /**
   * As above, with the dates of the last provisioned throughput increase and decrease, and the
   * decreases today, of the table and its global indexes.
   */
  static byte[] write(String field, TableDescription description, Set<String> deleting,
      SseSpecifications.Described sse, OnDemandThroughputs.Shown onDemand,
      VectorIndexDescriptions vectors, ThroughputChangeDates.Described changes)
      throws IOException {
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeFieldName(field);
    write(json, description, deleting, sse, onDemand, vectors, changes);
    json.writeEndObject();
    return out.finish();
  }

  private static void write(JsonWriter json, TableDescription description,
      Set<String> deleting, SseSpecifications.Described sse,
      OnDemandThroughputs.Shown shown, VectorIndexDescriptions vectors,
      ThroughputChangeDates.Described changes) throws IOException {
    OnDemandThroughputs.Shown onDemand = shown == null ? OnDemandThroughputs.Shown.NONE : shown;
    TableDefinition definition = description.definition();
    json.writeStartObject();
    json.writeArrayFieldStart("AttributeDefinitions");
    // By name, whatever order the request gave: DynamoDB answers [externalId, id] to [id,
    // externalId] (aws-controllers-k8s/community#1599), [title, year] to [year, title] (a 2021
    // recording in smithy-rs's DynamoDB integration tests), [gsipk, pk] to [pk, gsipk]
    // (go-to-k/cdkd#1760, 2026).
    Map<String, AttributeType> definitions = new TreeMap<>(definition.attributeDefinitions());
    vectors.addDefinitions(definitions);
    for (Map.Entry<String, AttributeType> e : definitions.entrySet()) {
      json.writeStartObject();
      json.writeStringField("AttributeName", e.getKey());
      json.writeStringField("AttributeType", e.getValue().name());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("TableName", definition.name());
    keySchema(json, definition.keySchema());
    json.writeStringField("TableStatus", description.status().name());
    json.writeNumberField("CreationDateTime", epochSeconds(description));
    throughput(json, definition.readCapacityUnits(), definition.writeCapacityUnits(),
        changes.table());
    json.writeNumberField("TableSizeBytes", description.sizeInBytes());
    json.writeNumberField("ItemCount", description.itemCount());
    json.writeStringField("TableArn", description.arn());
    json.writeStringField("TableId", description.tableId().toString());
    billingModeSummary(json, description);
    indexes(json, "LocalSecondaryIndexes", definition.localSecondaryIndexes(), description, false,
        Set.of(), Map.of(), changes);
    indexes(json, "GlobalSecondaryIndexes", definition.globalSecondaryIndexes(), description,
        true, deleting, onDemand.indexes(), changes);
    vectors.write(json, description);
    if (definition.streamViewType() != null) {
      json.writeObjectFieldStart("StreamSpecification");
      json.writeBooleanField("StreamEnabled", true);
      json.writeStringField("StreamViewType", definition.streamViewType().name());
      json.writeEndObject();
    }
    // A disabled stream stays the latest until another is enabled.
    if (description.latestStreamArn().isPresent()) {
      json.writeStringField("LatestStreamLabel", description.latestStreamLabel().orElseThrow());
      json.writeStringField("LatestStreamArn", description.latestStreamArn().get());
    }
    json.writeBooleanField("DeletionProtectionEnabled", definition.deletionProtection());
    tableClassSummary(json, description);
    WarmThroughputs.write(json, definition.warmThroughput());
    OnDemandThroughputs.write(json, onDemand.table());
    if (description.restoreSummary().isPresent()) {
      RestoreSummary restore = description.restoreSummary().get();
      json.writeObjectFieldStart("RestoreSummary");
      if (restore.sourceBackupArn().isPresent()) {
        json.writeStringField("SourceBackupArn", restore.sourceBackupArn().get());
      }
      json.writeStringField("SourceTableArn", restore.sourceTableArn());
      json.writeNumberField("RestoreDateTime", epochSeconds(restore.restoredTo()));
      json.writeBooleanField("RestoreInProgress", false);
      json.writeEndObject();
    }
    SseSpecifications.write(json, sse);
    json.writeEndObject();
  }

  /**
   * {@code TableClassSummary}: absent for a table never given a class, as DynamoDB leaves it out
   * then; {@code LastUpdateDateTime} only once UpdateTable changed the class.
   */
  private static void tableClassSummary(JsonWriter json, TableDescription description)
      throws IOException {
    TableDefinition.TableClass tableClass = description.definition().tableClass();
    if (tableClass == null) {
      return;
    }
    json.writeObjectFieldStart("TableClassSummary");
    json.writeStringField("TableClass", tableClass.name());
    if (description.tableClassUpdatedAt().isPresent()) {
      json.writeNumberField("LastUpdateDateTime",
          epochSeconds(description.tableClassUpdatedAt().get()));
    }
    json.writeEndObject();
  }

  /**
   * DeleteTable's answer, in its documented shape: no key schema, attribute definitions,
   * creation time or indexes, only what identifies the table and what it held.
   */
  static byte[] writeDeleted(TableDescription description,
      ThroughputChangeDates.Described changes) throws IOException {
    TableDefinition definition = description.definition();
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeObjectFieldStart("TableDescription");
    json.writeStringField("TableName", definition.name());
    json.writeStringField("TableStatus", description.status().name());
    throughput(json, definition.readCapacityUnits(), definition.writeCapacityUnits(),
        changes.table());
    json.writeNumberField("TableSizeBytes", description.sizeInBytes());
    json.writeNumberField("ItemCount", description.itemCount());
    json.writeStringField("TableArn", description.arn());
    json.writeStringField("TableId", description.tableId().toString());
    // With the date, as DescribeTable answers it (ScyllaDB's AWS-run test_table.py,
    // test_delete_table_description).
    billingModeSummary(json, description);
    json.writeEndObject();
    json.writeEndObject();
    return out.finish();
  }

  /**
   * A table that ever was on demand has the summary, with its current mode, also after a switch
   * to PROVISIONED.
   */
  private static void billingModeSummary(JsonWriter json, TableDescription description)
      throws IOException {
    if (description.lastUpdateToPayPerRequest().isPresent()) {
      json.writeObjectFieldStart("BillingModeSummary");
      json.writeStringField("BillingMode", description.definition().billingMode().name());
      json.writeNumberField("LastUpdateToPayPerRequestDateTime",
          epochSeconds(description.lastUpdateToPayPerRequest().get()));
      json.writeEndObject();
    }
  }

  /** An index's {@code Projection}: its type and, when it has any, its non-key attributes. */
  static void projection(JsonWriter json, TableDefinition.IndexDefinition index)
      throws IOException {
    projection(json, index.projectionType(), index.nonKeyAttributes());
  }

  /** A {@code Projection} of {@code type}, listing {@code nonKeyAttributes} when there are any. */
  static void projection(JsonWriter json, String type, List<String> nonKeyAttributes)
      throws IOException {
    json.writeObjectFieldStart("Projection");
    json.writeStringField("ProjectionType", type);
    if (!nonKeyAttributes.isEmpty()) {
      json.writeArrayFieldStart("NonKeyAttributes");
      for (String name : nonKeyAttributes) {
        json.writeString(name);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** Writes {@code KeySchema}: the partition attributes, then the sort attributes, in order. */
  static void keySchema(JsonWriter json, KeySchema schema) throws IOException {
    json.writeArrayFieldStart("KeySchema");
    for (dev.tombstone.dynamodb.KeyAttribute key : schema.partitionKeys()) {
      keyElement(json, key.name(), "HASH");
    }
    for (dev.tombstone.dynamodb.KeyAttribute key : schema.sortKeys()) {
      keyElement(json, key.name(), "RANGE");
    }
    json.writeEndArray();
  }

  private static void keyElement(JsonWriter json, String name, String keyType)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("AttributeName", name);
    json.writeStringField("KeyType", keyType);
    json.writeEndObject();
  }

  /**
   * A {@code ProvisionedThroughputDescription}: the last increase and decrease once there were
   * any (kept across a switch to on demand, whose units are 0), the decreases made on the
   * current UTC day, the units.
   */
  static void throughput(JsonWriter json, long read, long write,
      ThroughputChangeDates.Shown changes) throws IOException {
    json.writeObjectFieldStart("ProvisionedThroughput");
    if (changes.lastDecrease() != null) {
      json.writeNumberField("LastDecreaseDateTime", epochSeconds(changes.lastDecrease()));
    }
    if (changes.lastIncrease() != null) {
      json.writeNumberField("LastIncreaseDateTime", epochSeconds(changes.lastIncrease()));
    }
    json.writeNumberField("NumberOfDecreasesToday", changes.decreasesToday());
    json.writeNumberField("ReadCapacityUnits", read);
    json.writeNumberField("WriteCapacityUnits", write);
    json.writeEndObject();
  }

  private static void indexes(
      JsonWriter json,
      String field,
      List<TableDefinition.IndexDefinition> indexes,
      TableDescription table,
      boolean global,
      Set<String> deleting,
      Map<String, TableAttachments.OnDemandLimits> onDemand,
      ThroughputChangeDates.Described changes)
      throws IOException {
    if (indexes.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart(field);
    for (TableDefinition.IndexDefinition index : indexes) {
      json.writeStartObject();
      json.writeStringField("IndexName", index.name());
      keySchema(json, index.keySchema());
      projection(json, index);
      if (global) {
        json.writeStringField("IndexStatus",
            deleting.contains(index.name()) ? "DELETING" : "ACTIVE");
        throughput(json, index.readCapacityUnits(), index.writeCapacityUnits(),
            changes.index(index.name()));
        WarmThroughputs.write(json, index.warmThroughput());
        OnDemandThroughputs.write(json, onDemand.get(index.name()));
      }
      TableDescription.IndexStatistics statistics = table.index(index.name());
      json.writeNumberField("IndexSizeBytes", statistics.sizeInBytes());
      json.writeNumberField("ItemCount", statistics.itemCount());
      json.writeStringField("IndexArn", table.arn() + "/index/" + index.name());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static BigDecimal epochSeconds(TableDescription description) {
    return epochSeconds(description.createdAt());
  }

  /** A timestamp as the JSON protocol writes it: epoch seconds with milliseconds. */
  static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }
}
