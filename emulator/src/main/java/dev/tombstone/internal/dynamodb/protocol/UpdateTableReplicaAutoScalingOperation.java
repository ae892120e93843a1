package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;

/**
 * UpdateTableReplicaAutoScaling of API 2012-08-10: after the model's constraints, the answer
 * DescribeTableReplicaAutoScaling gives, since no table here is a global table; AWS answers so
 * before it looks at the scaling settings (ack-api-quirks catalogue, DDB-TABLE-187 and -253, AWS
 * 2026). Nothing changes.
 */
final class UpdateTableReplicaAutoScalingOperation {
  private final DynamoDbState state;

  UpdateTableReplicaAutoScalingOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    Constraints constraints = new Constraints();
    AutoScalingUpdates.each(constraints, "globalSecondaryIndexUpdates",
        Members.list(request, "GlobalSecondaryIndexUpdates"),
        "GlobalSecondaryIndexAutoScalingUpdate", 1, Integer.MAX_VALUE, (path, index) -> {
          AutoScalingUpdates.indexName(constraints, path + ".indexName",
              Members.string(index, "IndexName"), false);
          AutoScalingUpdates.check(constraints,
              path + ".provisionedWriteCapacityAutoScalingUpdate",
              Members.structure(index, "ProvisionedWriteCapacityAutoScalingUpdate",
                  "AutoScalingSettingsUpdate"));
        });
    constraints.tableNameOrArn("tableName", tableName);
    AutoScalingUpdates.check(constraints, "provisionedWriteCapacityAutoScalingUpdate",
        Members.structure(request, "ProvisionedWriteCapacityAutoScalingUpdate",
            "AutoScalingSettingsUpdate"));
    AutoScalingUpdates.each(constraints, "replicaUpdates", Members.list(request, "ReplicaUpdates"),
        "ReplicaAutoScalingUpdate", 1, Integer.MAX_VALUE, (path, replica) -> {
          constraints.notNull(path + ".regionName", Members.string(replica, "RegionName"));
          AutoScalingUpdates.each(constraints, path + ".replicaGlobalSecondaryIndexUpdates",
              Members.list(replica, "ReplicaGlobalSecondaryIndexUpdates"),
              "ReplicaGlobalSecondaryIndexAutoScalingUpdate", 0, Integer.MAX_VALUE,
              (indexPath, index) -> {
                AutoScalingUpdates.indexName(constraints, indexPath + ".indexName",
                    Members.string(index, "IndexName"), false);
                AutoScalingUpdates.check(constraints,
                    indexPath + ".provisionedReadCapacityAutoScalingUpdate",
                    Members.structure(index, "ProvisionedReadCapacityAutoScalingUpdate",
                        "AutoScalingSettingsUpdate"));
              });
          AutoScalingUpdates.check(constraints,
              path + ".replicaProvisionedReadCapacityAutoScalingUpdate",
              Members.structure(replica, "ReplicaProvisionedReadCapacityAutoScalingUpdate",
                  "AutoScalingSettingsUpdate"));
        });
    constraints.check();
    throw DescribeTableReplicaAutoScalingOperation.notGlobal(state, tableName);
  }
}
