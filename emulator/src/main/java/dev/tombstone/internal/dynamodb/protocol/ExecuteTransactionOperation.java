package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.TransactGetItems;
import dev.tombstone.dynamodb.TransactWriteItems;
import dev.tombstone.internal.dynamodb.partiql.Plan;
import dev.tombstone.internal.dynamodb.partiql.Planner;
import dev.tombstone.internal.dynamodb.partiql.Statement;
import dev.tombstone.internal.dynamodb.partiql.StatementParser;
import dev.tombstone.internal.dynamodb.partiql.TransactionReasons;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ExecuteTransaction of API 2012-08-10: up to 100 statements, all writes and EXISTS checks (run
 * as one TransactWriteItems, answered with an empty {@code Responses} list) or all single-item
 * SELECTs (run as one TransactGetItems, one response per statement).
 */
final class ExecuteTransactionOperation {
  static final int MAX_STATEMENTS = 100;
  static final String MIXED = "ExecuteTransaction API does not support both read and write"
      + " operations in the same request.";
  static final String PREFIX = "Validation failed in TransactStatements[%d]: ";
  private static final String LITERAL_DUPLICATES =
      "One or more parameter values were invalid: Input collection [";
  static final String RETURNING =
      "Validation failed in TransactStatements[%d]: RETURNING clause is not supported in"
          + " ExecuteTransaction.";
  static final String INDEX_READ = "Validation failed in TransactStatements[%d]: Reads on"
      + " indices are not supported within transactions.";
  static final String EXISTS_SINGLE_ITEM = "Validation failed in TransactStatements[%d]:"
      + " EXISTS() must contain a single item read with additional condition";
  static final String KEY_REQUIRED = "Validation failed in TransactStatements[%d]: Select"
      + " statements within ExecuteTransaction must specify the primary key in the where clause.";

  private final DynamoDbState state;
  private final StatementRunner runner;

  ExecuteTransactionOperation(DynamoDbState state) {
    this.state = state;
    this.runner = new StatementRunner(state);
  }

  /** One statement of the request as read off the wire. */
  private record Element(String statement, List<Json> parameters, String onFailure) {}

  byte[] handle(Json.Obj request) throws IOException {
    List<Json> raw = Members.list(request, "TransactStatements");
    String token = Members.string(request, "ClientRequestToken");
    String returnConsumedCapacity = Members.string(request, "ReturnConsumedCapacity");
    List<Element> elements = new ArrayList<>();
    if (raw != null) {
      for (Json json : raw) {
        Json.Obj e = Members.element(json, "ParameterizedStatement");
        elements.add(e == null ? new Element(null, null, null)
            : new Element(Members.string(e, "Statement"), runner.parametersMember(e),
                Members.string(e, "ReturnValuesOnConditionCheckFailure")));
      }
    }
    validate(raw, elements, token, returnConsumedCapacity);

    List<Statement> statements = new ArrayList<>();
    boolean reads = false;
    boolean writes = false;
    for (int i = 0; i < elements.size(); i++) {
      Statement statement = parse(elements.get(i).statement(), i);
      statements.add(statement);
      reads |= !statement.isWrite();
      writes |= statement.isWrite();
    }
    if (reads && writes) {
      throw new DynamoDbError.Validation(MIXED);
    }
    List<Plan> plans = new ArrayList<>();
    List<DynamoDbError.CancellationReason> reasons = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      Element element = elements.get(i);
      Statement statement = statements.get(i);
      List<AttributeValue> parameters = runner.parameters(element.parameters());
      Plan plan = null;
      DynamoDbError.CancellationReason reason = DynamoDbError.CancellationReason.NONE;
      try {
        plan = plan(element, statement, parameters, i);
      } catch (DynamoDbError.ResourceNotFound e) {
        reason = reason("ResourceNotFound", e.getMessage());
      } catch (DynamoDbError.Validation e) {
        String text = TransactionReasons.of(statement, e.getMessage()).orElseThrow(() -> e);
        reason = reason("ValidationError", text);
      }
      plans.add(plan);
      reasons.add(reason);
    }
    if (plans.contains(null)) {
      throw new DynamoDbError.TransactionCanceled(reasons);
    }
    return reads ? read(plans, returnConsumedCapacity)
        : write(plans, raw, token, returnConsumedCapacity);
  }

  /**
   * Plans statement {@code i}. DynamoDB looks for the table before it refuses RETURNING or a read
   * of an index, and reports a missing table, and a statement that does not name one item by
   * its key, as that statement's cancellation reason, after every statement is checked (floci's
   * DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB 2026-09-17).
   */
  private Plan plan(Element element, Statement statement, List<AttributeValue> parameters,
      int i) {
    Planner.Options options = new Planner.Options(false, null, null,
        WriteOptions.onConditionFailure(element.onFailure()));
    boolean read = !statement.isWrite() || statement instanceof Statement.Exists;
    if (returning(statement) != null || read && statement.target().index() != null) {
      runner.planner().checkTable(statement, parameters);
      throw new DynamoDbError.Validation(
          String.format(returning(statement) != null ? RETURNING : INDEX_READ, i));
    }
    if (statement instanceof Statement.Exists exists) {
      String refused = String.format(EXISTS_SINGLE_ITEM, i);
      return runner.planner().check(element.statement(), exists, parameters, options)
          .orElseThrow(() -> new DynamoDbError.Validation(refused));
    }
    Plan plan;
    try {
      plan = runner.planner().plan(element.statement(), statement, parameters, options);
    } catch (DynamoDbError.Validation e) {
      if (e.getMessage().equals(Planner.OVERLAP)) {
        throw new DynamoDbError.Validation(String.format(PREFIX, i) + e.getMessage());
      }
      throw e;
    }
    if (!statement.isWrite() && !BatchExecuteStatementOperation.isPlainGet(plan)) {
      throw new DynamoDbError.Validation(String.format(KEY_REQUIRED, i));
    }
    return plan;
  }

  private static DynamoDbError.CancellationReason reason(String code, String message) {
    return new DynamoDbError.CancellationReason(code, Optional.of(message), Optional.empty());
  }

  /**
   * Parses statement {@code i}. DynamoDB names it in a syntax error and in a set literal with a
   * member twice (floci's DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB
   * 2026-09-17), not in a set that parameters bring; other statement problems stay bare. A list
   * index out of range is assumed to be named too, as every statement text that capture
   * refuses inside a transaction is; so are a SELECT's duplicate names and overlapping or
   * conflicting paths, as DynamoDB Local 3.3.1 names them.
   */
  private static Statement parse(String text, int i) {
    try {
      return StatementParser.parse(text);
    } catch (DynamoDbError.Validation e) {
      if (e.getMessage().startsWith(StatementParser.MALFORMED)
          || e.getMessage().startsWith(LITERAL_DUPLICATES)
          || e.getMessage().startsWith(StatementParser.LIST_INDEX_RANGE)
          || e.getMessage().startsWith(StatementParser.DUPLICATE_IDENTIFIERS)
          || e.getMessage().startsWith(StatementParser.PATHS_CLASH)) {
        throw new DynamoDbError.Validation(String.format(PREFIX, i) + e.getMessage());
      }
      throw e;
    }
  }

  private static void validate(List<Json> raw, List<Element> elements, String token,
      String returnConsumedCapacity) {
    Constraints constraints = new Constraints();
    constraints.notNull("transactStatements", raw);
    if (raw != null) {
      constraints.size("transactStatements", raw.size(), 1, MAX_STATEMENTS);
    }
    for (int i = 0; i < elements.size(); i++) {
      Element e = elements.get(i);
      StatementRunner.checkElement(constraints, "transactStatements." + (i + 1) + ".member.",
          e.statement(), e.parameters(), e.onFailure());
    }
    constraints.lengthBetween("clientRequestToken", token, 1, 36);
    constraints.oneOf("returnConsumedCapacity", returnConsumedCapacity,
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.check();
  }

  private static Statement.Returning returning(Statement statement) {
    if (statement instanceof Statement.Delete delete) {
      return delete.returning();
    }
    if (statement instanceof Statement.Update update) {
      return update.returning();
    }
    if (statement instanceof Statement.Insert insert) {
      return insert.returning();
    }
    return null;
  }

  private byte[] write(List<Plan> plans, List<Json> raw, String token,
      String returnConsumedCapacity) throws IOException {
    List<TransactWriteItems.Action> actions = new ArrayList<>();
    for (Plan plan : plans) {
      if (plan instanceof Plan.Delete d) {
        actions.add(new TransactWriteItems.Action.Delete(d.tableName(), d.request().key(),
            d.request().condition(), d.request().returnValuesOnConditionCheckFailure()));
      } else if (plan instanceof Plan.Update u) {
        actions.add(new TransactWriteItems.Action.Update(u.tableName(), u.request().key(),
            u.request().update(), u.request().condition(),
            u.request().returnValuesOnConditionCheckFailure()));
      } else if (plan instanceof Plan.Check check) {
        actions.add(new TransactWriteItems.Action.ConditionCheck(check.tableName(), check.key(),
            check.condition(), check.onConditionFailure()));
      } else {
        Plan.Insert insert = (Plan.Insert) plan;
        actions.add(new TransactWriteItems.Action.Put(insert.tableName(),
            insert.request().item(), insert.request().condition(),
            insert.request().returnValuesOnConditionCheckFailure()));
      }
    }
    TransactWriteItems.Request transaction = new TransactWriteItems.Request(actions);
    if (token != null) {
      // A repeated token is compared with the statements as sent.
      transaction = transaction.withClientRequestToken(token, raw);
    }
    TransactWriteItems.Result result;
    try {
      result = state.transactWriteItems(transaction);
    } catch (DynamoDbError.TransactionCanceled e) {
      throw duplicateInserts(e, plans);
    }
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    // AWS answers a write transaction with an empty Responses list, not one entry per statement
    // (LocalStack's AWS recording of test_dynamodb_execute_transaction).
    out.json().writeArrayFieldStart("Responses");
    out.json().writeEndArray();
    out.capacities(result.consumedCapacity(), returnConsumedCapacity);
    out.json().writeEndObject();
    return out.finish();
  }

  /**
   * An INSERT whose key exists fails its condition; DynamoDB Local 3.3.1 reports it as a
   * ValidationError reason with the DuplicateItem message.
   */
  private static DynamoDbError.TransactionCanceled duplicateInserts(
      DynamoDbError.TransactionCanceled canceled, List<Plan> plans) {
    List<DynamoDbError.CancellationReason> reasons = new ArrayList<>(canceled.reasons());
    boolean changed = false;
    for (int i = 0; i < reasons.size() && i < plans.size(); i++) {
      if (plans.get(i) instanceof Plan.Insert
          && reasons.get(i).code().equals("ConditionalCheckFailed")) {
        reasons.set(i, new DynamoDbError.CancellationReason("ValidationError",
            Optional.of(StatementError.DUPLICATE_MESSAGE), Optional.empty()));
        changed = true;
      }
    }
    return changed ? new DynamoDbError.TransactionCanceled(reasons) : canceled;
  }

  private byte[] read(List<Plan> plans, String returnConsumedCapacity) throws IOException {
    List<TransactGetItems.Get> gets = new ArrayList<>();
    for (Plan plan : plans) {
      Plan.Get get = (Plan.Get) plan;
      gets.add(TransactGetItems.Get.of(get.tableName(), get.request().key()));
    }
    TransactGetItems.Result result = state.transactGetItems(TransactGetItems.Request.of(gets));
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeArrayFieldStart("Responses");
    for (int i = 0; i < plans.size(); i++) {
      Optional<Item> item = ((Plan.Get) plans.get(i)).answer(result.items().get(i));
      out.json().writeStartObject();
      if (item.isPresent()) {
        out.item("Item", item.get());
      }
      out.json().writeEndObject();
    }
    out.json().writeEndArray();
    out.capacities(result.consumedCapacity(), returnConsumedCapacity);
    out.json().writeEndObject();
    return out.finish();
  }
}
