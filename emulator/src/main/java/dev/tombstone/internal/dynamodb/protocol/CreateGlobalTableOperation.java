package dev.tombstone.internal.dynamodb.protocol;

import java.util.List;

/**
 * CreateGlobalTable of API 2012-08-10 (legacy global tables, version 2017.11.29). DynamoDB
 * refuses every such create, from every region, with the tables of the replication group
 * present, stream-enabled and empty: the request's shape is checked first, then the version is
 * refused, before any table is looked up (ack-api-quirks catalogue, DDB-GLOBALTABLE-002 and -003,
 * AWS 2026). Nothing changes.
 */
final class CreateGlobalTableOperation {
  byte[] handle(Json.Obj request) {
    String name = Members.string(request, "GlobalTableName");
    List<Json> group = Members.list(request, "ReplicationGroup");
    Constraints constraints = new Constraints();
    if (group != null) {
      // Reads each replica's members for their types alone: a wrong one is refused first.
      for (Json replica : group) {
        Json.Obj entry = Members.element(replica, "Replica");
        if (entry != null) {
          Members.string(entry, "RegionName");
        }
      }
    }
    constraints.notNull("globalTableName", name).notNull("replicationGroup", group);
    LegacyGlobalTables.checkName(constraints, name);
    throw LegacyGlobalTables.versionNotSupported();
  }
}
