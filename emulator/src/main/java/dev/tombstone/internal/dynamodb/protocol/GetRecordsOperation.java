package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.StreamRecord;
import dev.tombstone.dynamodb.StreamRecords;
import java.io.IOException;

/**
 * GetRecords of DynamoDB Streams: decode, validate, read, encode each record in the shape Lambda
 * and the SDKs read ({@code eventVersion} 1.1, {@code userIdentity} for TTL deletes).
 */
final class GetRecordsOperation {
  private static final int MAX_LIMIT = 1000;

  private final DynamoDbState state;

  GetRecordsOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String iterator = Members.string(request, "ShardIterator");
    Integer limit = Members.integer(request, "Limit");

    Constraints constraints = new Constraints();
    constraints.notNull("shardIterator", iterator);
    constraints.lengthBetween("shardIterator", iterator, 1, 2048);
    constraints.atLeast("limit", limit, 1);
    constraints.check();
    if (limit != null && limit > MAX_LIMIT) {
      throw ServiceErrors.invalidParameters(
          "Limit should be less than or equal to " + MAX_LIMIT);
    }

    StreamRecords page = state.getRecords(iterator, limit == null ? MAX_LIMIT : limit);
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeArrayFieldStart("Records");
    for (StreamRecord record : page.records()) {
      write(out, record);
    }
    json.writeEndArray();
    if (page.nextShardIterator().isPresent()) {
      json.writeStringField("NextShardIterator", page.nextShardIterator().get());
    }
    json.writeEndObject();
    return out.finish();
  }

  private static void write(JsonOut out, StreamRecord record) throws IOException {
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeStringField("eventID", record.eventId());
    json.writeStringField("eventName", record.eventName().name());
    json.writeStringField("eventVersion", "1.1");
    json.writeStringField("eventSource", "aws:dynamodb");
    json.writeStringField("awsRegion", record.awsRegion());
    json.writeObjectFieldStart("dynamodb");
    // Whole seconds: DynamoDB rounds the time of a record down to the second.
    json.writeNumberField("ApproximateCreationDateTime", record.createdAt().getEpochSecond());
    out.item("Keys", record.keys());
    if (record.newImage().isPresent()) {
      out.item("NewImage", record.newImage().get());
    }
    if (record.oldImage().isPresent()) {
      out.item("OldImage", record.oldImage().get());
    }
    json.writeStringField("SequenceNumber", record.sequenceNumber());
    json.writeNumberField("SizeBytes", record.sizeBytes());
    json.writeStringField("StreamViewType", record.viewType().name());
    json.writeEndObject();
    if (record.byTimeToLive()) {
      json.writeObjectFieldStart("userIdentity");
      json.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
      json.writeStringField("Type", "Service");
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
