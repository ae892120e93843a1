package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.dynamodb.TableExport;

/**
 * Writes exports in the 2012-08-10 shapes: {@code ExportDescription} and ListExports'
 * {@code ExportSummary}. An export ends within its request here, so it is described COMPLETED
 * (or FAILED) from the first answer on, with its EndTime.
 */
final class ExportDescriptions {
  static final String FULL_EXPORT = "FULL_EXPORT";

  private ExportDescriptions() {}

  /** {@code {"ExportDescription": {...}}}: the answer of the export and of DescribeExport. */
  static byte[] answer(TableExport export) {
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeObjectFieldStart("ExportDescription");
    TableExport.Request request = export.request();
    json.writeStringField("ExportArn", export.arn());
    json.writeStringField("ExportStatus", status(export));
    json.writeNumberField("StartTime", TableDescriptions.epochSeconds(export.startTime()));
    json.writeNumberField("EndTime", TableDescriptions.epochSeconds(export.startTime()));
    json.writeStringField("TableArn", export.tableArn());
    json.writeStringField("TableId", export.tableId());
    if (export.window().isEmpty()) {
      json.writeNumberField("ExportTime", TableDescriptions.epochSeconds(export.exportTime()));
    }
    json.writeStringField("ClientToken", export.clientToken());
    json.writeStringField("S3Bucket", request.bucket());
    request.bucketOwner().ifPresent(owner -> json.writeStringField("S3BucketOwner", owner));
    request.prefix().ifPresent(prefix -> json.writeStringField("S3Prefix", prefix));
    request.sseAlgorithm().ifPresent(sse -> json.writeStringField("S3SseAlgorithm", sse));
    request.kmsKeyId().ifPresent(key -> json.writeStringField("S3SseKmsKeyId", key));
    json.writeStringField("ExportFormat", request.format());
    // DynamoDB names the type only when the request did.
    request.exportType().ifPresent(type -> json.writeStringField("ExportType", type));
    request.filter().ifPresent(filter -> filter(out, filter));
    export.window().ifPresent(window -> incremental(json, window));
    if (export.outcome() instanceof TableExport.Completed done) {
      json.writeStringField("ExportManifest", done.manifest());
      json.writeNumberField("ItemCount", done.itemCount());
      json.writeNumberField("BilledSizeBytes", done.billedSizeBytes());
    } else if (export.outcome() instanceof TableExport.Failed failed) {
      json.writeStringField("FailureCode", failed.code());
      json.writeStringField("FailureMessage", failed.message());
    }
    json.writeEndObject();
    json.writeEndObject();
    return out.finish();
  }

  /** An incremental export's IncrementalExportSpecification, as exported (defaults applied). */
  private static void incremental(JsonWriter json, TableExport.Window window) {
    json.writeObjectFieldStart("IncrementalExportSpecification");
    json.writeNumberField("ExportFromTime", TableDescriptions.epochSeconds(window.fromTime()));
    json.writeNumberField("ExportToTime", TableDescriptions.epochSeconds(window.toTime()));
    json.writeStringField("ExportViewType", window.viewType());
    json.writeEndObject();
  }

  /** The request's FilterSpecification, as sent: the SDK model's ExportDescription has it. */
  private static void filter(JsonOut out, TableExport.Filter filter) {
    JsonWriter json = out.json();
    json.writeObjectFieldStart("FilterSpecification");
    filter.filterExpression().ifPresent(e -> json.writeStringField("FilterExpression", e));
    filter.projectionExpression()
        .ifPresent(e -> json.writeStringField("ProjectionExpression", e));
    filter.keyConditionExpression()
        .ifPresent(e -> json.writeStringField("KeyConditionExpression", e));
    if (!filter.names().isEmpty()) {
      json.writeObjectFieldStart("ExpressionAttributeNames");
      filter.names().forEach(json::writeStringField);
      json.writeEndObject();
    }
    if (!filter.values().isEmpty()) {
      json.writeFieldName("ExpressionAttributeValues");
      out.attributes(filter.values());
    }
    json.writeEndObject();
  }

  /** One {@code ExportSummary} of ListExports. */
  static void summary(JsonWriter json, TableExport export) {
    json.writeStartObject();
    json.writeStringField("ExportArn", export.arn());
    json.writeStringField("ExportStatus", status(export));
    json.writeStringField("ExportType", export.request().exportType().orElse(FULL_EXPORT));
    json.writeEndObject();
  }

  static String status(TableExport export) {
    return export.outcome() instanceof TableExport.Completed ? "COMPLETED" : "FAILED";
  }
}
