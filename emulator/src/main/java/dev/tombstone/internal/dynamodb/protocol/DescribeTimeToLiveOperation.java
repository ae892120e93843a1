package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DescribeTimeToLive;
import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/** DescribeTimeToLive: decode, check the table name, run, encode. */
final class DescribeTimeToLiveOperation {
  private final DynamoDbState state;

  DescribeTimeToLiveOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableNameOrArn("tableName", tableName).check();

    DescribeTimeToLive.Result result = state.describeTimeToLive(tableName);
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeObjectFieldStart("TimeToLiveDescription");
    if (result.attributeName().isPresent()) {
      out.json().writeStringField("AttributeName", result.attributeName().get());
    }
    out.json().writeStringField("TimeToLiveStatus", result.status().name());
    out.json().writeEndObject();
    out.json().writeEndObject();
    return out.finish();
  }
}
