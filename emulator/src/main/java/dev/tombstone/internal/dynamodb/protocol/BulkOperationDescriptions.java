package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.dynamodb.BulkOperation;

/**
 * Writes bulk operations in the 2012-08-10 shapes: {@code BulkOperationDescription} and
 * ListBulkOperations' {@code BulkOperationSummary}. An operation ends within its request here,
 * so it is described in its terminal status, with its EndTime and counts, from the first answer.
 */
final class BulkOperationDescriptions {
  private BulkOperationDescriptions() {}

  /** {@code {"BulkOperationDescription": {...}}}: what Start and Describe answer. */
  static byte[] answer(BulkOperation made) {
    JsonWriter json = JsonWriter.take();
    json.writeStartObject();
    json.writeObjectFieldStart("BulkOperationDescription");
    json.writeStringField("BulkOperationArn", made.arn());
    json.writeStringField("BulkOperationStatus", made.status());
    json.writeArrayFieldStart("TableDetails");
    json.writeStartObject();
    json.writeStringField("TableName", made.tableName());
    json.writeStringField("TableId", made.tableId());
    json.writeEndObject();
    json.writeEndArray();
    json.writeStringField("ClientToken", made.clientToken());
    input(json, made.request().input());
    output(json, made.request().output());
    json.writeNumberField("StartTime", TableDescriptions.epochSeconds(made.startTime()));
    json.writeNumberField("EndTime", TableDescriptions.epochSeconds(made.startTime()));
    json.writeNumberField("ProcessedItemCount", made.counts().processedItems());
    json.writeNumberField("FailedItemCount", made.counts().failedItems());
    json.writeNumberField("ProcessedInputBytes", made.counts().inputBytes());
    json.writeNumberField("TotalInputBytes", made.counts().inputBytes());
    json.writeArrayFieldStart("BulkOperationUsage");
    json.writeStartObject();
    json.writeStringField("TableName", made.tableName());
    json.writeObjectFieldStart("Table");
    json.writeNumberField("BulkPutBytes", made.counts().putBytes());
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    made.failure().ifPresent(failure -> {
      json.writeStringField("FailureCode", failure.code());
      json.writeStringField("FailureMessage", failure.message());
    });
    made.request().maxWriteRequestUnits()
        .ifPresent(units -> json.writeNumberField("MaxWriteRequestUnits", units));
    made.request().performanceTier()
        .ifPresent(tier -> json.writeStringField("PerformanceTier", tier));
    json.writeEndObject();
    json.writeEndObject();
    return json.toByteArray();
  }

  /** One {@code BulkOperationSummary} of ListBulkOperations. */
  static void summary(JsonWriter json, BulkOperation made) {
    json.writeStartObject();
    json.writeStringField("BulkOperationArn", made.arn());
    json.writeStringField("BulkOperationStatus", made.status());
    json.writeNumberField("StartTime", TableDescriptions.epochSeconds(made.startTime()));
    json.writeNumberField("EndTime", TableDescriptions.epochSeconds(made.startTime()));
    json.writeEndObject();
  }

  private static void input(JsonWriter json, BulkOperation.Input input) {
    json.writeObjectFieldStart("InputS3Configuration");
    input.owner().ifPresent(owner -> json.writeStringField("S3BucketOwner", owner));
    json.writeStringField("S3Bucket", input.bucket());
    input.keyPrefix().ifPresent(prefix -> json.writeStringField("S3KeyPrefix", prefix));
    json.writeStringField("InputFormat", input.format());
    json.writeStringField("InputCompressionType", input.compression().orElse("NONE"));
    json.writeEndObject();
  }

  private static void output(JsonWriter json, BulkOperation.Output output) {
    json.writeObjectFieldStart("OutputS3Configuration");
    output.owner().ifPresent(owner -> json.writeStringField("S3BucketOwner", owner));
    json.writeStringField("S3Bucket", output.bucket());
    output.keyPrefix().ifPresent(prefix -> json.writeStringField("S3KeyPrefix", prefix));
    output.sseAlgorithm().ifPresent(sse -> json.writeStringField("S3SseAlgorithm", sse));
    output.kmsKeyId().ifPresent(key -> json.writeStringField("S3SseKmsKeyId", key));
    json.writeArrayFieldStart("OutputType");
    output.outputTypes().forEach(json::writeString);
    json.writeEndArray();
    json.writeEndObject();
  }
}
