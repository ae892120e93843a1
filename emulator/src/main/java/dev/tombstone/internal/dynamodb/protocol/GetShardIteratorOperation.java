package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ShardIteratorType;
import java.io.IOException;

/** GetShardIterator of DynamoDB Streams: decode, validate, position, encode. */
final class GetShardIteratorOperation {
  private static final String[] TYPES =
      {"TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"};

  private final DynamoDbState state;

  GetShardIteratorOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String streamArn = Members.string(request, "StreamArn");
    String shardId = Members.string(request, "ShardId");
    String type = Members.string(request, "ShardIteratorType");
    String sequenceNumber = Members.string(request, "SequenceNumber");

    Constraints constraints = new Constraints();
    StreamArns.constrain(constraints, "streamArn", streamArn, true);
    constraints.notNull("shardId", shardId);
    constraints.lengthBetween("shardId", shardId, 28, 65);
    constraints.notNull("shardIteratorType", type);
    constraints.oneOf("shardIteratorType", type, TYPES);
    constraints.lengthBetween("sequenceNumber", sequenceNumber, 21, 40);
    constraints.check();
    StreamArns.checkShape(streamArn);

    String iterator = state.getShardIterator(streamArn, shardId,
        ShardIteratorType.valueOf(type), sequenceNumber);
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("ShardIterator", iterator);
    out.json().writeEndObject();
    return out.finish();
  }
}
