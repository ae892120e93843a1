package dev.tombstone.internal.dynamodb.protocol;

/**
 * Which changes one UpdateTable may carry together. DynamoDB takes one logical change per call:
 * deletion protection, encryption, table class, warm throughput and on-demand throughput must each
 * come alone (on-demand throughput may come with {@code BillingMode}), a stream change cannot
 * share a call with table throughput or a new or deleted index, nor table throughput with a new
 * or deleted index. {@code BillingMode} combines with a stream change, with table and index
 * throughput and with a new index. The refusals are static rules, checked before the table is
 * looked up, and their precedence is AWS's: encryption, table class, deletion protection,
 * on-demand throughput, warm throughput, then the pairs (ack-api-quirks catalogue, DDB-TABLE-433,
 * DDB-TABLE-382, DDB-TABLE-174, DDB-TABLE-156; AWS, 2026).
 *
 * @param sse {@code SSESpecification} is present
 * @param tableClass {@code TableClass} is present
 * @param deletionProtection {@code DeletionProtectionEnabled} is present
 * @param onDemand {@code OnDemandThroughput} is present
 * @param warm {@code WarmThroughput} names a unit (an empty one counts as absent here)
 * @param billingMode {@code BillingMode} is present
 * @param throughput {@code ProvisionedThroughput} is present
 * @param stream {@code StreamSpecification} is present
 * @param indexCreateOrDelete a {@code GlobalSecondaryIndexUpdates} element creates or deletes
 * @param createsIndex a {@code GlobalSecondaryIndexUpdates} element creates an index
 * @param indexUpdate a {@code GlobalSecondaryIndexUpdates} element updates an index
 */
record UpdateTableCombinations(boolean sse, boolean tableClass, boolean deletionProtection,
    boolean onDemand, boolean warm, boolean billingMode, boolean throughput, boolean stream,
    boolean indexCreateOrDelete, boolean createsIndex, boolean indexUpdate) {

  /** Refuses a request that mixes changes DynamoDB takes only one at a time. */
  void check() {
    if (sse && others(Member.SSE)) {
      throw ServiceErrors.invalidParameters(
          "Server-Side Encryption modification must be the only operation in the request");
    }
    if (tableClass && others(Member.TABLE_CLASS)) {
      throw ServiceErrors.invalidParameters(
          "TableClass modification must be the only operation in the request");
    }
    if (deletionProtection && others(Member.DELETION_PROTECTION)) {
      throw ServiceErrors.invalidParameters(
          "DeletionProtection modification must be the only operation in the request");
    }
    if (onDemand && (warm || throughput || stream || indexCreateOrDelete || indexUpdate)) {
      throw ServiceErrors.invalidParameters(
          "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
    }
    if (warm && createsIndex) {
      throw ServiceErrors.invalidParameters(
          "Create global secondary index cannot be specified when updating WarmThroughput");
    }
    if (warm && others(Member.WARM)) {
      throw ServiceErrors.invalidParameters(
          "WarmThroughput must be the only operation in the request");
    }
    if (stream && throughput) {
      throw ServiceErrors.invalidParameters(
          "You cannot modify stream status while updating table IOPS");
    }
    if (indexCreateOrDelete && throughput) {
      throw ServiceErrors.invalidParameters(
          "You cannot create or delete index while updating table IOPS");
    }
    if (indexCreateOrDelete && stream) {
      throw ServiceErrors.invalidParameters(
          "You cannot create or delete index while changing stream status");
    }
  }

  private enum Member { SSE, TABLE_CLASS, DELETION_PROTECTION, WARM }

  /** Whether the request carries a change besides {@code member}. */
  private boolean others(Member member) {
    return (sse && member != Member.SSE)
        || (tableClass && member != Member.TABLE_CLASS)
        || (deletionProtection && member != Member.DELETION_PROTECTION)
        || (warm && member != Member.WARM)
        || onDemand || billingMode || throughput || stream || indexCreateOrDelete || indexUpdate;
  }
}
