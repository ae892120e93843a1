package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.RestoreOverrides;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.OnDemandLimits;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The overrides both restores take ({@code BillingModeOverride}, the index overrides,
 * {@code ProvisionedThroughputOverride}, {@code OnDemandThroughputOverride}, {@code
 * SSESpecificationOverride}): read with the model's constraints, then built against the source's
 * definition, whose attribute definitions the index overrides' keys must use. Encryption is read
 * as CreateTable's {@code SSESpecification}, the on-demand limits (the table's and each global
 * index override's {@code OnDemandThroughput}) as CreateTable's, and both are applied to the
 * restored table by the operation. {@code VectorIndexOverride} is refused: no AWS text says
 * what it does to a backup's vector indexes, and Tombstone's backups keep none.
 */
final class RestoreOverridesReader {
  private final String billingMode;
  private final List<SecondaryIndexes.Declared> global;
  private final List<SecondaryIndexes.Declared> local;
  private final Json.Obj throughput;
  private final Throughput units;
  private final Json.Obj sse;
  private final OnDemandLimits onDemand;
  private final Map<String, OnDemandLimits> indexOnDemand;
  private final boolean vectorOverride;

  /** Tombstone's refusal of {@code VectorIndexOverride}. */
  static final String VECTOR_OVERRIDE_REFUSED = "VectorIndexOverride is not supported by"
      + " Tombstone: restore without it, then add vector indexes with UpdateTable";

  private RestoreOverridesReader(String billingMode, List<SecondaryIndexes.Declared> global,
      List<SecondaryIndexes.Declared> local, Json.Obj throughput, Throughput units,
      Json.Obj sse, OnDemandLimits onDemand, Map<String, OnDemandLimits> indexOnDemand,
      boolean vectorOverride) {
    this.billingMode = billingMode;
    this.global = global;
    this.local = local;
    this.throughput = throughput;
    this.units = units;
    this.sse = sse;
    this.onDemand = onDemand;
    this.indexOnDemand = indexOnDemand;
    this.vectorOverride = vectorOverride;
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
    OnDemandLimits onDemand = OnDemandThroughputs.read(request, "OnDemandThroughputOverride");
    Map<String, OnDemandLimits> indexOnDemand =
        OnDemandThroughputs.byIndex(request, "GlobalSecondaryIndexOverride");
    boolean vectors = Members.list(request, "VectorIndexOverride") != null;
    return new RestoreOverridesReader(billingMode, global, local, throughput, units, sse,
        onDemand, indexOnDemand, vectors);
  }

  /** Refuses what Tombstone does not restore; after the model's constraints. */
  void checkSupported() {
    if (vectorOverride) {
      throw new DynamoDbError.Validation(VECTOR_OVERRIDE_REFUSED);
    }
  }

  /**
   * Stores the on-demand limits of the table just restored, as CreateTable stores its own;
   * returns what its description shows.
   */
  OnDemandThroughputs.Shown onDemand(TableAttachments attachments, TableDescription restored) {
    return OnDemandThroughputs.created(attachments, restored, onDemand, indexOnDemand);
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
    // CreateTable's checks of OnDemandThroughput, against the restored table's billing mode.
    OnDemandThroughputs.checkCreate(onDemand, provisioned);
    OnDemandThroughputs.checkCreateIndexes(indexOnDemand, provisioned);
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
