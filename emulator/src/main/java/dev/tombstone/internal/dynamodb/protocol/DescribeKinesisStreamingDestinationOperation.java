package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.KinesisDestination;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * DescribeKinesisStreamingDestination of API 2012-08-10: every destination of the table, the
 * most recently first enabled first (as DynamoDB lists them, ack-api-quirks catalogue,
 * DDB-TABLE-268), DISABLED and ENABLE_FAILED ones included; an empty list for a table that never
 * had one. The precision appears only once set (DDB-TABLE-300).
 */
final class DescribeKinesisStreamingDestinationOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  DescribeKinesisStreamingDestinationOperation(DynamoDbState state,
      TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    Constraints constraints = new Constraints();
    constraints.tableNameOrArn("tableName", tableName);
    constraints.check();
    KinesisTarget target = KinesisTarget.find(state, tableName);
    List<Map.Entry<String, KinesisDestination>> destinations = new ArrayList<>(
        attachments.kinesis().all(target.tableName(), target.tableId()).entrySet());
    Collections.reverse(destinations);

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("TableName", target.tableName());
    out.json().writeArrayFieldStart("KinesisDataStreamDestinations");
    for (Map.Entry<String, KinesisDestination> entry : destinations) {
      KinesisDestination destination = entry.getValue();
      out.json().writeStartObject();
      out.json().writeStringField("StreamArn", entry.getKey());
      out.json().writeStringField("DestinationStatus", destination.status());
      if (destination.description() != null) {
        out.json().writeStringField("DestinationStatusDescription", destination.description());
      }
      if (destination.precision() != null) {
        out.json().writeStringField("ApproximateCreationDateTimePrecision",
            destination.precision());
      }
      out.json().writeEndObject();
    }
    out.json().writeEndArray();
    out.json().writeEndObject();
    return out.finish();
  }
}
