package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/** DescribeContinuousBackups: a table by name or ARN in, its point-in-time recovery out. */
final class DescribeContinuousBackupsOperation {
  private final DynamoDbState state;

  DescribeContinuousBackupsOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableNameOrArn("tableName", tableName).check();
    return ContinuousBackupsDescriptions.write(
        state.backups().describeContinuousBackups(tableName));
  }
}
