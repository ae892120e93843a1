package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.StreamDescription;
import dev.tombstone.internal.ArnOrder;
import java.io.IOException;
import java.util.List;

/**
 * ListStreams of DynamoDB Streams: decode, validate, list a page after where {@code
 * ExclusiveStartStreamArn} stands in the listing order (whether that stream is still listed or
 * not), encode.
 */
final class ListStreamsOperation {
  private static final int MAX_LIMIT = 100;

  private final DynamoDbState state;

  ListStreamsOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Integer limit = Members.integer(request, "Limit");
    String exclusiveStart = Members.string(request, "ExclusiveStartStreamArn");

    Constraints constraints = new Constraints();
    constraints.tableName("tableName", tableName, false);
    constraints.atLeast("limit", limit, 1);
    StreamArns.constrain(constraints, "exclusiveStartStreamArn", exclusiveStart, false);
    constraints.check();
    if (limit != null && limit > MAX_LIMIT) {
      throw ServiceErrors.invalidParameters(
          "Limit cannot be greater than the maximum allowed size: " + MAX_LIMIT);
    }
    StreamArns.checkShape(exclusiveStart);

    List<StreamDescription> streams = state.listStreams(tableName);
    int from = exclusiveStart == null ? 0 : after(streams, exclusiveStart);
    int to = Math.min(streams.size(), from + (limit == null ? MAX_LIMIT : limit));
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeArrayFieldStart("Streams");
    for (StreamDescription stream : streams.subList(from, to)) {
      json.writeStartObject();
      json.writeStringField("StreamArn", stream.arn());
      json.writeStringField("TableName", stream.tableName());
      json.writeStringField("StreamLabel", stream.label());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (to < streams.size()) {
      json.writeStringField("LastEvaluatedStreamArn", streams.get(to - 1).arn());
    }
    json.writeEndObject();
    return out.finish();
  }

  // A disabled stream is forgotten after 24 hours, perhaps between two pages.
  private static int after(List<StreamDescription> streams, String exclusiveStart) {
    for (int i = 0; i < streams.size(); i++) {
      if (ArnOrder.STREAMS_NEWEST_FIRST.compare(streams.get(i).arn(), exclusiveStart) > 0) {
        return i;
      }
    }
    return streams.size();
  }
}
