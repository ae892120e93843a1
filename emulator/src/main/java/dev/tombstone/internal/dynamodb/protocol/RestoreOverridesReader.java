package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.RestoreOverrides;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The overrides both restores take ({@code BillingModeOverride}, the index overrides,
 * {@code ProvisionedThroughputOverride}, {@code SSESpecificationOverride}): read with the model's
 * constraints, then built against the source's definition, whose attribute definitions the
 * index overrides' keys must use. Encryption is read as CreateTable's {@code SSESpecification}
 * and applied to the restored table by the operation.
 */
final class RestoreOverridesReader {
  private final String billingMode;
  private final List<SecondaryIndexes.Declared> global;
  private final List<SecondaryIndexes.Declared> local;
  private final Json.Obj throughput;
  private final Throughput units;
  private final Json.Obj sse;

  private RestoreOverridesReader(String billingMode, List<SecondaryIndexes.Declared> global,
      List<SecondaryIndexes.Declared> local, Json.Obj throughput, Throughput units,
      Json.Obj sse) {
    this.billingMode = billingMode;
    this.global = global;
    this.local = local;
    this.throughput = throughput;
    this.units = units;
    this.sse = sse;
  }

  /** Reads the overrides of {@code request}, adding their model constraints. */
  static RestoreOverridesReader read(Json.Obj request, Constraints constraints) {
    String billingMode = Members.string(request, "BillingModeOverride");
    constraints.oneOf("billingModeOverride", billingMode, "PROVISIONED", "PAY_PER_REQUEST");
    List<SecondaryIndexes.Declared> global = SecondaryIndexes.readAll(
        Members.list(request, "GlobalSecondaryIndexOverride"), "globalSecondaryIndexOverride",
        true, constraints);
    List<SecondaryIndexes.Declared> local = SecondaryIndexes.readAll(
        Members.list(request, "LocalSecondaryIndexOverride"), "localSecondaryIndexOverride",
        false, constraints);
    Json.Obj throughput =
        Members.structure(request, "ProvisionedThroughputOverride", "ProvisionedThroughput");
    Throughput units =
        Throughput.read(throughput, "provisionedThroughputOverride", constraints);
    Json.Obj sse = SseSpecifications.read(request, "SSESpecificationOverride",
        "sSESpecificationOverride", constraints);
    return new RestoreOverridesReader(billingMode, global, local, throughput, units, sse);
  }

  /**
   * The restored table's encryption, past the checks CreateTable gives its {@code
   * SSESpecification}; null without an override, which restores with the AWS owned key.
   */
  SseSpecifications.Spec encryption() {
    return SseSpecifications.check(sse);
  }

  /** The overrides against {@code source}, with CreateTable's checks of indexes and units. */
  RestoreOverrides build(TableDefinition source) {
    units.checkBounds();
    TableDefinition.BillingMode mode = billingMode == null ? source.billingMode()
        : TableDefinition.BillingMode.valueOf(billingMode);
    boolean provisioned = mode == TableDefinition.BillingMode.PROVISIONED;
    Map<String, AttributeType> types = source.attributeDefinitions();
    Set<String> names = new HashSet<>();
    Optional<List<TableDefinition.IndexDefinition>> locals = local == null ? Optional.empty()
        : Optional.of(local.isEmpty() ? List.of()
            : SecondaryIndexes.local(local, source.keySchema(), types, names));
    Optional<List<TableDefinition.IndexDefinition>> globals = global == null ? Optional.empty()
        : Optional.of(global.isEmpty() ? List.of()
            : SecondaryIndexes.global(global, types, provisioned, names));
    return new RestoreOverrides(Optional.ofNullable(billingMode).map(m -> mode), globals, locals,
        throughput == null ? OptionalLong.empty() : OptionalLong.of(units.read()),
        throughput == null ? OptionalLong.empty() : OptionalLong.of(units.write()));
  }
}
