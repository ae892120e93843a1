package dev.tombstone.internal;

import java.util.Optional;

/**
 * The per-table throughput quota DescribeLimits reports ({@code TableMaxReadCapacityUnits} and
 * {@code TableMaxWriteCapacityUnits}, 40,000 each): a provisioned table asking for more is
 * refused with {@code LimitExceededException}, AWS's text (the ack-api-quirks catalogue,
 * DDB-TABLE-171 and -393, CreateTable and UpdateTable, AWS 2026; the text's tail as an
 * Application Auto Scaling activity quoted it in the same catalogue). Reads are reported
 * before writes. Internal: shared by the DynamoDB store (CreateTable, UpdateTable) and its
 * protocol (on-demand maxima may not pass the quota either).
 */
public final class TableQuotas {
  /** {@code TableMaxReadCapacityUnits} and {@code TableMaxWriteCapacityUnits}. */
  public static final long TABLE_MAX_UNITS = 40_000;

  private TableQuotas() {}

  /**
   * The {@code LimitExceededException} text for table units above the quota; empty when they
   * are within it. {@code arn} is the table's, for its region.
   */
  public static Optional<String> tableError(long read, long write, String arn) {
    Optional<String> error = error("ReadCapacityUnits", read, arn);
    return error.isPresent() ? error : error("WriteCapacityUnits", write, arn);
  }

  private static Optional<String> error(String member, long units, String arn) {
    if (units <= TABLE_MAX_UNITS) {
      return Optional.empty();
    }
    return Optional.of("The requested " + member + ", " + units
        + ", is above the per table maximum for the account in " + TableArns.region(arn)
        + ". Per table maximum: " + TABLE_MAX_UNITS + ". Refer to the Amazon DynamoDB"
        + " Developer Guide for current limits and how to request higher limits.");
  }
}
