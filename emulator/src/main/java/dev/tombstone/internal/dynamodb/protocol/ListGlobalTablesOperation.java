package dev.tombstone.internal.dynamodb.protocol;

import java.nio.charset.StandardCharsets;

/**
 * ListGlobalTables of API 2012-08-10 (legacy global tables, version 2017.11.29): there are none,
 * so every valid request lists none, without {@code LastEvaluatedGlobalTableName}, as AWS
 * answers for its default, a {@code RegionName} and a {@code Limit} (ack-api-quirks catalogue,
 * DDB-GLOBALTABLE-001 and -004, AWS 2026). {@code Limit} keeps the model's minimum. AWS answers a
 * region name it does not know with HTTP 500 InternalServerError; a server error for a client's
 * typo is not reproduced, and any {@code RegionName} lists none.
 */
final class ListGlobalTablesOperation {
  private static final byte[] NONE = "{\"GlobalTables\":[]}".getBytes(StandardCharsets.UTF_8);

  byte[] handle(Json.Obj request) {
    Members.string(request, "ExclusiveStartGlobalTableName");
    Members.string(request, "RegionName");
    Integer limit = Members.integer(request, "Limit");
    new Constraints().atLeast("limit", limit, 1).check();
    return NONE.clone();
  }
}
