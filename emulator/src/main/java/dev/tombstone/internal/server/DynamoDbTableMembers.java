package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables a DynamoDB request names outside {@code TableName}, for table-scoped fault rules:
 * by ARN ({@code TableArn}, {@code ResourceArn}, {@code SourceTableArn}, and the backup, export,
 * import and bulk operation ARNs, which extend their table's ARN), or by name
 * ({@code SourceTableName}, {@code TargetTableName}, the legacy global table operations'
 * {@code GlobalTableName}, which is its tables' name, ImportTable's
 * {@code TableCreationParameters.TableName}).
 *
 * <pre>{@code
 * tables(ExportTableToPointInTime body with "TableArn": "arn:aws:dynamodb:…:table/orders")
 *     // ["orders"]
 * tables(RestoreTableToPointInTime body with SourceTableName "orders", TargetTableName "copy")
 *     // ["orders", "copy"]
 * }</pre>
 */
final class DynamoDbTableMembers {
  private static final List<String> ARN_MEMBERS = List.of("TableArn", "ResourceArn",
      "SourceTableArn", "BackupArn", "ExportArn", "ImportArn", "BulkOperationArn");
  private static final List<String> NAME_MEMBERS =
      List.of("SourceTableName", "TargetTableName", "GlobalTableName");
  private static final String TABLE = ":table/";

  /**
   * The operations whose requests name no table, so that a rule scoped to a table would never
   * fire for them: PartiQL names its tables inside the statements.
   */
  static final Set<String> UNTABLED_OPERATIONS = new TreeSet<>(Set.of("ListTables",
      "DescribeLimits", "DescribeEndpoints", "ExecuteStatement", "BatchExecuteStatement",
      "ExecuteTransaction", "ListGlobalTables", "ListBulkOperations"));

  private DynamoDbTableMembers() {}

  /** The tables {@code body} names in those members, in the order listed above. */
  static List<String> tables(Object body) {
    List<String> tables = new ArrayList<>();
    for (String member : ARN_MEMBERS) {
      String table = tableOfArn(JsonTree.string(body, member));
      if (table != null) {
        tables.add(table);
      }
    }
    for (String member : NAME_MEMBERS) {
      String name = JsonTree.string(body, member);
      if (name != null) {
        tables.add(name);
      }
    }
    String imported = JsonTree.string(JsonTree.member(body, "TableCreationParameters"),
        "TableName");
    if (imported != null) {
      tables.add(imported);
    }
    return tables;
  }

  /**
   * The table of an ARN under a table ({@code …:table/orders}, {@code …:table/orders/backup/…},
   * {@code …/stream/…}, {@code …/index/…}); null for anything else. Table names hold no slash.
   */
  static String tableOfArn(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    int start = arn.indexOf(TABLE);
    if (start < 0) {
      return null;
    }
    start += TABLE.length();
    int end = arn.indexOf('/', start);
    String table = end < 0 ? arn.substring(start) : arn.substring(start, end);
    return table.isEmpty() ? null : table;
  }
}
