package dev.tombstone.internal.dynamodb.protocol;

/**
 * DescribeGlobalTableSettings of API 2012-08-10 (legacy global tables):
 * GlobalTableNotFoundException for every well-formed name, as AWS answers for regional, missing
 * and 2019.11.21 tables (ack-api-quirks catalogue, DDB-GLOBALTABLESETTINGS-001, AWS 2026).
 */
final class DescribeGlobalTableSettingsOperation {
  byte[] handle(Json.Obj request) {
    String name = LegacyGlobalTables.nameOnly(request);
    throw LegacyGlobalTables.notFound(name);
  }
}
