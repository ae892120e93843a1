package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.internal.dynamodb.TableImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes imports in the 2012-08-10 shapes: {@code ImportTableDescription} and ListImports'
 * {@code ImportSummary}. An import ends within its request here, so it is described COMPLETED
 * (or FAILED), with its EndTime and counts, from the first answer on.
 */
final class ImportDescriptions {
  private ImportDescriptions() {}

  /** {@code {"ImportTableDescription": {...}}}: what ImportTable and DescribeImport answer. */
  static byte[] answer(TableImport made) {
    JsonWriter json = JsonWriter.take();
    json.writeStartObject();
    json.writeObjectFieldStart("ImportTableDescription");
    json.writeStringField("ImportArn", made.arn());
    json.writeStringField("ImportStatus", made.status());
    json.writeStringField("TableArn", made.tableArn());
    json.writeStringField("TableId", made.tableId());
    json.writeStringField("ClientToken", made.clientToken());
    source(json, made);
    json.writeNumberField("ErrorCount", made.counts().errors());
    json.writeStringField("CloudWatchLogGroupArn", logGroup(made));
    json.writeStringField("InputFormat", made.inputFormat());
    made.csv().ifPresent(csv -> {
      json.writeObjectFieldStart("InputFormatOptions");
      json.writeObjectFieldStart("Csv");
      csv.delimiter().ifPresent(d -> json.writeStringField("Delimiter", d));
      csv.headers().ifPresent(headers -> {
        json.writeArrayFieldStart("HeaderList");
        headers.forEach(json::writeString);
        json.writeEndArray();
      });
      json.writeEndObject();
      json.writeEndObject();
    });
    json.writeStringField("InputCompressionType", made.compression());
    tableCreationParameters(json, made.table(), made.settings());
    json.writeNumberField("StartTime", TableDescriptions.epochSeconds(made.startTime()));
    json.writeNumberField("EndTime", TableDescriptions.epochSeconds(made.startTime()));
    json.writeNumberField("ProcessedSizeBytes", made.counts().processedSizeBytes());
    json.writeNumberField("ProcessedItemCount", made.counts().processedItems());
    json.writeNumberField("ImportedItemCount", made.counts().importedItems());
    made.failure().ifPresent(failure -> {
      json.writeStringField("FailureCode", failure.code());
      json.writeStringField("FailureMessage", failure.message());
    });
    json.writeEndObject();
    json.writeEndObject();
    return json.toByteArray();
  }

  /** One {@code ImportSummary} of ListImports. */
  static void summary(JsonWriter json, TableImport made) {
    json.writeStartObject();
    json.writeStringField("ImportArn", made.arn());
    json.writeStringField("ImportStatus", made.status());
    json.writeStringField("TableArn", made.tableArn());
    source(json, made);
    json.writeStringField("CloudWatchLogGroupArn", logGroup(made));
    json.writeStringField("InputFormat", made.inputFormat());
    json.writeNumberField("StartTime", TableDescriptions.epochSeconds(made.startTime()));
    json.writeNumberField("EndTime", TableDescriptions.epochSeconds(made.startTime()));
    json.writeEndObject();
  }

  private static void source(JsonWriter json, TableImport made) {
    json.writeObjectFieldStart("S3BucketSource");
    json.writeStringField("S3Bucket", made.source().bucket());
    made.source().keyPrefix().ifPresent(prefix -> json.writeStringField("S3KeyPrefix", prefix));
    made.source().owner().ifPresent(owner -> json.writeStringField("S3BucketOwner", owner));
    json.writeEndObject();
  }

  // The log group DynamoDB writes import errors to, in the table's region and account.
  private static String logGroup(TableImport made) {
    String[] arn = made.tableArn().split(":", 6);
    return "arn:aws:logs:" + arn[3] + ":" + arn[4] + ":log-group:/aws-dynamodb/imports:*";
  }

  /**
   * {@code TableCreationParameters} as the import asked: the definition, and the on-demand
   * limits and the encryption as sent.
   */
  private static void tableCreationParameters(JsonWriter json, TableDefinition table,
      TableImport.Settings settings) {
    json.writeObjectFieldStart("TableCreationParameters");
    json.writeStringField("TableName", table.name());
    json.writeArrayFieldStart("AttributeDefinitions");
    for (Map.Entry<String, AttributeType> e : table.attributeDefinitions().entrySet()) {
      json.writeStartObject();
      json.writeStringField("AttributeName", e.getKey());
      json.writeStringField("AttributeType", e.getValue().name());
      json.writeEndObject();
    }
    json.writeEndArray();
    try {
      TableDescriptions.keySchema(json, table.keySchema());
      json.writeStringField("BillingMode", table.billingMode().name());
      if (table.billingMode() == TableDefinition.BillingMode.PROVISIONED) {
        json.writeObjectFieldStart("ProvisionedThroughput");
        json.writeNumberField("ReadCapacityUnits", table.readCapacityUnits());
        json.writeNumberField("WriteCapacityUnits", table.writeCapacityUnits());
        json.writeEndObject();
      }
      OnDemandThroughputs.write(json, settings.onDemand().orElse(null));
      settings.encryption().ifPresent(sse -> encryption(json, sse));
      if (!table.globalSecondaryIndexes().isEmpty()) {
        json.writeArrayFieldStart("GlobalSecondaryIndexes");
        for (TableDefinition.IndexDefinition index : table.globalSecondaryIndexes()) {
          json.writeStartObject();
          json.writeStringField("IndexName", index.name());
          TableDescriptions.keySchema(json, index.keySchema());
          json.writeObjectFieldStart("Projection");
          json.writeStringField("ProjectionType", index.projectionType());
          if (!index.nonKeyAttributes().isEmpty()) {
            json.writeArrayFieldStart("NonKeyAttributes");
            index.nonKeyAttributes().forEach(json::writeString);
            json.writeEndArray();
          }
          json.writeEndObject();
          if (table.billingMode() == TableDefinition.BillingMode.PROVISIONED) {
            json.writeObjectFieldStart("ProvisionedThroughput");
            json.writeNumberField("ReadCapacityUnits", index.readCapacityUnits());
            json.writeNumberField("WriteCapacityUnits", index.writeCapacityUnits());
            json.writeEndObject();
          }
          OnDemandThroughputs.write(json, settings.indexOnDemand().get(index.name()));
          json.writeEndObject();
        }
        json.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.writeEndObject();
  }

  private static void encryption(JsonWriter json, TableImport.Encryption sse) {
    json.writeObjectFieldStart("SSESpecification");
    sse.enabled().ifPresent(enabled -> json.writeBooleanField("Enabled", enabled));
    sse.sseType().ifPresent(type -> json.writeStringField("SSEType", type));
    sse.kmsMasterKeyId().ifPresent(key -> json.writeStringField("KMSMasterKeyId", key));
    json.writeEndObject();
  }
}
