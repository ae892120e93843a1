package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.internal.dynamodb.ValueLayer;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.Projection;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Query of API 2012-08-10: decode, validate in DynamoDB's order, read one page, encode. */
final class QueryOperation {
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  private final DynamoDbState state;
  private final ConditionSupport conditions;

  QueryOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** The request as read off the wire: JSON type errors have failed, values are unchecked. */
  private record Wire(String tableName, String indexName, String select,
      List<String> attributesToGet, Integer limit, Boolean consistentRead,
      Map<String, ExpectedEntry> keyConditions, Map<String, ExpectedEntry> queryFilter,
      String conditionalOperator, Boolean scanIndexForward, Decoded startKey,
      String returnConsumedCapacity, String projectionExpression, String filterExpression,
      String keyConditionExpression, Map<String, String> names, Decoded values) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = decode(request);
    Query.Request checked = validate(wire);
    Query.Result result = state.query(checked);
    // A filter path into a key attribute is AWS's last check (dynalite test/query.js,
    // AWS-validated: the index, start key, key condition and Select refusals come first). The
    // store makes those, so the path is held against the table once it has: the page read is
    // dropped.
    ConditionSupport.checkKeyPaths(checked.filter(),
        () -> state.tableDefinition(wire.tableName()));
    return ReadPages.encode(result, wire.select(), wire.returnConsumedCapacity());
  }

  private static Wire decode(Json.Obj r) {
    return new Wire(Members.string(r, "TableName"), Members.string(r, "IndexName"),
        Members.string(r, "Select"), Members.stringList(r, "AttributesToGet"),
        Members.integer(r, "Limit"), Members.bool(r, "ConsistentRead"),
        ConditionParameters.entries(r, "KeyConditions", ConditionParameters.CONDITION_MAP,
            ConditionParameters.CONDITION_CLASS, DECODER),
        ConditionParameters.entries(r, "QueryFilter", ConditionParameters.CONDITION_MAP,
            ConditionParameters.CONDITION_CLASS, DECODER),
        Members.string(r, "ConditionalOperator"), Members.bool(r, "ScanIndexForward"),
        DECODER.map(r, "ExclusiveStartKey"), Members.string(r, "ReturnConsumedCapacity"),
        Members.string(r, "ProjectionExpression"), Members.string(r, "FilterExpression"),
        Members.string(r, "KeyConditionExpression"),
        Members.stringMap(r, "ExpressionAttributeNames"),
        DECODER.map(r, "ExpressionAttributeValues"));
  }

  /**
   * DynamoDB's order: the model's constraints, the mix of legacy and expression parameters,
   * placeholder maps without expressions, ConditionalOperator without two filter conditions, the
   * QueryFilter entries, AttributesToGet's duplicates, the start key, the key condition's
   * presence, Select, the expressions, then (with the table) the key condition against the key
   * schema.
   */
  private Query.Request validate(Wire w) {
    if (w.conditionalOperator() != null
        && !List.of(Constraints.CONDITIONAL_OPERATOR).contains(w.conditionalOperator())) {
      // AWS's newer enum check answers this bare and alone, with its own value list
      // (conformance suite tier3 validation-ordering query, eu-west-2 and us-east-1, 2026-10-09).
      throw new DynamoDbError.Validation(
          "Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]");
    }
    Constraints constraints = new Constraints();
    constraints.oneOf("returnConsumedCapacity", w.returnConsumedCapacity(),
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.tableNameOrArn("tableName", w.tableName());
    constraints.tableName("indexName", w.indexName(), false);
    // Query's Limit is named with a capital L (conformance suite tier3 validation-ordering
    // query, "reports invalid Limit value"); Scan's spec vector V71 keeps 'limit'.
    constraints.atLeast("Limit", w.limit(), 1);
    constraints.oneOf("select", w.select(), SelectChecks.SELECT);
    constraints.oneOf("conditionalOperator", w.conditionalOperator(),
        Constraints.CONDITIONAL_OPERATOR);
    constraints.comparisonOperators("keyConditions", w.keyConditions(), true);
    constraints.comparisonOperators("queryFilter", w.queryFilter(), true);
    if (w.attributesToGet() != null) {
      constraints.size("attributesToGet", w.attributesToGet(), 1, 255);
    }
    constraints.check();

    checkMix(w);
    boolean anyExpression = w.keyConditionExpression() != null
        || w.filterExpression() != null || w.projectionExpression() != null;
    if (w.names() != null && !anyExpression) {
      throw ServiceErrors.namesWithoutExpression();
    }
    if (w.values() != null && w.keyConditionExpression() == null
        && w.filterExpression() == null) {
      throw new DynamoDbError.Validation("ExpressionAttributeValues can only be specified when"
          + " using expressions: FilterExpression and KeyConditionExpression are null");
    }
    ConditionSupport.checkConditionalOperator(w.conditionalOperator(), w.queryFilter());
    // The QueryFilter entries, AttributesToGet's duplicates and the start key's values come
    // before the key condition's presence (dynalite test/query.js, AWS-validated: 'should return
    // ValidationException for bad attribute values in QueryFilter', '... for duplicate values in
    // AttributesToGet', '... for invalid values in ExclusiveStartKey').
    Legacy legacy = new Legacy(
        w.queryFilter() == null || w.queryFilter().isEmpty() ? null
            : ExpressionCompiler.legacyFilter(w.queryFilter(), w.conditionalOperator()),
        w.attributesToGet() == null ? null : AttributesToGet.projection(w.attributesToGet()));
    Map<String, AttributeValue> start =
        w.startKey() == null ? null : ScanOperation.startingKey(w.startKey(), ValueLayer.CURRENT);
    if (w.keyConditions() == null && w.keyConditionExpression() == null) {
      throw new DynamoDbError.Validation("Either the KeyConditions or KeyConditionExpression"
          + " parameter must be specified in the request.");
    }
    checkSelect(w);

    Query.Request query = w.keyConditions() != null ? legacyKeyed(w, legacy, start)
        : expressionKeyed(w, start);
    query = query.onIndex(w.indexName()).withLimit(w.limit()).startingAfter(start);
    if (w.select() != null) {
      query = query.withSelect(Query.Select.valueOf(w.select()));
    } else if (w.projectionExpression() != null || w.attributesToGet() != null) {
      query = query.withSelect(Query.Select.SPECIFIC_ATTRIBUTES);
    }
    if (Boolean.FALSE.equals(w.scanIndexForward())) {
      query = query.backwards();
    }
    return Boolean.TRUE.equals(w.consistentRead()) ? query.stronglyConsistent() : query;
  }

  /** The legacy filter and projection, validated before the key condition; null if absent. */
  private record Legacy(ItemCondition filter, UnaryOperator<Item> projection) {}

  /**
   * A query keyed by the legacy {@code KeyConditions}, filtered and projected by the legacy
   * members or by expressions (only a KeyConditionExpression does not mix with it).
   */
  private Query.Request legacyKeyed(Wire w, Legacy legacy, Map<String, AttributeValue> start) {
    boolean expressions = w.filterExpression() != null || w.projectionExpression() != null;
    ConditionSupport.QueryExpressions compiled = expressions ? conditions.query(null,
        w.filterExpression(), w.projectionExpression(), w.names(), w.values()) : null;
    ExpressionCompiler.checkLegacyKeyConditions(w.keyConditions());
    KeySchema queried = queriedKeySchema(w);
    StartKeyOrder.checkPartition(start, state.keySchema(w.tableName()), queried);
    LegacyKeyOrder.check(w.keyConditions(), queried);
    Set<String> partitionKeys = new HashSet<>();
    queried.partitionKeys().forEach(key -> partitionKeys.add(key.name()));
    KeyCondition keyCondition = ExpressionCompiler.legacyKeyCondition(w.keyConditions(),
        partitionKeys, queried.size());
    Query.Request query = Query.Request.of(w.tableName(), keyCondition);
    if (compiled != null) {
      checkProjectionPaths(w, compiled.projection());
      return query.withFilter(compiled.filter()).withProjection(compiled.projector());
    }
    if (legacy.filter() != null) {
      query = query.withQueryFilter(legacy.filter());
    }
    if (w.attributesToGet() != null && w.indexName() != null) {
      ConditionSupport.checkIndexProjects(w.attributesToGet(),
          state.tableDefinition(w.tableName()), w.indexName());
    }
    return legacy.projection() == null ? query : query.withProjection(legacy.projection());
  }

  private Query.Request expressionKeyed(Wire w, Map<String, AttributeValue> start) {
    ConditionSupport.QueryExpressions expressions = conditions.query(
        w.keyConditionExpression(), w.filterExpression(), w.projectionExpression(),
        w.names(), w.values());
    KeySchema queried = queriedKeySchema(w);
    StartKeyOrder.checkPartition(start, state.keySchema(w.tableName()), queried);
    KeyCondition keyCondition = expressions.keyCondition().resolve(keyNames(w), queried.size());
    checkProjectionPaths(w, expressions.projection());
    return Query.Request.of(w.tableName(), keyCondition)
        .withFilter(expressions.filter())
        .withProjection(expressions.projector());
  }

  /** The compiled ProjectionExpression (null when absent) against the table and the index. */
  private void checkProjectionPaths(Wire w, Projection projection) {
    ConditionSupport.checkKeyPaths(projection, () -> state.tableDefinition(w.tableName()));
    ConditionSupport.checkIndexProjects(projection, state.tableDefinition(w.tableName()),
        w.indexName());
  }

  private static void checkMix(Wire w) {
    new ParameterMix()
        .legacy("AttributesToGet", w.attributesToGet())
        .legacy("QueryFilter", w.queryFilter())
        .legacy("ConditionalOperator", w.conditionalOperator())
        // KeyConditions goes with a filter or projection expression, not a key condition one.
        .legacy("KeyConditions", w.keyConditionExpression() == null ? null : w.keyConditions())
        .expression("ProjectionExpression", w.projectionExpression())
        .expression("FilterExpression", w.filterExpression())
        .expression("KeyConditionExpression", w.keyConditionExpression())
        .check();
  }

  private static void checkSelect(Wire w) {
    String projected = SelectChecks.projected(w.projectionExpression(), w.attributesToGet());
    SelectChecks.check(w.select(), projected, w.indexName(), SelectChecks.QUERY_PREFIX);
  }

  /**
   * The key schema of the table or index queried. An unknown index, and a consistent read of a
   * global one, are refused here, before the key condition is held against the key (dynalite
   * test/query.js, 'should return ValidationException for non-existent index name' and '... for
   * querying global index with ConsistentRead').
   */
  private KeySchema queriedKeySchema(Wire w) {
    TableDefinition definition = state.tableDefinition(w.tableName());
    if (w.indexName() == null) {
      return definition.keySchema();
    }
    for (TableDefinition.IndexDefinition index : definition.localSecondaryIndexes()) {
      if (index.name().equals(w.indexName())) {
        return index.keySchema();
      }
    }
    for (TableDefinition.IndexDefinition index : definition.globalSecondaryIndexes()) {
      if (index.name().equals(w.indexName())) {
        if (Boolean.TRUE.equals(w.consistentRead())) {
          throw new DynamoDbError.Validation(
              "Consistent reads are not supported on global secondary indexes");
        }
        return index.keySchema();
      }
    }
    throw new DynamoDbError.Validation(
        "The table does not have the specified index: " + w.indexName());
  }

  /** The key attributes of the table and of the index queried, if it exists. */
  private Set<String> keyNames(Wire w) {
    TableDefinition definition = state.tableDefinition(w.tableName());
    Set<String> names = new HashSet<>();
    add(names, definition.keySchema());
    if (w.indexName() != null) {
      for (TableDefinition.IndexDefinition index : definition.localSecondaryIndexes()) {
        if (index.name().equals(w.indexName())) {
          add(names, index.keySchema());
        }
      }
      for (TableDefinition.IndexDefinition index : definition.globalSecondaryIndexes()) {
        if (index.name().equals(w.indexName())) {
          add(names, index.keySchema());
        }
      }
    }
    return names;
  }

  private static void add(Set<String> names, KeySchema schema) {
    schema.attributes().forEach(key -> names.add(key.name()));
  }
}
