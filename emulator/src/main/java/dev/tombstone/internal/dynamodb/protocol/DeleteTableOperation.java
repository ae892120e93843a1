package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/**
 * DeleteTable of API 2012-08-10: the table name or ARN in, its last description out. Deletion
 * protection is the store's check.
 */
final class DeleteTableOperation {
  private final DynamoDbState state;

  DeleteTableOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableNameOrArn("tableName", tableName).check();
    return TableDescriptions.writeDeleted(state.deleteTable(tableName));
  }
}
