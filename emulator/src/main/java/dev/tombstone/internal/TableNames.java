package dev.tombstone.internal;

/**
 * The table a request's {@code TableName} addresses: item operations take a name or a table ARN.
 *
 * <pre>{@code
 * TableNames.fromNameOrArn("users");                                              // "users"
 * TableNames.fromNameOrArn("arn:aws:dynamodb:us-east-1:000000000000:table/users"); // "users"
 * }</pre>
 *
 * <p>Internal: shared by the DynamoDB state and the fault layer, so a fault rule scoped to a
 * table matches every request the table serves.
 */
public final class TableNames {
  private static final String TABLE = ":table/";

  private TableNames() {}

  /** The table name in {@code nameOrArn}: the part after {@code :table/} of an ARN, else itself. */
  public static String fromNameOrArn(String nameOrArn) {
    if (nameOrArn.startsWith("arn:")) {
      int slash = nameOrArn.lastIndexOf(TABLE);
      if (slash >= 0) {
        return nameOrArn.substring(slash + TABLE.length());
      }
    }
    return nameOrArn;
  }
}
