package dev.tombstone.internal.dynamodb.protocol;

/**
 * UpdateGlobalTableSettings of API 2012-08-10 (legacy global tables): after the model's
 * constraints (AWS reports a replica settings update without its region so, ack-api-quirks
 * catalogue, DDB-TABLE-457), GlobalTableNotFoundException for every name, as AWS answers for
 * regional, missing and 2019.11.21 tables (DDB-GLOBALTABLESETTINGS-001, AWS 2026).
 */
final class UpdateGlobalTableSettingsOperation {
  byte[] handle(Json.Obj request) {
    String name = Members.string(request, "GlobalTableName");
    Constraints constraints = new Constraints().notNull("globalTableName", name);
    constraints.oneOf("globalTableBillingMode", Members.string(request, "GlobalTableBillingMode"),
        "PROVISIONED", "PAY_PER_REQUEST");
    constraints.atLeast("globalTableProvisionedWriteCapacityUnits",
        Members.longValue(request, "GlobalTableProvisionedWriteCapacityUnits"), 1L);
    AutoScalingUpdates.check(constraints,
        "globalTableProvisionedWriteCapacityAutoScalingSettingsUpdate", Members.structure(request,
            "GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate",
            "AutoScalingSettingsUpdate"));
    AutoScalingUpdates.each(constraints, "globalTableGlobalSecondaryIndexSettingsUpdate",
        Members.list(request, "GlobalTableGlobalSecondaryIndexSettingsUpdate"),
        "GlobalTableGlobalSecondaryIndexSettingsUpdate", 1, 20, (path, index) -> {
          AutoScalingUpdates.indexName(constraints, path + ".indexName",
              Members.string(index, "IndexName"), true);
          constraints.atLeast(path + ".provisionedWriteCapacityUnits",
              Members.longValue(index, "ProvisionedWriteCapacityUnits"), 1L);
          AutoScalingUpdates.check(constraints,
              path + ".provisionedWriteCapacityAutoScalingSettingsUpdate",
              Members.structure(index, "ProvisionedWriteCapacityAutoScalingSettingsUpdate",
                  "AutoScalingSettingsUpdate"));
        });
    AutoScalingUpdates.each(constraints, "replicaSettingsUpdate",
        Members.list(request, "ReplicaSettingsUpdate"), "ReplicaSettingsUpdate", 1, 50,
        (path, replica) -> checkReplica(constraints, path, replica));
    LegacyGlobalTables.checkName(constraints, name);
    throw LegacyGlobalTables.notFound(name);
  }

  private static void checkReplica(Constraints constraints, String path, Json.Obj replica) {
    constraints.notNull(path + ".regionName", Members.string(replica, "RegionName"));
    constraints.atLeast(path + ".replicaProvisionedReadCapacityUnits",
        Members.longValue(replica, "ReplicaProvisionedReadCapacityUnits"), 1L);
    AutoScalingUpdates.check(constraints,
        path + ".replicaProvisionedReadCapacityAutoScalingSettingsUpdate",
        Members.structure(replica, "ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate",
            "AutoScalingSettingsUpdate"));
    AutoScalingUpdates.each(constraints, path + ".replicaGlobalSecondaryIndexSettingsUpdate",
        Members.list(replica, "ReplicaGlobalSecondaryIndexSettingsUpdate"),
        "ReplicaGlobalSecondaryIndexSettingsUpdate", 1, 20, (indexPath, index) -> {
          AutoScalingUpdates.indexName(constraints, indexPath + ".indexName",
              Members.string(index, "IndexName"), true);
          constraints.atLeast(indexPath + ".provisionedReadCapacityUnits",
              Members.longValue(index, "ProvisionedReadCapacityUnits"), 1L);
          AutoScalingUpdates.check(constraints,
              indexPath + ".provisionedReadCapacityAutoScalingSettingsUpdate",
              Members.structure(index, "ProvisionedReadCapacityAutoScalingSettingsUpdate",
                  "AutoScalingSettingsUpdate"));
        });
    constraints.oneOf(path + ".replicaTableClass", Members.string(replica, "ReplicaTableClass"),
        "STANDARD", "STANDARD_INFREQUENT_ACCESS");
  }
}
