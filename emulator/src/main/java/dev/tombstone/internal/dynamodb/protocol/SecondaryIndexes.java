package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition.IndexDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secondary indexes as CreateTable (and UpdateTable's {@code Create}) declare them: read with
 * the model's constraints first, then checked in DynamoDB's order: for the local indexes the
 * list, the table's range key, then per index its key schema, range key, leading hash key,
 * projection and name, then their count; the global indexes likewise.
 */
final class SecondaryIndexes {
  static final int MAX_LOCAL = 5;
  static final int MAX_GLOBAL = 20;
  static final int MAX_PROJECTED = 100;
  /** In DynamoDB's listing order (dynalite test/createTable.js, enum value set texts). */
  private static final String[] PROJECTION_TYPES = {"ALL", "INCLUDE", "KEYS_ONLY"};

  private SecondaryIndexes() {}

  /**
   * One index as the request declares it, past its model constraints.
   *
   * @param keyElements [name, keyType] pairs
   * @param nonKeyAttributes null when absent
   * @param throughput {@link Throughput#ABSENT} when absent
   */
  record Declared(String name, List<String[]> keyElements, String projectionType,
      List<String> nonKeyAttributes, Throughput throughput) {}

  /**
   * Each index of a list member at {@code path}; null when the member is absent. Only a
   * {@code global} index has a {@code ProvisionedThroughput} member.
   */
  static List<Declared> readAll(List<Json> indexes, String path, boolean global,
      Constraints constraints) {
    if (indexes == null) {
      return null;
    }
    List<Declared> result = new ArrayList<>(indexes.size());
    int i = 1;
    for (Json index : indexes) {
      Json.Obj element =
          Members.element(index, global ? "GlobalSecondaryIndex" : "LocalSecondaryIndex");
      result.add(read(element, path + "." + i + ".member", global, constraints));
      i++;
    }
    return result;
  }

  /** One index structure at {@code path}, adding its model constraints. */
  static Declared read(Json.Obj index, String path, boolean global, Constraints constraints) {
    String name = Members.string(index, "IndexName");
    if (global) {
      constraints.globalIndexName(path + ".indexName", name);
    } else {
      constraints.tableName(path + ".indexName", name, true);
    }
    List<Json> keySchema = Members.list(index, "KeySchema");
    if (global) {
      KeySchemas.checkGlobalSize(keySchema, path + ".keySchema", constraints);
    } else {
      KeySchemas.checkSize(keySchema, path + ".keySchema", constraints);
    }
    List<String[]> elements = KeySchemas.read(keySchema, path + ".keySchema", constraints);
    DeclaredProjection projection = readProjection(index, path, constraints);
    Throughput throughput = !global ? Throughput.ABSENT : Throughput.read(
        Members.structure(index, "ProvisionedThroughput"), path + ".provisionedThroughput",
        constraints);
    return new Declared(name, elements, projection.type(), projection.nonKeyAttributes(),
        throughput);
  }

  /**
   * The local indexes (null when the member is absent) of a table keyed by {@code table};
   * adds their names to {@code names}.
   */
  static List<IndexDefinition> local(List<Declared> indexes, KeySchema table,
      Map<String, AttributeType> types, Set<String> names) {
    if (indexes == null) {
      return List.of();
    }
    if (indexes.isEmpty()) {
      throw ServiceErrors.invalidParameters("List of LocalSecondaryIndexes is empty");
    }
    if (table.sortKeyIfAny().isEmpty()) {
      throw ServiceErrors.invalidParameters("Table KeySchema does not have a range key, which"
          + " is required when specifying a LocalSecondaryIndex");
    }
    List<IndexDefinition> result = new ArrayList<>();
    for (Declared index : indexes) {
      KeySchema schema = KeySchemas.build(index.keyElements(), types);
      if (schema.sortKeyIfAny().isEmpty()) {
        throw ServiceErrors.invalidParameters(
            "Index KeySchema does not have a range key for index: " + index.name());
      }
      String hash = schema.partitionKey().name();
      String tableHash = table.partitionKey().name();
      if (!hash.equals(tableHash)) {
        throw ServiceErrors.invalidParameters("Index KeySchema does not have the same leading"
            + " hash key as table KeySchema for index: " + index.name() + ". index hash key: "
            + hash + ", table hash key: " + tableHash);
      }
      result.add(definition(index, schema, names));
    }
    if (indexes.size() > MAX_LOCAL) {
      throw ServiceErrors.invalidParameters(
          "Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL);
    }
    return result;
  }

  /**
   * The global indexes (null when the member is absent); {@code provisioned} when the table
   * is, which makes each index's throughput required. Adds their names to {@code names}.
   */
  static List<IndexDefinition> global(List<Declared> indexes, Map<String, AttributeType> types,
      boolean provisioned, Set<String> names) {
    if (indexes == null) {
      return List.of();
    }
    if (indexes.isEmpty()) {
      throw ServiceErrors.invalidParameters("List of GlobalSecondaryIndexes is empty");
    }
    List<IndexDefinition> result = new ArrayList<>();
    for (Declared index : indexes) {
      result.add(global(index, types, provisioned, names));
    }
    if (indexes.size() > MAX_GLOBAL) {
      throw ServiceErrors.invalidParameters(
          "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL);
    }
    return result;
  }

  /** One global index of a table created {@code provisioned} or on demand. */
  private static IndexDefinition global(Declared index, Map<String, AttributeType> types,
      boolean provisioned, Set<String> names) {
    if (provisioned && index.throughput() == Throughput.ABSENT) {
      throw ServiceErrors.invalidParameters(
          "ProvisionedThroughput is not specified for index: " + index.name());
    }
    if (!provisioned && index.throughput() != Throughput.ABSENT) {
      throw ServiceErrors.invalidParameters("ProvisionedThroughput should not be specified for"
          + " index: " + index.name() + " when BillingMode is PAY_PER_REQUEST");
    }
    return created(index, types, names);
  }

  /**
   * One global index without the billing mode's checks; UpdateTable's {@code Create} checks its
   * index with this, the table's billing mode being the store's to check.
   */
  static IndexDefinition created(Declared index, Map<String, AttributeType> types,
      Set<String> names) {
    index.throughput().checkBounds();
    return definition(index, KeySchemas.buildGlobal(index.keyElements(), types), names);
  }

  /**
   * The limit on attributes projected into all of a table's indexes: the NonKeyAttributes of
   * every index summed, a name projected into two indexes counting twice. The text is DynamoDB
   * Local's, which still names its old limit of 20 and local indexes alone.
   */
  static void checkProjectedTotal(List<IndexDefinition> localIndexes,
      List<IndexDefinition> globalIndexes) {
    int total = 0;
    for (List<IndexDefinition> indexes : List.of(localIndexes, globalIndexes)) {
      for (IndexDefinition index : indexes) {
        total += index.nonKeyAttributes().size();
      }
    }
    if (total > MAX_PROJECTED) {
      throw new DynamoDbError.Validation("No more than " + MAX_PROJECTED
          + " attributes per table can be projected into Local Secondary Indices");
    }
  }

  /** A {@code Projection} as a request declares it: its members, each null when absent. */
  record DeclaredProjection(String type, List<String> nonKeyAttributes) {}

  /**
   * The {@code Projection} member of a secondary or vector index at {@code path}, its model
   * constraints reported to {@code constraints}.
   */
  static DeclaredProjection readProjection(Json.Obj index, String path,
      Constraints constraints) {
    Json.Obj projection = Members.structure(index, "Projection");
    constraints.notNull(path + ".projection", projection);
    if (projection == null) {
      return new DeclaredProjection(null, null);
    }
    String type = Members.string(projection, "ProjectionType");
    constraints.oneOf(path + ".projection.projectionType", type, PROJECTION_TYPES);
    List<String> nonKey = Members.stringList(projection, "NonKeyAttributes");
    if (nonKey != null) {
      constraints.size(path + ".projection.nonKeyAttributes", nonKey, 1, 20);
    }
    return new DeclaredProjection(type, nonKey);
  }

  /**
   * A {@code Projection}'s type against its {@code NonKeyAttributes} (null when absent), for
   * secondary and vector indexes alike.
   *
   * @throws DynamoDbError.Validation no type, or attributes listed for a type other than
   *     INCLUDE, or none for INCLUDE
   */
  static void checkProjection(String type, List<String> nonKeyAttributes) {
    if (type == null) {
      throw ServiceErrors.invalidParameters("Unknown ProjectionType: null");
    }
    if (nonKeyAttributes != null && !type.equals("INCLUDE")) {
      throw ServiceErrors.invalidParameters(
          "ProjectionType is " + type + ", but NonKeyAttributes is specified");
    }
    if (type.equals("INCLUDE") && nonKeyAttributes == null) {
      throw ServiceErrors.invalidParameters(
          "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }
  }

  private static IndexDefinition definition(Declared index, KeySchema schema,
      Set<String> names) {
    String type = index.projectionType();
    checkProjection(type, index.nonKeyAttributes());
    if (index.nonKeyAttributes() != null) {
      Set<String> projected = new HashSet<>();
      for (String attribute : index.nonKeyAttributes()) {
        if (!projected.add(attribute)) {
          // AWS's text says "Duplicate" (ScyllaDB's AWS-run test_gsi.py); its wording is ours.
          throw ServiceErrors.invalidParameters(
              "Duplicate element in NonKeyAttributes: " + attribute);
        }
      }
    }
    if (!names.add(index.name())) {
      throw ServiceErrors.invalidParameters("Duplicate index name: " + index.name());
    }
    Throughput units = index.throughput();
    return new IndexDefinition(index.name(), schema, type,
        index.nonKeyAttributes() == null ? List.of() : index.nonKeyAttributes(),
        units.read() == null ? 0 : units.read(), units.write() == null ? 0 : units.write());
  }
}
