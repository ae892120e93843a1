package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.Scan;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.UpdateItem;
import dev.tombstone.internal.dynamodb.expression.CompiledCondition;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.ExpressionKind;
import dev.tombstone.internal.dynamodb.expression.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns a parsed statement and its parameters into a request of the store's item operations,
 * checking it as DynamoDB's PartiQL front end does: parameter count, table name, table, index,
 * clauses, then the key. Conditions become ConditionExpressions for the existing compiler.
 */
public final class Planner {
  static final String PARAMETER_COUNT = "Number of parameters in request and statement don't match.";
  static final String TABLE_NAME = "Table name should be within the length [3, 255] and only"
      + " contain 'a-z', 'A-Z', '0-9', '-', '_', '.'.";
  // AWS's texts (moto's AWS-verified test_execute_statement_on_unknown_gsi_table); DynamoDB
  // Local says "Cannot do operations on a non-existent table" and names the index.
  static final String NO_INDEX = "The table does not have the specified index";
  static final String ON_INDEX = "This operation is not supported on an index";
  static final String INSERT_ON_INDEX =
      "FROM clause may only contain a single table name in data manipulation statements";
  static final String KEY_EQUALITY =
      "Where clause does not contain a mandatory equality on all key attributes";
  static final String DELETE_RETURNING =
      "Invalid returning clause: %s. Only RETURNING ALL OLD * is allowed in DELETE statements.";
  static final String INSERT_RETURNING = "RETURNING is not supported in INSERT";
  static final String KEY_PRESENT = "Key attribute should be present in the item: Key %s";
  static final String ORDER_BY_WHERE =
      "Must have WHERE clause in the statement when using ORDER BY clause.";
  static final String EXISTS_ONLY_IN_TRANSACTIONS =
      "EXISTS can only be used in ExecuteTransaction write requests.";
  private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private final DynamoDbState state;
  private final ExpressionCompiler compiler = new ExpressionCompiler();

  public Planner(DynamoDbState state) {
    this.state = state;
  }

  /**
   * The request options that are not part of the statement.
   *
   * @param limit SELECT's Limit, or null
   * @param startKey where a SELECT continues (from NextToken), or null
   * @param onConditionFailure ReturnValuesOnConditionCheckFailure of a write
   */
  public record Options(boolean consistentRead, Integer limit,
      Map<String, AttributeValue> startKey, ReturnValues onConditionFailure) {
    public static final Options NONE = new Options(false, null, null, ReturnValues.NONE);
  }

  /**
   * Parses and plans one statement.
   *
   * @throws DynamoDbError with DynamoDB's error for the statement
   */
  public Plan plan(String text, List<AttributeValue> parameters, Options options) {
    return plan(text, StatementParser.parse(text), parameters, options);
  }

  /**
   * Plans a statement already parsed from {@code text}; EXISTS is refused, as it belongs to
   * {@link #check} alone.
   */
  public Plan plan(String text, Statement statement, List<AttributeValue> parameters,
      Options options) {
    if (statement instanceof Statement.Exists) {
      throw new DynamoDbError.Validation(EXISTS_ONLY_IN_TRANSACTIONS);
    }
    TableDefinition definition = table(statement, parameters);
    try {
      if (statement instanceof Statement.Delete delete) {
        return delete(delete, definition, parameters, options);
      }
      if (statement instanceof Statement.Insert insert) {
        return insert(insert, definition, parameters);
      }
      if (statement instanceof Statement.Update update) {
        return update(update, definition, parameters, options);
      }
      return select((Statement.Select) statement, definition, parameters, options);
    } catch (MalformedStatement e) {
      throw new DynamoDbError.Validation(StatementParser.MALFORMED + text);
    }
  }

  /**
   * Plans EXISTS(SELECT ...) of a write transaction as a condition check of one item. Empty when
   * the SELECT does not read one item by its whole key with at least one other term, which
   * DynamoDB requires of EXISTS.
   */
  public Optional<Plan.Check> check(String text, Statement.Exists exists,
      List<AttributeValue> parameters, Options options) {
    TableDefinition definition = table(exists, parameters);
    Statement.Select select = exists.select();
    if (select.target().index() != null || select.where() == null) {
      return Optional.empty();
    }
    List<KeyAttribute> keys = keyAttributes(definition.keySchema());
    WhereClause where = WhereClause.split(select.where(), keys, parameters, false);
    if (!where.hasAll(keys) || where.condition() == null) {
      return Optional.empty();
    }
    ItemCondition condition;
    try {
      condition = compile(new ExpressionWriter(parameters), where.condition());
    } catch (MalformedStatement e) {
      throw new DynamoDbError.Validation(StatementParser.MALFORMED + text);
    }
    boolean contradictory = where.contradictory();
    // The SELECT finds nothing when the item is missing, so EXISTS is false then.
    ItemCondition found = item -> !contradictory && item != null && !item.isEmpty()
        && condition.matches(item);
    return Optional.of(new Plan.Check(definition.name(), where.keys(), found,
        options.onConditionFailure()));
  }

  /** The checks every statement gets in DynamoDB's order: parameters, WHERE, table name, table. */
  private TableDefinition table(Statement statement, List<AttributeValue> parameters) {
    if (parameters.size() != statement.parameterCount()) {
      throw new DynamoDbError.Validation(PARAMETER_COUNT);
    }
    // DynamoDB refuses a write without WHERE before it looks for the table.
    if ((statement instanceof Statement.Delete d && d.where() == null)
        || (statement instanceof Statement.Update u && u.where() == null)) {
      throw new DynamoDbError.Validation(KEY_EQUALITY);
    }
    String table = statement.target().table();
    if (!TABLE.matcher(table).matches()) {
      throw new DynamoDbError.Validation(TABLE_NAME);
    }
    try {
      return state.tableDefinition(table);
    } catch (DynamoDbError.ResourceNotFound e) {
      throw DynamoDbError.ResourceNotFound.item();
    }
  }

  private Plan delete(Statement.Delete delete, TableDefinition definition,
      List<AttributeValue> parameters, Options options) {
    if (delete.target().index() != null) {
      throw new DynamoDbError.Validation(ON_INDEX);
    }
    Statement.Returning returning = delete.returning();
    if (returning != null && !(returning.all() && returning.old())) {
      throw new DynamoDbError.Validation(String.format(DELETE_RETURNING, returning));
    }
    WhereClause where = singleItem(delete.where(), definition.keySchema(), parameters);
    ExpressionWriter writer = new ExpressionWriter(parameters);
    ItemCondition condition = compile(writer, where.condition());
    // DynamoDB: no item with the key is a success, whatever the rest of the clause says.
    ItemCondition guard = condition == null ? null
        : item -> item == null || item.isEmpty() || condition.matches(item);
    return new Plan.Delete(DeleteItem.Request.of(definition.name(), where.keys())
        .withCondition(guard)
        .withReturnValues(returning == null ? ReturnValues.NONE : ReturnValues.ALL_OLD)
        .withReturnValuesOnConditionCheckFailure(options.onConditionFailure()));
  }

  private Plan insert(Statement.Insert insert, TableDefinition definition,
      List<AttributeValue> parameters) {
    if (insert.target().index() != null) {
      throw new DynamoDbError.Validation(INSERT_ON_INDEX);
    }
    if (insert.returning() != null) {
      throw new DynamoDbError.Validation(INSERT_RETURNING);
    }
    AttributeValue.M value = (AttributeValue.M) ValueBinder.bind(insert.value(), parameters);
    for (KeyAttribute key : keyAttributes(definition.keySchema())) {
      AttributeValue v = value.values().get(key.name());
      if (v == null) {
        throw new DynamoDbError.Validation(String.format(KEY_PRESENT, key.name()));
      }
      if (v.type() != key.type()) {
        throw new DynamoDbError.Validation(String.format(WhereClause.KEY_TYPE, key.name()));
      }
    }
    ItemCondition absent = item -> item == null || item.isEmpty();
    return new Plan.Insert(
        PutItem.Request.of(definition.name(), Item.of(value.values())).withCondition(absent));
  }

  private Plan update(Statement.Update update, TableDefinition definition,
      List<AttributeValue> parameters, Options options) {
    if (update.target().index() != null) {
      throw new DynamoDbError.Validation(ON_INDEX);
    }
    WhereClause where = singleItem(update.where(), definition.keySchema(), parameters);
    ExpressionWriter writer = new ExpressionWriter(parameters);
    String text = writer.update(update.actions());
    ItemCondition condition = compile(writer, where.condition());
    var compiledUpdate = unprefixed(ExpressionKind.UPDATE,
        () -> compiler.update(text, writer.names(), writer.values()));
    // DynamoDB: an UPDATE of an item that does not exist fails its condition.
    ItemCondition guard = item -> item != null && !item.isEmpty()
        && (condition == null || condition.matches(item));
    Statement.Returning returning = update.returning();
    ReturnValues returnValues = returning == null ? ReturnValues.NONE
        : returning.all() ? (returning.old() ? ReturnValues.ALL_OLD : ReturnValues.ALL_NEW)
        : (returning.old() ? ReturnValues.UPDATED_OLD : ReturnValues.UPDATED_NEW);
    return new Plan.Update(UpdateItem.Request.of(definition.name(), where.keys(), compiledUpdate)
        .withCondition(guard)
        .withReturnValues(returnValues)
        .withReturnValuesOnConditionCheckFailure(options.onConditionFailure()));
  }

  private Plan select(Statement.Select select, TableDefinition definition,
      List<AttributeValue> parameters, Options options) {
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
        : compiler.projection(writer.projection(select.projection()), writer.names());
    String table = definition.name();
    if (select.where() == null) {
      return new Plan.ScanPlan(scan(table, index, null, projection, options));
    }
    WhereClause where = WhereClause.split(select.where(), keyAttributes(keySchema), parameters,
        false);
    OverlappingBranches.check(select.where(), keySchema, parameters);
    if (index == null && where.hasAll(keyAttributes(keySchema))) {
      GetItem.Request get = GetItem.Request.of(table, where.keys());
      return new Plan.Get(options.consistentRead() ? get.stronglyConsistent() : get,
          unlessContradictory(where, filter(writer, where.condition())),
          projection == null ? null : projection::apply);
    }
    KeyCondition keyCondition = keyCondition(keySchema, where);
    if (keyCondition == null) {
      return new Plan.ScanPlan(scan(table, index, filter(writer, select.where()), projection,
          options));
    }
    List<Expr> rest = new ArrayList<>(where.rest());
    int named = leadingSortEqualities(keySchema, where);
    if (named < keySchema.sortKeys().size()) {
      keyCondition = SortKeyRange.take(keyCondition, keySchema.sortKeys().get(named).name(), rest,
          parameters);
    }
    Query.Request query = Query.Request.of(table, keyCondition)
        .withFilter(unlessContradictory(where,
            KeyTermFilter.of(filter(writer, WhereClause.join(rest)), keySchema)))
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

  private Scan.Request scan(String table, String index, ItemCondition filter,
      Projection projection, Options options) {
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

  private WhereClause singleItem(Expr whereExpr, KeySchema keySchema,
      List<AttributeValue> parameters) {
    List<KeyAttribute> keys = keyAttributes(keySchema);
    WhereClause where = WhereClause.split(whereExpr, keys, parameters, true);
    if (!where.hasAll(keys)) {
      throw new DynamoDbError.Validation(KEY_EQUALITY);
    }
    return where;
  }

  private ItemCondition compile(ExpressionWriter writer, Expr condition) {
    if (condition == null) {
      return null;
    }
    String text = writer.condition(condition);
    return unprefixed(ExpressionKind.CONDITION, () -> compiler.condition(
        ExpressionKind.CONDITION, text, writer.names(), writer.values()));
  }

  private ItemCondition filter(ExpressionWriter writer, Expr condition) {
    if (condition == null) {
      return null;
    }
    String text = writer.condition(condition);
    return unprefixed(ExpressionKind.FILTER, () -> compiler.condition(ExpressionKind.FILTER, text,
        writer.names(), writer.values()));
  }

  /**
   * Runs a compilation; its errors lose the {@code Invalid ConditionExpression: } kind of prefix,
   * because the statement has no such request member and DynamoDB's PartiQL messages have none.
   */
  private static <T> T unprefixed(ExpressionKind kind, Supplier<T> compilation) {
    try {
      return compilation.get();
    } catch (DynamoDbError.Validation e) {
      if (e.getMessage() != null && e.getMessage().startsWith(kind.prefix())) {
        throw new DynamoDbError.Validation(e.getMessage().substring(kind.prefix().length()));
      }
      throw e;
    }
  }

  /** {@code filter}, or one that hides every item when the key equalities contradict. */
  private static ItemCondition unlessContradictory(WhereClause where, ItemCondition filter) {
    return where.contradictory() ? item -> false : filter;
  }

  static List<KeyAttribute> keyAttributes(KeySchema keySchema) {
    return keySchema.attributes();
  }

  /**
   * The equalities a Query can key on: every partition attribute's, then the leading sort
   * attributes' (a multi-attribute index key's sort attributes go left to right). Null when a
   * partition attribute has none, or a sort attribute's equality follows one without: the
   * statement then reads as a Scan filtered by its whole WHERE clause.
   */
  private static KeyCondition keyCondition(KeySchema keySchema, WhereClause where) {
    KeyCondition condition = null;
    for (KeyAttribute key : keySchema.partitionKeys()) {
      AttributeValue value = where.keys().get(key.name());
      if (value == null) {
        return null;
      }
      condition = condition == null ? KeyCondition.partitionKey(key.name(), value)
          : condition.and(key.name(), KeyCondition.Operator.EQ, value);
    }
    int named = leadingSortEqualities(keySchema, where);
    List<KeyAttribute> sortKeys = keySchema.sortKeys();
    for (int i = named + 1; i < sortKeys.size(); i++) {
      if (where.keys().containsKey(sortKeys.get(i).name())) {
        return null;
      }
    }
    for (int i = 0; i < named; i++) {
      condition = condition.and(sortKeys.get(i).name(), KeyCondition.Operator.EQ,
          where.keys().get(sortKeys.get(i).name()));
    }
    return condition;
  }

  private static int leadingSortEqualities(KeySchema keySchema, WhereClause where) {
    int named = 0;
    while (named < keySchema.sortKeys().size()
        && where.keys().containsKey(keySchema.sortKeys().get(named).name())) {
      named++;
    }
    return named;
  }
}
