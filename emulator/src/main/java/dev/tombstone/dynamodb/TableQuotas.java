package dev.tombstone.dynamodb;

/**
 * The per-table throughput quota DescribeLimits reports ({@code TableMaxReadCapacityUnits} and
 * {@code TableMaxWriteCapacityUnits}, 40,000 each): a provisioned table asking for more is
 * refused with {@code LimitExceededException}, AWS's text (the ack-api-quirks catalogue,
 * DDB-TABLE-171 and -393, CreateTable and UpdateTable, AWS 2026; the text's tail as an
 * Application Auto Scaling activity quoted it in the same catalogue). Reads are reported
 * before writes.
 */
final class TableQuotas {
  /** {@code TableMaxReadCapacityUnits} and {@code TableMaxWriteCapacityUnits}. */
  static final long TABLE_MAX_UNITS = 40_000;

  private TableQuotas() {}

  /** Refuses table units above the quota; {@code arn} is the table's, for its region. */
  static void checkTable(long read, long write, String arn) {
    check("ReadCapacityUnits", read, arn);
    check("WriteCapacityUnits", write, arn);
  }

  private static void check(String member, long units, String arn) {
    if (units > TABLE_MAX_UNITS) {
      throw new DynamoDbError.LimitExceeded("The requested " + member + ", " + units
          + ", is above the per table maximum for the account in " + region(arn)
          + ". Per table maximum: " + TABLE_MAX_UNITS + ". Refer to the Amazon DynamoDB"
          + " Developer Guide for current limits and how to request higher limits.");
    }
  }

  private static String region(String arn) {
    return arn.split(":", 5)[3];
  }
}
