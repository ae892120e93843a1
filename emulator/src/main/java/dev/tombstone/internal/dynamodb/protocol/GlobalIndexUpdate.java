package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.UpdateTable;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One element of an UpdateTable's {@code GlobalSecondaryIndexUpdates}, past its model
 * constraints: a Create, Delete or Update of one global index, or an element naming none or
 * several of them, which UpdateTable refuses.
 */
sealed interface GlobalIndexUpdate {
  /** The index the element acts on; null for {@link None} and {@link Several}. */
  default String indexName() {
    return null;
  }

  record Create(SecondaryIndexes.Declared index, TableDefinition.WarmThroughput warm,
      TableAttachments.OnDemandLimits onDemand) implements GlobalIndexUpdate {
    @Override
    public String indexName() {
      return index.name();
    }
  }

  record Delete(String name) implements GlobalIndexUpdate {
    @Override
    public String indexName() {
      return name;
    }
  }

  /** Provisioned throughput (ABSENT when not given), warm and on-demand (null when not). */
  record Update(String name, Throughput throughput, TableDefinition.WarmThroughput warm,
      TableAttachments.OnDemandLimits onDemand) implements GlobalIndexUpdate {
    @Override
    public String indexName() {
      return name;
    }
  }

  /** None of Create, Delete and Update. */
  record None() implements GlobalIndexUpdate {}

  /** More than one of Create, Delete and Update in one element. */
  record Several() implements GlobalIndexUpdate {}

  /** Every action present gets its model constraints, however many the element has. */
  static GlobalIndexUpdate read(Json.Obj element, String path, Constraints constraints) {
    Json.Obj create = Members.structure(element, "Create", "CreateGlobalSecondaryIndexAction");
    Json.Obj delete = Members.structure(element, "Delete", "DeleteGlobalSecondaryIndexAction");
    Json.Obj update = Members.structure(element, "Update", "UpdateGlobalSecondaryIndexAction");
    List<GlobalIndexUpdate> actions = new ArrayList<>();
    if (create != null) {
      actions.add(new Create(
          SecondaryIndexes.read(create, path + ".create", true, constraints),
          WarmThroughputs.read(create), OnDemandThroughputs.read(create)));
    }
    if (delete != null) {
      String name = Members.string(delete, "IndexName");
      constraints.tableName(path + ".delete.indexName", name, true);
      actions.add(new Delete(name));
    }
    if (update != null) {
      String name = Members.string(update, "IndexName");
      Json.Obj throughput = Members.structure(update, "ProvisionedThroughput");
      TableDefinition.WarmThroughput warm = WarmThroughputs.read(update);
      TableAttachments.OnDemandLimits onDemand = OnDemandThroughputs.read(update);
      // ProvisionedThroughput is optional in the model: an Update that changes nothing is refused
      // once the table is known (UpdateTableOperation), as DynamoDB words it by billing mode.
      constraints.tableName(path + ".update.indexName", name, true);
      actions.add(new Update(name,
          Throughput.read(throughput, path + ".update.provisionedThroughput", constraints),
          warm, onDemand));
    }
    if (actions.isEmpty()) {
      return new None();
    }
    return actions.size() == 1 ? actions.get(0) : new Several();
  }

  /**
   * The changes the table can apply for one element; a new index is checked as CreateTable checks
   * one, against the request's own AttributeDefinitions: DynamoDB wants the new index's key
   * attributes declared there even when the table already defines them.
   */
  default List<UpdateTable.IndexChange> changes(Map<String, AttributeType> types) {
    if (this instanceof Create c) {
      return List.of(new UpdateTable.IndexChange.Create(
          SecondaryIndexes.created(c.index(), types, new HashSet<>())
              .withWarmThroughput(c.warm())));
    }
    if (this instanceof Delete d) {
      return List.of(new UpdateTable.IndexChange.Delete(d.name()));
    }
    Update u = (Update) this;
    List<UpdateTable.IndexChange> changes = new ArrayList<>();
    if (u.throughput() != Throughput.ABSENT) {
      changes.add(new UpdateTable.IndexChange.Update(u.name(), u.throughput().read(),
          u.throughput().write()));
    }
    if (u.warm() != null) {
      changes.add(new UpdateTable.IndexChange.RaiseWarmThroughput(u.name(), u.warm()));
    }
    return changes;
  }
}
