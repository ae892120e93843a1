package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a SELECT that reads a secondary index ({@code FROM "t"."index"}), in DynamoDB's
 * order: the index exists, its key has one HASH and at most one RANGE attribute, a global one is
 * not read strongly consistent, then what it projects.
 */
final class IndexReads {
  // AWS's text (moto's AWS-verified test_execute_statement_on_unknown_gsi_table); DynamoDB
  // Local says "Cannot do operations on a non-existent table" and names the index.
  static final String NO_INDEX = "The table does not have the specified index";

  /**
   * AWS's text (the 2026 conformance suite, partiqlMultiAttributeIndex.test.ts): it speaks of
   * tables, but only a statement reading such an index is refused.
   */
  static final String MULTI_ATTRIBUTE = "PartiQL statements cannot be executed on tables with"
      + " multi-attribute HASH keys or multi-attribute RANGE keys.";

  /** ExecuteStatement's own wording; Query and Scan say "Consistent reads are not supported…". */
  static final String CONSISTENT_READ =
      "Strongly consistent read is not supported on Global Secondary Indexes";

  private IndexReads() {}

  /**
   * The index {@code name} of {@code table}, checked for a SELECT of {@code projection} (empty
   * for {@code *}), strongly consistent or not.
   */
  static Index check(TableDefinition table, String name, List<Expr.Path> projection,
      boolean consistentRead) {
    Index index = find(table, name);
    KeySchema keySchema = index.definition().keySchema();
    // Ahead of the key types, the WHERE clause and everything else about the statement.
    if (keySchema.partitionKeys().size() > 1 || keySchema.sortKeys().size() > 1) {
      throw new DynamoDbError.Validation(MULTI_ATTRIBUTE);
    }
    if (index.global() && consistentRead) {
      throw new DynamoDbError.Validation(CONSISTENT_READ);
    }
    if (index.global()) {
      checkProjects(index.definition(), table, projection);
    }
    return index;
  }

  /** An index of the table, and whether it is global. */
  record Index(TableDefinition.IndexDefinition definition, boolean global) {}

  private static Index find(TableDefinition table, String name) {
    for (TableDefinition.IndexDefinition i : table.globalSecondaryIndexes()) {
      if (i.name().equals(name)) {
        return new Index(i, true);
      }
    }
    for (TableDefinition.IndexDefinition i : table.localSecondaryIndexes()) {
      if (i.name().equals(name)) {
        return new Index(i, false);
      }
    }
    throw new DynamoDbError.Validation(NO_INDEX);
  }

  /**
   * A global index holds only what it projects, so naming anything else is refused, as Query's
   * ProjectionExpression is (a local index reads the rest from the table item instead).
   */
  private static void checkProjects(TableDefinition.IndexDefinition index, TableDefinition table,
      List<Expr.Path> projection) {
    if (index.projectionType().equals("ALL")) {
      return;
    }
    Set<String> projected = new HashSet<>(index.nonKeyAttributes());
    for (KeyAttribute key : table.keySchema().attributes()) {
      projected.add(key.name());
    }
    for (KeyAttribute key : index.keySchema().attributes()) {
      projected.add(key.name());
    }
    Set<String> missing = new LinkedHashSet<>();
    for (Expr.Path path : projection) {
      String name = ((Expr.Name) path.steps().get(0)).name();
      if (!projected.contains(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters(
          "Global secondary index " + index.name() + " does not project " + List.copyOf(missing));
    }
  }
}
