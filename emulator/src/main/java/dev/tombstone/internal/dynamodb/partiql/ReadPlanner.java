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
import java.util.Map;

/**
 * Plans a SELECT as a GetItem when it names a whole table key, as a Query when it names a
 * partition, as one Query a partition when it orders several, and as a Scan otherwise.
 */
final class ReadPlanner {
  static final String ORDER_BY_WHERE =
      "Must have WHERE clause in the statement when using ORDER BY clause.";
  static final String INVALID_NEXT_TOKEN = "Invalid NextToken";

  private final PlanCompiler compiler;

  ReadPlanner(PlanCompiler compiler) {
    this.compiler = compiler;
  }

  Plan select(Statement.Select select, TableDefinition definition,
      List<AttributeValue> parameters, Planner.Options options) {
    String index = select.target().index();
    KeySchema keySchema = definition.keySchema();
    TableDefinition.IndexDefinition indexDefinition = null;
    if (index != null) {
      indexDefinition = IndexReads.check(definition, index, select.projection(),
          options.consistentRead()).definition();
      keySchema = indexDefinition.keySchema();
    }
    if (!select.orderBy().isEmpty() && select.where() == null) {
      throw new DynamoDbError.Validation(ORDER_BY_WHERE);
    }
    OrderBy order = select.where() == null ? null
        : OrderBy.of(select, keySchema, parameters);
    ExpressionWriter writer = new ExpressionWriter(parameters);
    Projection projection = select.projection().isEmpty() ? null
        : compiler.projection(writer, select.projection());
    String table = definition.name();
    if (select.where() == null) {
      return new Plan.ScanPlan(scan(table, index, null, projection, options));
    }
    OverlappingBranches.check(select.where(), keySchema, parameters);
    if (order != null && order.partitions().size() > 1) {
      return queries(table, select, keySchema, order, projection, parameters, options);
    }
    WhereClause where = WhereClause.split(select.where(), keySchema.attributes(), parameters,
        false, true);
    if (index == null && where.hasAll(keySchema.attributes())) {
      GetItem.Request get = GetItem.Request.of(table, where.keys());
      return new Plan.Get(options.consistentRead() ? get.stronglyConsistent() : get,
          unlessContradictory(where, compiler.filter(writer, where.condition())),
          projection == null ? null : projection::apply);
    }
    KeyCondition keyCondition = KeyConditions.of(keySchema, where);
    if (keyCondition == null) {
      if (order != null && order.partitions().size() == 1) {
        // One partition named in each of several OR branches: read it in order and filter.
        return queries(table, select, keySchema, order, projection, parameters, options);
      }
      ItemCondition filter = compiler.filter(writer, select.where());
      return new Plan.ScanPlan(scan(table, index, indexDefinition == null ? filter
          : IndexViewFilter.of(filter, definition.keySchema(), indexDefinition), projection,
          options));
    }
    Query.Request query = query(table, select, keySchema, where, keyCondition, writer, projection,
        parameters, options).withLimit(options.limit()).startingAfter(options.startKey());
    return new Plan.QueryPlan(order != null && order.backwards() ? query.backwards() : query);
  }

  /**
   * An ordered read of several partitions: one Query a partition, in the order ORDER BY asks,
   * going on from NextToken's partition when there is one.
   */
  private Plan.Queries queries(String table, Statement.Select select, KeySchema keySchema,
      OrderBy order, Projection projection, List<AttributeValue> parameters,
      Planner.Options options) {
    String partitionKey = keySchema.partitionKeys().get(0).name();
    Map<String, AttributeValue> start = options.startKey();
    List<Query.Request> reads = new ArrayList<>();
    for (Expr partition : order.partitions()) {
      WhereClause where = WhereClause.split(partition, keySchema.attributes(), parameters, false);
      Query.Request query = query(table, select, keySchema, where,
          KeyConditions.of(keySchema, where),
          new ExpressionWriter(parameters), projection, parameters, options);
      query = order.backwards() ? query.backwards() : query;
      if (start == null) {
        reads.add(query);
      } else if (SortKeyInterval.same(start.get(partitionKey), where.keys().get(partitionKey))) {
        reads.add(query.startingAfter(start));
        start = null;
      }
    }
    if (start != null) {
      // The token names none of the partitions this statement reads.
      throw new DynamoDbError.Validation(INVALID_NEXT_TOKEN);
    }
    return new Plan.Queries(table, reads, options.limit());
  }

  /** The Query of a SELECT that keys on {@code keyCondition}, without Limit and start key. */
  private Query.Request query(String table, Statement.Select select, KeySchema keySchema,
      WhereClause where, KeyCondition keyCondition, ExpressionWriter writer, Projection projection,
      List<AttributeValue> parameters, Planner.Options options) {
    List<Expr> rest = new ArrayList<>(where.rest());
    int named = KeyConditions.leadingSortEqualities(keySchema, where);
    if (named < keySchema.sortKeys().size()) {
      keyCondition = SortKeyRange.take(keyCondition, keySchema.sortKeys().get(named).name(), rest,
          parameters);
    }
    Query.Request query = Query.Request.of(table, keyCondition)
        .withFilter(unlessContradictory(where,
            KeyTermFilter.of(compiler.filter(writer, WhereClause.join(rest)), keySchema)))
        .withProjection(projection == null ? null : projection::apply);
    String index = select.target().index();
    if (index != null) {
      query = query.onIndex(index);
      // As Query with a ProjectionExpression: a local index reads the attributes it does not
      // project from the table item.
      if (projection != null) {
        query = query.withSelect(Query.Select.SPECIFIC_ATTRIBUTES);
      }
    }
    return options.consistentRead() ? query.stronglyConsistent() : query;
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
