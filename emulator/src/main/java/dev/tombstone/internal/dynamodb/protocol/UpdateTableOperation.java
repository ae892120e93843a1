package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.dynamodb.UpdateTable;
import dev.tombstone.internal.TableUpdateTexts;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * UpdateTable of API 2012-08-10: billing mode, throughput, deletion protection, stream,
 * server-side encryption, table class, warm throughput and global secondary index
 * create/update/delete; decode, validate, apply, encode the description. The global table
 * members are refused ({@link GlobalTableUpdates}).
 */
final class UpdateTableOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  UpdateTableOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    String billingMode = Members.string(request, "BillingMode");
    Json.Obj throughput = Members.structure(request, "ProvisionedThroughput");
    List<Json> definitions = Members.list(request, "AttributeDefinitions");
    List<Json> updates = Members.list(request, "GlobalSecondaryIndexUpdates");
    Boolean deletionProtection = Members.bool(request, "DeletionProtectionEnabled");
    String tableClassName = Members.string(request, "TableClass");
    TableDefinition.WarmThroughput warm = WarmThroughputs.read(request);
    TableAttachments.OnDemandLimits onDemandLimits = OnDemandThroughputs.read(request);

    Constraints constraints = new Constraints();
    constraints.tableNameOrArn("tableName", tableName);
    constraints.oneOf("billingMode", billingMode, "PROVISIONED", "PAY_PER_REQUEST");
    Throughput units = Throughput.read(throughput, constraints);
    Json.Obj streamSpecification = StreamSpecifications.read(request, constraints);
    Json.Obj sseSpecification =
        SseSpecifications.read(request, "SSESpecification", "sSESpecification", constraints);
    Long read = units.read();
    Long write = units.write();
    Map<String, AttributeType> types = new LinkedHashMap<>();
    if (definitions != null) {
      int i = 1;
      for (Json definition : definitions) {
        Json.Obj d = Members.element(definition, "AttributeDefinition");
        String name = Members.string(d, "AttributeName");
        String type = Members.string(d, "AttributeType");
        constraints.notNull("attributeDefinitions." + i + ".member.attributeName", name);
        constraints.notNull("attributeDefinitions." + i + ".member.attributeType", type);
        constraints.oneOf("attributeDefinitions." + i + ".member.attributeType", type, "B",
            "N", "S");
        if (name != null && type != null && type.matches("[BNS]")) {
          types.put(name, AttributeType.valueOf(type));
        }
        i++;
      }
    }
    List<GlobalIndexUpdate> pending = new ArrayList<>();
    if (updates != null) {
      int i = 1;
      for (Json raw : updates) {
        pending.add(GlobalIndexUpdate.read(Members.element(raw, "GlobalSecondaryIndexUpdate"),
            "globalSecondaryIndexUpdates." + i + ".member", constraints));
        i++;
      }
    }
    List<Json> vectorUpdates = Members.list(request, "VectorIndexUpdates");
    List<VectorIndexUpdates.Pending> vectorPending = vectorUpdates == null ? List.of()
        : VectorIndexUpdates.read(vectorUpdates, constraints);
    GlobalTableUpdates.Pending global = GlobalTableUpdates.read(request, constraints);
    constraints.check();
    // The table changes the request asks for besides the global table and vector index members.
    boolean otherMembers = billingMode != null || throughput != null || updates != null
        || deletionProtection != null || tableClassName != null || warm != null
        || onDemandLimits != null || streamSpecification != null || sseSpecification != null;
    boolean consistency = request.has("MultiRegionConsistency");
    if (global.any()) {
      boolean others = otherMembers || vectorUpdates != null || consistency;
      // Only empty lists, and nothing else: the request asks for nothing (below).
      if (global.asksForSomething() || others) {
        throw GlobalTableUpdates.refusal(global, others, tableName, state);
      }
    }
    if (consistency && (otherMembers || vectorUpdates != null)) {
      // It goes with a replica Create only, which Tombstone refuses; beside another change it
      // was dropped while the change was applied.
      throw new DynamoDbError.Validation(
          "MultiRegionConsistency" + GlobalTableUpdates.NOT_SUPPORTED);
    }
    if (!vectorPending.isEmpty()) {
      return VectorIndexUpdates.apply(vectorPending, otherMembers, types, tableName, state,
          attachments);
    }
    TableDefinition.TableClass tableClass = TableClasses.read(tableClassName);
    StreamSpecifications.Spec stream = StreamSpecifications.check(streamSpecification,
        StreamSpecifications.Request.UPDATE_TABLE);
    SseSpecifications.Spec sse = SseSpecifications.check(sseSpecification);
    // Checked before the table is looked up, in this order (dynalite test/updateTable.js,
    // "empty GlobalSecondaryIndexUpdates", "PROVISIONED without ProvisionedThroughput",
    // "empty index struct", "repeated GlobalSecondaryIndexUpdates").
    if (billingMode == null && throughput == null && (updates == null || updates.isEmpty())
        && deletionProtection == null && stream == null && sse == null && tableClass == null
        && warm == null && onDemandLimits == null) {
      throw new DynamoDbError.Validation(consistency
          ? TableUpdateTexts.NOTHING_TO_UPDATE_WITH_CONSISTENCY
          : TableUpdateTexts.NOTHING_TO_UPDATE);
    }
    if (updates != null && updates.isEmpty()) {
      // Absent for the check above, refused beside another change (DDB-TABLE-359, 2026).
      throw ServiceErrors.invalidParameters("List of GlobalSecondaryIndexUpdates is empty");
    }
    if ("PROVISIONED".equals(billingMode) && throughput == null) {
      throw new DynamoDbError.Validation(TableUpdateTexts.PROVISIONED_WITHOUT_THROUGHPUT);
    }
    units.checkBounds();
    Set<String> updatedIndexes = new HashSet<>();
    for (GlobalIndexUpdate change : pending) {
      if (change instanceof GlobalIndexUpdate.None) {
        throw ServiceErrors.invalidParameters("One of GlobalSecondaryIndexUpdate.Update,"
            + " GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not"
            + " be null");
      }
      if (change instanceof GlobalIndexUpdate.Several) {
        throw ServiceErrors.invalidParameters("Only one global secondary index action is"
            + " allowed per GlobalSecondaryIndexUpdate object");
      }
      if (!updatedIndexes.add(change.indexName())) {
        throw ServiceErrors.invalidParameters("Only one global secondary index update per"
            + " index is allowed simultaneously. Index: " + change.indexName());
      }
      if (change instanceof GlobalIndexUpdate.Update u && u.onDemand() != null) {
        OnDemandThroughputs.checkUpdate(u.onDemand(), u.name());
      }
      if (change instanceof GlobalIndexUpdate.Create c) {
        OnDemandThroughputs.checkNewIndex(c.onDemand(), c.indexName());
      }
      if (change instanceof GlobalIndexUpdate.Update u) {
        if (u.warm() != null && WarmThroughputs.empty(u.warm())) {
          throw ServiceErrors.invalidParameters("WarmThroughput must have at least one of"
              + " ReadUnitsPerSecond or WriteUnitsPerSecond specified for index: " + u.name());
        }
      }
    }
    boolean onDemand = onDemandLimits != null;
    if (onDemand && OnDemandThroughputs.empty(onDemandLimits)) {
      if (billingMode == null && throughput == null && stream == null && sseSpecification == null
          && deletionProtection == null && tableClass == null && warm == null
          && (updates == null || updates.isEmpty())) {
        // DynamoDB fails this with a 500 (InternalFailure, DDB-TABLE-178 and -437).
        throw ServiceErrors.invalidParameters("OnDemandThroughput must have at least one of"
            + " MaxReadRequestUnits or MaxWriteRequestUnits specified");
      }
      // Beside another change an empty member counts as absent, as an empty WarmThroughput.
      onDemandLimits = null;
      onDemand = false;
    }
    boolean otherChanges = billingMode != null || throughput != null || stream != null
        || sseSpecification != null || deletionProtection != null || tableClass != null
        || onDemand || (updates != null && !updates.isEmpty());
    if (warm != null && WarmThroughputs.empty(warm)) {
      if (!otherChanges) {
        // DynamoDB fails this with a 500 (InternalFailure); its index-level text, for the table.
        throw ServiceErrors.invalidParameters("WarmThroughput must have at least one of"
            + " ReadUnitsPerSecond or WriteUnitsPerSecond specified");
      }
      // With any other change DynamoDB takes an empty WarmThroughput as absent (DDB-TABLE-456).
      warm = null;
    }
    combinations(pending, onDemand, billingMode != null, throughput != null, stream != null,
        sseSpecification != null, deletionProtection != null, tableClass != null, warm != null)
        .check();
    if (onDemandLimits != null) {
      OnDemandThroughputs.checkUpdate(onDemandLimits, null);
    }
    List<SecondaryIndexes.Declared> created = new ArrayList<>();
    for (GlobalIndexUpdate change : pending) {
      if (change instanceof GlobalIndexUpdate.Create c) {
        if (definitions == null) {
          // AWS's text (ack-api-quirks DDB-TABLE-162, 2026).
          throw ServiceErrors.invalidParameters(
              "AttributeDefinitions is not specified for index: " + c.indexName());
        }
        created.add(c.index());
      }
    }
    TableAttributeNames.check(types.keySet(), List.of(), List.of(created));

    UpdateTable.Request update = UpdateTable.Request.of(tableName);
    if (billingMode != null) {
      update = update.withBillingMode(TableDefinition.BillingMode.valueOf(billingMode));
    }
    if (read != null) {
      update = update.withThroughput(read, write);
    }
    if (deletionProtection != null) {
      update = update.withDeletionProtection(deletionProtection);
    }
    if (tableClass != null) {
      update = update.withTableClass(tableClass);
    }
    if (warm != null) {
      update = update.withWarmThroughput(warm);
    }
    if (stream != null) {
      update = stream.enabled() ? update.enablingStream(stream.viewType())
          : update.disablingStream();
    }
    if (onDemandLimits != null) {
      TableDescription current = state.describeTable(tableName);
      OnDemandThroughputs.checkAgainst(onDemandLimits, billingMode != null
          ? TableDefinition.BillingMode.valueOf(billingMode)
          : current.definition().billingMode(), current.arn());
    }
    TableDescription before = null;
    Map<String, TableAttachments.OnDemandLimits> indexOnDemand = new LinkedHashMap<>();
    int indexChanges = 0;
    if (updates != null) {
      // An unknown table is refused, with the table operations' text, before its new index.
      before = state.describeTable(tableName);
      for (GlobalIndexUpdate change : pending) {
        if (change instanceof GlobalIndexUpdate.Update u && u.throughput().exceedsBounds()) {
          // After the table lookup, whether the index exists or not, with a text of its own
          // (dynalite test/updateTable.js, "high index ReadCapacityUnits when table does not
          // exist" and "... when index does not exist").
          throw new DynamoDbError.Validation("This operation cannot be performed with given"
              + " input values. Please contact DynamoDB service team for more info: Action"
              + " Blocked: IndexUpdate");
        }
      }
      indexOnDemand(pending, before, billingMode, indexOnDemand);
      for (GlobalIndexUpdate change : pending) {
        for (UpdateTable.IndexChange indexChange : change.changes(types)) {
          update = update.withIndexChange(indexChange);
          indexChanges++;
        }
      }
    }
    boolean tableChanges = billingMode != null || throughput != null
        || deletionProtection != null || stream != null || indexChanges > 0
        || tableClass != null || warm != null;
    // The units before, to limit and date a rise or fall of the table's or an index's units.
    List<ThroughputDecreaseBudget.IndexUnits> indexUnits = new ArrayList<>();
    for (GlobalIndexUpdate change : pending) {
      if (change instanceof GlobalIndexUpdate.Update u && u.throughput().read() != null
          && u.throughput().write() != null) {
        indexUnits.add(new ThroughputDecreaseBudget.IndexUnits(u.name(), u.throughput().read(),
            u.throughput().write()));
      }
    }
    boolean unitsMayChange = read != null || billingMode != null || !indexUnits.isEmpty();
    // Encryption alone leaves the definition as it is; anything else goes through UpdateTable,
    // whose refusals (then) keep the encryption as it was too.
    TableDescription after;
    synchronized (attachments.throughputChanges()) {
      // Read under the lock every UpdateTable takes, so no other update lands in between.
      TableDescription unitsBefore = unitsMayChange ? state.describeTable(tableName) : null;
      if (unitsBefore != null) {
        ThroughputDecreaseBudget.check(attachments, unitsBefore, read, write, billingMode,
            indexUnits);
      }
      after = !tableChanges ? state.describeTable(tableName)
          : state.updateTable(update.withAttributeDefinitions(types));
      if (unitsBefore != null) {
        ThroughputChangeDates.record(attachments, unitsBefore, after);
      }
    }
    OnDemandThroughputs.Shown shownOnDemand =
        OnDemandThroughputs.updated(attachments, after, onDemandLimits, indexOnDemand);
    SseSpecifications.Described encryption = sse == null
        ? SseSpecifications.settled(attachments, after)
        : SseSpecifications.update(attachments, after, sse);
    for (GlobalIndexUpdate change : pending) {
      if (change instanceof GlobalIndexUpdate.Delete d) {
        return TableDescriptions.write("TableDescription", withDeleting(after, before, d.name()),
            Set.of(d.name()), encryption, shownOnDemand,
            VectorIndexDescriptions.of(attachments, state, after),
            ThroughputChangeDates.described(attachments, after));
      }
    }
    return TableDescriptions.write("TableDescription", after, Set.of(), encryption,
        shownOnDemand, VectorIndexDescriptions.of(attachments, state, after),
        ThroughputChangeDates.described(attachments, after));
  }

  /**
   * Checks the indexes' {@code OnDemandThroughput} against the table (which must be, or become,
   * on-demand; an Update names a global index it has, even when its limits are empty; the
   * quota) and collects them, by index name.
   */
  private static void indexOnDemand(List<GlobalIndexUpdate> pending, TableDescription table,
      String billingMode, Map<String, TableAttachments.OnDemandLimits> out) {
    boolean provisioned = billingMode != null ? "PROVISIONED".equals(billingMode)
        : table.definition().billingMode() == TableDefinition.BillingMode.PROVISIONED;
    for (GlobalIndexUpdate change : pending) {
      String index = change.indexName();
      if (change instanceof GlobalIndexUpdate.Update u) {
        boolean changesNothing = u.throughput() == Throughput.ABSENT && u.warm() == null
            && (u.onDemand() == null || OnDemandThroughputs.empty(u.onDemand()));
        if (changesNothing || u.onDemand() != null) {
          checkGlobalIndex(table.definition(), index);
        }
        if (changesNothing) {
          throw emptyIndexUpdate(index, provisioned, u.onDemand() != null);
        }
      }
      TableAttachments.OnDemandLimits limits = change instanceof GlobalIndexUpdate.Update u ? u.onDemand()
          : change instanceof GlobalIndexUpdate.Create c ? c.onDemand() : null;
      if (limits == null || OnDemandThroughputs.empty(limits)) {
        continue;
      }
      if (provisioned) {
        OnDemandThroughputs.refuseOnProvisioned(limits, index, false);
      }
      OnDemandThroughputs.checkQuota(limits, table.arn(), index);
      out.put(index, limits);
    }
  }

  /**
   * Refuses an index Update naming no global index of {@code table}, as the domain refuses one
   * that changes throughput: a local index's name is a ValidationException, any other name a
   * ResourceNotFoundException (ack-api-quirks DDB-TABLE-137, -161, -446, 2026).
   */
  private static void checkGlobalIndex(TableDefinition table, String index) {
    if (table.globalSecondaryIndexes().stream().anyMatch(g -> g.name().equals(index))) {
      return;
    }
    if (table.localSecondaryIndexes().stream().anyMatch(l -> l.name().equals(index))) {
      throw new DynamoDbError.Validation(
          "Cannot update an index that is not a GlobalSecondaryIndex: " + index);
    }
    throw new DynamoDbError.ResourceNotFound(
        "Requested resource not found: Index " + index + " for table " + table.name());
  }

  /**
   * An Update of an existing global index that changes nothing: only its name, or beside it an
   * empty {@code OnDemandThroughput}. On an on-demand table AWS answers both with its
   * PAY_PER_REQUEST text (ack-api-quirks DDB-TABLE-456, 2026); on a provisioned one the texts
   * are Tombstone's: the table-level empty-OnDemandThroughput text with the index named as AWS's
   * WarmThroughput text names it, or, for a bare name, that its throughput is wanted.
   */
  private static DynamoDbError emptyIndexUpdate(String index, boolean provisioned,
      boolean onDemandNamed) {
    if (!provisioned) {
      return ServiceErrors.invalidParameters("The only Updates for index: " + index
          + " when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput,"
          + " WarmThroughput");
    }
    if (onDemandNamed) {
      return ServiceErrors.invalidParameters("OnDemandThroughput must have at least one of"
          + " MaxReadRequestUnits or MaxWriteRequestUnits specified for index: " + index);
    }
    return ServiceErrors.invalidParameters("ProvisionedThroughput must be specified for index: "
        + index);
  }

  private static UpdateTableCombinations combinations(List<GlobalIndexUpdate> pending, boolean onDemand,
      boolean billingMode, boolean throughput, boolean stream, boolean sse,
      boolean deletionProtection, boolean tableClass, boolean warm) {
    boolean createOrDelete = false;
    boolean create = false;
    boolean update = false;
    for (GlobalIndexUpdate change : pending) {
      create |= change instanceof GlobalIndexUpdate.Create;
      createOrDelete |= change instanceof GlobalIndexUpdate.Create || change instanceof GlobalIndexUpdate.Delete;
      update |= change instanceof GlobalIndexUpdate.Update;
    }
    return new UpdateTableCombinations(sse, tableClass, deletionProtection, onDemand, warm,
        billingMode, throughput, stream, createOrDelete, create, update);
  }

  /**
   * The answer to a Delete: the index is gone at once, yet DynamoDB's answer still lists it, as
   * DELETING, where it was and with what it held.
   */
  private static TableDescription withDeleting(TableDescription after, TableDescription before,
      String deleted) {
    TableDefinition now = after.definition();
    List<TableDefinition.IndexDefinition> gsis = new ArrayList<>(now.globalSecondaryIndexes());
    List<TableDefinition.IndexDefinition> old = before.definition().globalSecondaryIndexes();
    for (int i = 0; i < old.size(); i++) {
      if (old.get(i).name().equals(deleted)) {
        gsis.add(Math.min(i, gsis.size()), old.get(i));
      }
    }
    Map<String, TableDescription.IndexStatistics> statistics =
        new HashMap<>(after.indexStatistics());
    statistics.put(deleted, before.index(deleted));
    Map<String, UUID> indexIds = new HashMap<>(after.indexIds());
    indexIds.put(deleted, before.indexIds().get(deleted));
    return new TableDescription(new TableDefinition(now.name(), now.keySchema(),
        now.attributeDefinitions(), now.billingMode(), now.readCapacityUnits(),
        now.writeCapacityUnits(), now.localSecondaryIndexes(), gsis, now.deletionProtection(),
        now.streamViewType(), now.tableClass(), now.warmThroughput()),
        after.status(), after.createdAt(), after.arn(), after.tableId(), after.itemCount(),
        after.sizeInBytes(), statistics, after.lastUpdateToPayPerRequest(),
        after.latestStreamArn(), after.restoreSummary(), indexIds, after.tableClassUpdatedAt());
  }
}
