package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.List;

/**
 * UpdateGlobalTable of API 2012-08-10 (legacy global tables). After the model's constraints, as
 * AWS answered in 2026 (ack-api-quirks catalogue, DDB-GLOBALTABLE-001, -002 and -004, and
 * DDB-TABLE-457): no {@code ReplicaUpdates}, or an update that is neither one Create nor one
 * Delete, is {@code One or more parameter values were invalid} with no detail; a Create is
 * refused for the version, before the table is looked up; a Delete finds no global table.
 */
final class UpdateGlobalTableOperation {
  static final String INVALID = "One or more parameter values were invalid";

  byte[] handle(Json.Obj request) {
    String name = Members.string(request, "GlobalTableName");
    List<Json> updates = Members.list(request, "ReplicaUpdates");
    Constraints constraints = new Constraints().notNull("globalTableName", name)
        .notNull("replicaUpdates", updates);
    boolean wellFormed = updates != null && !updates.isEmpty();
    boolean creates = false;
    if (updates != null) {
      int position = 1;
      for (Json element : updates) {
        Json.Obj update = Members.element(element, "ReplicaUpdate");
        Json.Obj create = update == null ? null : Members.structure(update, "Create",
            "CreateReplicaAction");
        Json.Obj delete = update == null ? null : Members.structure(update, "Delete",
            "DeleteReplicaAction");
        String path = "replicaUpdates." + position + ".member.";
        if (create != null) {
          constraints.notNull(path + "create.regionName", Members.string(create, "RegionName"));
          creates = true;
        }
        if (delete != null) {
          constraints.notNull(path + "delete.regionName", Members.string(delete, "RegionName"));
        }
        wellFormed &= (create == null) != (delete == null);
        position++;
      }
    }
    LegacyGlobalTables.checkName(constraints, name);
    if (!wellFormed) {
      throw new DynamoDbError.Validation(INVALID);
    }
    if (creates) {
      throw LegacyGlobalTables.versionNotSupported();
    }
    throw LegacyGlobalTables.notFound(name);
  }
}
