package dev.tombstone.dynamodb;

/**
 * DynamoDB's refusals of a warm throughput: below what the billing gives a new table or index,
 * or below what a table or index has. Texts as AWS answered them (quoted in terraform-provider-aws
 * and in AWS-run probes); the subject is {@code table} or {@code index <name>}.
 */
final class WarmThroughputRules {
  private static final String ON_DEMAND_INITIAL = "https://docs.aws.amazon.com/amazondynamodb/"
      + "latest/developerguide/on-demand-capacity-mode.html#on-demand-capacity-mode-initial";

  private WarmThroughputRules() {}

  /** Refuses the asked-for warm throughput of a new table's or index's when below its floor. */
  static void checkInitial(TableDefinition.WarmThroughput asked, boolean onDemand, long read,
      long write, String subject) {
    if (asked == null) {
      return;
    }
    checkInitial("ReadUnitsPerSecond", asked.readUnitsPerSecond(), onDemand,
        TableDefinition.WarmThroughput.ON_DEMAND_INITIAL.readUnitsPerSecond(), read,
        "ReadCapacityUnits", subject);
    checkInitial("WriteUnitsPerSecond", asked.writeUnitsPerSecond(), onDemand,
        TableDefinition.WarmThroughput.ON_DEMAND_INITIAL.writeUnitsPerSecond(), write,
        "WriteCapacityUnits", subject);
  }

  /** Refuses a new table's, and its global indexes', warm throughput below their floors. */
  static void checkInitial(TableDefinition definition) {
    boolean onDemand = definition.billingMode() == TableDefinition.BillingMode.PAY_PER_REQUEST;
    checkInitial(definition.warmThroughput(), onDemand, definition.readCapacityUnits(),
        definition.writeCapacityUnits(), "table");
    for (TableDefinition.IndexDefinition index : definition.globalSecondaryIndexes()) {
      checkInitial(index.warmThroughput(), onDemand, index.readCapacityUnits(),
          index.writeCapacityUnits(), "index " + index.name());
    }
  }

  private static void checkInitial(String unit, Long asked, boolean onDemand, long onDemandFloor,
      long provisioned, String provisionedUnit, String subject) {
    if (asked == null) {
      return;
    }
    if (onDemand && asked < onDemandFloor) {
      throw DynamoDbError.Validation.invalidParameters("Requested " + unit
          + " for WarmThroughput for " + subject + " is lower than initial throughput for"
          + " OnDemand. See: " + ON_DEMAND_INITIAL);
    }
    if (!onDemand && asked < provisioned) {
      throw DynamoDbError.Validation.invalidParameters("Requested " + unit
          + " for WarmThroughput for " + subject + " is lower than " + provisionedUnit
          + " of ProvisionedThroughput");
    }
  }

  /** Refuses a unit of {@code asked} below {@code current}'s: warm throughput only rises. */
  static void checkNoDecrease(TableDefinition.WarmThroughput asked,
      TableDefinition.WarmThroughput current, String subject) {
    checkNoDecrease("ReadUnitsPerSecond", asked.readUnitsPerSecond(),
        current.readUnitsPerSecond(), subject);
    checkNoDecrease("WriteUnitsPerSecond", asked.writeUnitsPerSecond(),
        current.writeUnitsPerSecond(), subject);
  }

  private static void checkNoDecrease(String unit, Long asked, Long current, String subject) {
    if (asked != null && current != null && asked < current) {
      throw DynamoDbError.Validation.invalidParameters("Requested " + unit
          + " for WarmThroughput for " + subject + " is lower than current WarmThroughput,"
          + " decreasing WarmThroughput is not supported");
    }
  }
}
