package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.StreamDescription;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * DescribeStream of DynamoDB Streams: decode, validate, describe, encode. Each stream has one
 * shard, so a page after it ({@code ExclusiveStartShardId}) is empty, and so is the answer to a
 * {@code ShardFilter} asking for a shard's children: the emulator never splits a shard.
 */
final class DescribeStreamOperation {
  private static final String[] SHARD_FILTER_TYPES = {"CHILD_SHARDS"};

  private final DynamoDbState state;

  DescribeStreamOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String streamArn = Members.string(request, "StreamArn");
    Integer limit = Members.integer(request, "Limit");
    String exclusiveStart = Members.string(request, "ExclusiveStartShardId");
    Json.Obj shardFilter = Members.structure(request, "ShardFilter");
    String filterType = shardFilter == null ? null : Members.string(shardFilter, "Type");
    String parentShardId = shardFilter == null ? null : Members.string(shardFilter, "ShardId");

    Constraints constraints = new Constraints();
    StreamArns.constrain(constraints, "streamArn", streamArn, true);
    constraints.atLeast("limit", limit, 1);
    constraints.lengthBetween("exclusiveStartShardId", exclusiveStart, 28, 65);
    constraints.oneOf("shardFilter.type", filterType, SHARD_FILTER_TYPES);
    constraints.lengthBetween("shardFilter.shardId", parentShardId, 28, 65);
    constraints.check();
    StreamArns.checkShape(streamArn);

    StreamDescription stream = state.describeStream(streamArn);
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeObjectFieldStart("StreamDescription");
    json.writeStringField("StreamArn", stream.arn());
    json.writeStringField("StreamLabel", stream.label());
    json.writeStringField("StreamStatus", stream.status().name());
    json.writeStringField("StreamViewType", stream.viewType().name());
    json.writeNumberField("CreationRequestDateTime",
        BigDecimal.valueOf(stream.createdAt().toEpochMilli()).movePointLeft(3));
    json.writeStringField("TableName", stream.tableName());
    TableDescriptions.keySchema(json, stream.keySchema());
    json.writeArrayFieldStart("Shards");
    // CHILD_SHARDS is the only filter type; with one shard that never splits, no shard is a child.
    boolean childrenAsked = filterType != null;
    if (!childrenAsked
        && (exclusiveStart == null || exclusiveStart.compareTo(stream.shardId()) < 0)) {
      json.writeStartObject();
      json.writeStringField("ShardId", stream.shardId());
      json.writeObjectFieldStart("SequenceNumberRange");
      json.writeStringField("StartingSequenceNumber", stream.startingSequenceNumber());
      if (stream.endingSequenceNumber().isPresent()) {
        json.writeStringField("EndingSequenceNumber", stream.endingSequenceNumber().get());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    return out.finish();
  }
}
