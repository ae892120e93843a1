package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableSideState;
import dev.tombstone.internal.dynamodb.VectorIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable's {@code VectorIndexUpdates}: one Create or Delete of a vector index per request,
 * with no other change of the table beside it (but the {@code AttributeDefinitions} a new
 * index's search schema needs). A new index is ACTIVE and holds the table's items at once; a
 * deleted one is gone at once, and SearchVectors no longer finds it.
 */
final class VectorIndexUpdates {
  static final String NO_ACTION =
      "One of VectorIndexUpdate.Create, VectorIndexUpdate.Delete must not be null";
  static final String SEVERAL_ACTIONS =
      "Only one vector index action is allowed per VectorIndexUpdate object";
  static final String ONE_PER_REQUEST =
      "Only one vector index can be created or deleted per UpdateTable request";
  static final String NOT_ALONE =
      "VectorIndexUpdates cannot be combined with other table updates in one request";

  /** One element as read: the create's declaration, or the name of the index to delete. */
  record Pending(VectorIndexDefinitions.Declared create, String delete, int actions) {}

  private VectorIndexUpdates() {}

  /** Reads each element, its model violations collected in {@code constraints}. */
  static List<Pending> read(List<Json> updates, Constraints constraints) {
    List<Pending> pending = new ArrayList<>();
    int i = 1;
    for (Json raw : updates) {
      Json.Obj update = Members.element(raw, "VectorIndexUpdate");
      String path = "vectorIndexUpdates." + i + ".member";
      Json.Obj create = Members.structure(update, "Create");
      Json.Obj delete = Members.structure(update, "Delete");
      VectorIndexDefinitions.Declared declared = create == null ? null
          : VectorIndexDefinitions.read(create, path + ".create", constraints);
      String deleted = null;
      if (delete != null) {
        deleted = Members.string(delete, "IndexName");
        constraints.globalIndexName(path + ".delete.indexName", deleted);
      }
      pending.add(new Pending(declared, deleted,
          (create == null ? 0 : 1) + (delete == null ? 0 : 1)));
      i++;
    }
    return pending;
  }

  /**
   * Applies the one update and answers UpdateTable's description.
   *
   * @param otherChanges whether the request asks for any other change of the table
   * @param definitions the request's {@code AttributeDefinitions}
   */
  static byte[] apply(List<Pending> pending, boolean otherChanges,
      Map<String, AttributeType> definitions, String tableName, DynamoDbState state,
      TableAttachments attachments) throws IOException {
    for (Pending update : pending) {
      if (update.actions() == 0) {
        throw ServiceErrors.invalidParameters(NO_ACTION);
      }
      if (update.actions() > 1) {
        throw ServiceErrors.invalidParameters(SEVERAL_ACTIONS);
      }
    }
    if (pending.size() > 1) {
      throw ServiceErrors.invalidParameters(ONE_PER_REQUEST);
    }
    if (otherChanges) {
      throw ServiceErrors.invalidParameters(NOT_ALONE);
    }
    Pending update = pending.get(0);
    TableDescription table = state.describeTable(tableName);
    TableDefinition definition = table.definition();
    String name = definition.name();
    TableSideState<VectorIndex> vectors = attachments.vectors();
    synchronized (vectors) {
      Map<String, VectorIndex> current = vectors.all(name, table.tableId());
      if (update.delete() != null) {
        if (vectors.remove(name, table.tableId(), update.delete()).isEmpty()) {
          throw new DynamoDbError.ResourceNotFound("Requested resource not found: Index "
              + update.delete() + " for table " + name);
        }
      } else {
        Map<String, AttributeType> types = new LinkedHashMap<>(definition.attributeDefinitions());
        current.values().forEach(v ->
            v.searchSchema().forEach(k -> types.putIfAbsent(k.attribute(), k.type())));
        types.putAll(definitions);
        Set<String> names = new HashSet<>(current.keySet());
        definition.localSecondaryIndexes().forEach(index -> names.add(index.name()));
        definition.globalSecondaryIndexes().forEach(index -> names.add(index.name()));
        if (names.contains(update.create().name())) {
          throw new DynamoDbError.Validation(
              "Attempting to create an index which already exists");
        }
        VectorIndex created = VectorIndexDefinitions.define(update.create(), types,
            definition.billingMode() == TableDefinition.BillingMode.PAY_PER_REQUEST, names,
            current.values());
        vectors.put(name, table.tableId(), created.name(), created);
      }
    }
    TableDescription after = state.describeTable(name);
    return TableDescriptions.write("TableDescription", after, Set.of(),
        SseSpecifications.settled(attachments, after),
        OnDemandThroughputs.stored(attachments, after),
        VectorIndexDescriptions.of(attachments, state, after),
        ThroughputChangeDates.described(attachments, after));
  }
}
