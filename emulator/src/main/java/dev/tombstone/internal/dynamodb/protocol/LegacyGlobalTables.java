package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;

/**
 * What the legacy global table operations (version 2017.11.29) share. DynamoDB no longer creates
 * such tables anywhere, and Tombstone keeps none: every name is not a global table, and every
 * request that would create a replica is refused as AWS refuses it (ack-api-quirks catalogue,
 * DDB-GLOBALTABLE-001, -002, -004 and DDB-GLOBALTABLESETTINGS-001, AWS 2026).
 */
final class LegacyGlobalTables {
  static final String NOT_FOUND = "GlobalTableNotFoundException";
  /** CreateGlobalTable, and UpdateGlobalTable with a Create action, in every region. */
  static final String VERSION_NOT_SUPPORTED = "DynamoDB global tables version 2017.11.29 is not"
      + " supported. We recommend using DynamoDB global tables version 2019.11.21, instead of"
      + " version 2017.11.29 (Legacy).";

  private LegacyGlobalTables() {}

  /**
   * The {@code GlobalTableName} checks: the model's presence (with whatever else {@code
   * constraints} collected), then the operations' own length check, with their own text
   * (DDB-TABLE-457: an empty name is not reported by the model's constraints). A name of another
   * pattern is simply not a global table.
   */
  static void checkName(Constraints constraints, String name) {
    constraints.check();
    if (name.length() < 3 || name.length() > 255) {
      throw new DynamoDbError.Validation(
          "TableName must be at least 3 characters long and at most 255 characters long");
    }
  }

  /** Checks a request whose only member is {@code GlobalTableName}. */
  static String nameOnly(Json.Obj request) {
    String name = Members.string(request, "GlobalTableName");
    checkName(new Constraints().notNull("globalTableName", name), name);
    return name;
  }

  /** DescribeGlobalTableSettings', UpdateGlobalTableSettings' and UpdateGlobalTable's text. */
  static StatementError notFound(String name) {
    return new StatementError(NOT_FOUND, notFoundText(name));
  }

  /** DescribeGlobalTable's text says what it is first (DDB-GLOBALTABLE-004). */
  static StatementError describeNotFound(String name) {
    return new StatementError(NOT_FOUND, "Global table not found: " + notFoundText(name));
  }

  static DynamoDbError.Validation versionNotSupported() {
    return ServiceErrors.invalidParameters(VERSION_NOT_SUPPORTED);
  }

  /** The text DynamoDB gives for replica auto scaling of a table that is not a global table. */
  static String notFoundText(String name) {
    return "Global table with name: '" + name + "' does not exist.";
  }
}
