package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.Scan;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.internal.dynamodb.expression.Projection;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a SELECT as a GetItem when it names a whole table key, as a Query when it names a
 * partition, and as a Scan otherwise.
 */
final class ReadPlanner {
  static final String ORDER_BY_WHERE =
      "Must have WHERE clause in the statement when using ORDER BY clause.";

  private final PlanCompiler compiler;

  ReadPlanner(PlanCompiler compiler) {
    this.compiler = compiler;
  }

  Plan select(Statement.Select select, TableDefinition definition,
      List<AttributeValue> parameters, Planner.Options options) {
    String index = select.target().index();
    KeySchema keySchema = definition.keySchema();
    if (index != null) {
      keySchema = IndexReads.check(definition, index, select.projection(),
          options.consistentRead()).definition().keySchema();
    }
    if (select.orderBy() != null && select.where() == null) {
      throw new DynamoDbError.Validation(ORDER_BY_WHERE);
    }
    ExpressionWriter writer = new ExpressionWriter(parameters);
    Projection projection = select.projection().isEmpty() ? null
        : compiler.projection(writer, select.projection());
    String table = definition.name();
    if (select.where() == null) {
      return new Plan.ScanPlan(scan(table, index, null, projection, options));
    }
    WhereClause where = WhereClause.split(select.where(), keySchema.attributes(), parameters,
        false, true);
    OverlappingBranches.check(select.where(), keySchema, parameters);
    if (index == null && where.hasAll(keySchema.attributes())) {
      GetItem.Request get = GetItem.Request.of(table, where.keys());
      return new Plan.Get(options.consistentRead() ? get.stronglyConsistent() : get,
          unlessContradictory(where, compiler.filter(writer, where.condition())),
          projection == null ? null : projection::apply);
    }
    KeyCondition keyCondition = KeyConditions.of(keySchema, where);
    if (keyCondition == null) {
      return new Plan.ScanPlan(scan(table, index, compiler.filter(writer, select.where()),
          projection, options));
    }
    List<Expr> rest = new ArrayList<>(where.rest());
    int named = KeyConditions.leadingSortEqualities(keySchema, where);
    if (named < keySchema.sortKeys().size()) {
      keyCondition = SortKeyRange.take(keyCondition, keySchema.sortKeys().get(named).name(), rest,
          parameters);
    }
    Query.Request query = Query.Request.of(table, keyCondition)
        .withFilter(unlessContradictory(where,
            KeyTermFilter.of(compiler.filter(writer, WhereClause.join(rest)), keySchema)))
        .withProjection(projection == null ? null : projection::apply)
        .withLimit(options.limit())
        .startingAfter(options.startKey());
    if (index != null) {
      query = query.onIndex(index);
      // As Query with a ProjectionExpression: a local index reads the attributes it does not
      // project from the table item.
      if (projection != null) {
        query = query.withSelect(Query.Select.SPECIFIC_ATTRIBUTES);
      }
    }
    if (select.descending()) {
      query = query.backwards();
    }
    return new Plan.QueryPlan(options.consistentRead() ? query.stronglyConsistent() : query);
  }

  private static Scan.Request scan(String table, String index, ItemCondition filter,
      Projection projection, Planner.Options options) {
    Scan.Request scan = Scan.Request.of(table)
        .withFilter(filter)
        .withProjection(projection == null ? null : projection::apply)
        .withLimit(options.limit())
        .startingAfter(options.startKey());
    if (index != null) {
      scan = scan.onIndex(index);
      if (projection != null) {
        scan = scan.withSelect(Query.Select.SPECIFIC_ATTRIBUTES);
      }
    }
    return options.consistentRead() ? scan.stronglyConsistent() : scan;
  }

  /** {@code filter}, or one that hides every item when the key equalities contradict. */
  private static ItemCondition unlessContradictory(WhereClause where, ItemCondition filter) {
    return where.contradictory() ? item -> false : filter;
  }
}
