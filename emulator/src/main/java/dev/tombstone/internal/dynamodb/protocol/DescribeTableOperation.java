package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/** DescribeTable of API 2012-08-10: the table name or ARN in, its description out. */
final class DescribeTableOperation {
  private final DynamoDbState state;

  DescribeTableOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableNameOrArn("tableName", tableName).check();
    return TableDescriptions.write("Table", state.describeTable(tableName));
  }
}
