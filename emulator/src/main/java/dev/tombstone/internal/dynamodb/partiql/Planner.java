package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a parsed statement and its parameters into a request of the store's item operations,
 * checking it as DynamoDB's PartiQL front end does: parameter count, table name, table, index,
 * clauses, then the key. Conditions become ConditionExpressions for the existing compiler.
 */
public final class Planner {
  static final String PARAMETER_COUNT =
      "Number of parameters in request and statement don't match.";
  static final String TABLE_NAME = "Table name should be within the length [3, 255] and only"
      + " contain 'a-z', 'A-Z', '0-9', '-', '_', '.'.";
  static final String KEY_EQUALITY =
      "Where clause does not contain a mandatory equality on all key attributes";
  static final String EXISTS_ONLY_IN_TRANSACTIONS =
      "EXISTS can only be used in ExecuteTransaction write requests.";
  /** How the message for a key value of the wrong type starts; it ends with the key's name. */
  public static final String KEY_TYPE_MISMATCH =
      "Key attribute's data type should match its data type in table's schema: ";
  /** A SELECT's refusal of OR branches that reach the same sort key values. */
  public static final String OVERLAP = OverlappingBranches.OVERLAP;
  private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private final DynamoDbState state;
  private final PlanCompiler compiler = new PlanCompiler();
  private final ReadPlanner reads = new ReadPlanner(compiler);
  private final WritePlanner writes = new WritePlanner(compiler);

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
        return writes.delete(delete, definition, parameters, options);
      }
      if (statement instanceof Statement.Insert insert) {
        return writes.insert(insert, definition, parameters);
      }
      if (statement instanceof Statement.Update update) {
        return writes.update(update, definition, parameters, options);
      }
      return reads.select((Statement.Select) statement, definition, parameters, options);
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
    List<KeyAttribute> keys = definition.keySchema().attributes();
    WhereClause where = WhereClause.split(select.where(), keys, parameters, false);
    if (!where.hasAll(keys) || where.condition() == null) {
      return Optional.empty();
    }
    ItemCondition condition;
    try {
      condition = compiler.condition(new ExpressionWriter(parameters), where.condition());
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

  /**
   * Checks what DynamoDB checks before the statement's clauses, in its order: parameters, WHERE
   * and its shape, table name, and the table's existence last (a missing table is {@link
   * DynamoDbError.ResourceNotFound}).
   */
  public void checkTable(Statement statement, List<AttributeValue> parameters) {
    table(statement, parameters);
  }

  private TableDefinition table(Statement statement, List<AttributeValue> parameters) {
    if (parameters.size() != statement.parameterCount()) {
      throw new DynamoDbError.Validation(PARAMETER_COUNT);
    }
    // DynamoDB refuses a write without WHERE before it looks for the table.
    if ((statement instanceof Statement.Delete d && d.where() == null)
        || (statement instanceof Statement.Update u && u.where() == null)) {
      throw new DynamoDbError.Validation(KEY_EQUALITY);
    }
    ConditionShape.check(statement);
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
}
