package dev.tombstone.internal.dynamodb.protocol;

/**
 * DescribeGlobalTable of API 2012-08-10 (legacy global tables): no name is a global table here,
 * so every well-formed request answers GlobalTableNotFoundException, as AWS answers for a
 * regional table, a missing name and a 2019.11.21 global table alike (ack-api-quirks catalogue,
 * DDB-GLOBALTABLE-001 and -004, AWS 2026).
 */
final class DescribeGlobalTableOperation {
  byte[] handle(Json.Obj request) {
    String name = LegacyGlobalTables.nameOnly(request);
    throw LegacyGlobalTables.describeNotFound(name);
  }
}
