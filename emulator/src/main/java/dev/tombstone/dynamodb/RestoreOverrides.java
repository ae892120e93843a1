package dev.tombstone.dynamodb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a restore changes from the source's settings: billing, indexes and throughput. Each empty
 * member keeps the source's setting; an index list, when present, replaces the source's
 * indexes of that kind (an empty list drops them all).
 */
public record RestoreOverrides(
    Optional<TableDefinition.BillingMode> billingMode,
    Optional<List<TableDefinition.IndexDefinition>> globalSecondaryIndexes,
    Optional<List<TableDefinition.IndexDefinition>> localSecondaryIndexes,
    OptionalLong readCapacityUnits,
    OptionalLong writeCapacityUnits) {

  /** Restores every setting as the source had it. */
  public static final RestoreOverrides NONE = new RestoreOverrides(Optional.empty(),
      Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty());

  public RestoreOverrides {
    Objects.requireNonNull(billingMode, "billingMode");
    globalSecondaryIndexes = Objects.requireNonNull(globalSecondaryIndexes,
        "globalSecondaryIndexes").map(List::copyOf);
    localSecondaryIndexes = Objects.requireNonNull(localSecondaryIndexes,
        "localSecondaryIndexes").map(List::copyOf);
    Objects.requireNonNull(readCapacityUnits, "readCapacityUnits");
    Objects.requireNonNull(writeCapacityUnits, "writeCapacityUnits");
  }

  /**
   * {@code source} as the restored table {@code targetName} is defined: these overrides applied,
   * without the attribute definitions only dropped indexes used, without a stream and without
   * deletion protection (a restore brings back neither).
   */
  TableDefinition apply(TableDefinition source, String targetName) {
    TableDefinition.BillingMode mode = billingMode.orElse(source.billingMode());
    boolean onDemand = mode == TableDefinition.BillingMode.PAY_PER_REQUEST;
    // CreateTable's texts: a restore defines a table with the same rules.
    if (onDemand && (readCapacityUnits.isPresent() || writeCapacityUnits.isPresent())) {
      throw DynamoDbError.Validation.invalidParameters("Neither ReadCapacityUnits nor"
          + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
    if (!onDemand && source.readCapacityUnits() == 0 && readCapacityUnits.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("ReadCapacityUnits and WriteCapacityUnits"
          + " must both be specified when BillingMode is PROVISIONED");
    }
    List<TableDefinition.IndexDefinition> globals =
        globalSecondaryIndexes.orElse(source.globalSecondaryIndexes());
    if (!onDemand) {
      checkThroughputOf(globals);
    }
    long read = onDemand ? 0 : readCapacityUnits.orElse(source.readCapacityUnits());
    long write = onDemand ? 0 : writeCapacityUnits.orElse(source.writeCapacityUnits());
    return new TableDefinition(targetName, source.keySchema(), source.attributeDefinitions(),
        mode, read, write, localSecondaryIndexes.orElse(source.localSecondaryIndexes()),
        globals, false, null).withUsedAttributeDefinitionsOnly();
  }

  /**
   * Refuses global indexes kept from an on-demand source on a provisioned restore: they have no
   * capacity, and CreateTable refuses a provisioned table's index without one. An index override
   * must give them theirs.
   */
  private static void checkThroughputOf(List<TableDefinition.IndexDefinition> globals) {
    for (TableDefinition.IndexDefinition index : globals) {
      if (index.readCapacityUnits() == 0) {
        throw DynamoDbError.Validation.invalidParameters(
            "ProvisionedThroughput is not specified for index: " + index.name());
      }
    }
  }
}
