package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.TableNames;

/**
 * DescribeTableReplicaAutoScaling of API 2012-08-10. It serves only global tables (version
 * 2019.11.21), which Tombstone does not keep: a regional table and a missing one alike answer
 * ResourceNotFoundException {@code Global table with name: '<name>' does not exist.}
 * (ack-api-quirks catalogue, DDB-TABLE-187, -231, -232 and -254, AWS 2026).
 */
final class DescribeTableReplicaAutoScalingOperation {
  private final DynamoDbState state;

  DescribeTableReplicaAutoScalingOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableNameOrArn("tableName", tableName).check();
    throw notGlobal(state, tableName);
  }

  /**
   * The answer for a table that is not a global table, named by name or ARN: an ARN of another
   * region is refused first, as for every table operation here.
   */
  static DynamoDbError.ResourceNotFound notGlobal(DynamoDbState state, String tableNameOrArn) {
    String name;
    try {
      name = state.describeTable(tableNameOrArn).definition().name();
    } catch (DynamoDbError.ResourceNotFound missing) {
      name = TableNames.fromNameOrArn(tableNameOrArn);
    }
    return new DynamoDbError.ResourceNotFound(LegacyGlobalTables.notFoundText(name));
  }
}
