package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;

/** DescribeTable of API 2012-08-10: the table name or ARN in, its description out. */
final class DescribeTableOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  DescribeTableOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableNameOrArnAsDescribeTable("tableName", tableName).check();
    TableDescription table = state.describeTable(tableName);
    return TableDescriptions.write("Table", table, java.util.Set.of(),
        SseSpecifications.settled(attachments, table),
        OnDemandThroughputs.stored(attachments, table),
        VectorIndexDescriptions.of(attachments, state, table),
        ThroughputChangeDates.described(attachments, table));
  }
}
