package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;

/**
 * DeleteTable of API 2012-08-10: the table name or ARN in, its last description out, with
 * the dates of its last throughput increase and decrease. Deletion
 * protection is the store's check.
 */
final class DeleteTableOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  DeleteTableOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableNameOrArn("tableName", tableName).check();
    TableDescription deleted = state.deleteTable(tableName);
    // The side store still holds the dates under the deleted table's id.
    return TableDescriptions.writeDeleted(deleted,
        ThroughputChangeDates.described(attachments, deleted));
  }
}
