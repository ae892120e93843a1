package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.ConsumedCapacity;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.partiql.Plan;
import dev.tombstone.internal.dynamodb.partiql.Planner;
import dev.tombstone.internal.dynamodb.partiql.Statement;
import dev.tombstone.internal.dynamodb.partiql.StatementParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BatchExecuteStatement of API 2012-08-10: up to 25 statements, all reads (single-item SELECTs)
 * or all writes, each run on its own. A statement's failure is an {@code Error} entry of its
 * response, not an error of the request.
 */
final class BatchExecuteStatementOperation {
  static final int MAX_STATEMENTS = 25;
  static final String MIXED = "Read and write requests together in the same batch is not"
      + " supported.";
  static final String DUPLICATES = "Provided list of item keys contains duplicates";
  /**
   * AWS's text for a SELECT that does not read one item by its table key (the 2026 conformance
   * suite, executeStatementIndex.test.ts), also for an index-qualified SELECT.
   */
  static final String SINGLE_SELECT = "Select statements within BatchExecuteStatement must"
      + " specify the primary key in the where clause.";

  private final StatementRunner runner;

  BatchExecuteStatementOperation(DynamoDbState state) {
    this.runner = new StatementRunner(state);
  }

  /** One statement of the request as read off the wire. */
  private record Element(String statement, List<Json> parameters, Boolean consistentRead,
      String onFailure) {}

  /** One statement's way through: its plan, or the error that ends it. */
  private static final class Entry {
    Plan plan;
    DynamoDbError error;
    StatementError statementError;
    StatementRunner.Outcome outcome;
  }

  byte[] handle(Json.Obj request) throws IOException {
    List<Json> raw = Members.list(request, "Statements");
    String returnConsumedCapacity = Members.string(request, "ReturnConsumedCapacity");
    List<Element> elements = new ArrayList<>();
    if (raw != null) {
      for (Json json : raw) {
        Json.Obj e = Members.element(json, "BatchStatementRequest");
        elements.add(e == null ? new Element(null, null, null, null)
            : new Element(Members.string(e, "Statement"), runner.parametersMember(e),
                Members.bool(e, "ConsistentRead"),
                Members.string(e, "ReturnValuesOnConditionCheckFailure")));
      }
    }
    validate(raw, elements, returnConsumedCapacity);

    List<Statement> statements = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    boolean reads = false;
    boolean writes = false;
    for (Element element : elements) {
      Entry entry = new Entry();
      entries.add(entry);
      try {
        Statement statement = StatementParser.parse(element.statement());
        statements.add(statement);
        reads |= !statement.isWrite();
        writes |= statement.isWrite();
      } catch (DynamoDbError e) {
        statements.add(null);
        entry.error = e;
      }
    }
    if (reads && writes) {
      throw new DynamoDbError.Validation(MIXED);
    }
    plan(elements, statements, entries);
    checkDuplicates(entries);
    List<ConsumedCapacity> capacities = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.plan == null) {
        continue;
      }
      try {
        entry.outcome = runner.run(entry.plan);
        capacities.add(entry.outcome.capacity());
      } catch (DynamoDbError e) {
        entry.error = e;
      } catch (StatementError e) {
        entry.statementError = e;
      }
    }
    return encode(entries, capacities, returnConsumedCapacity);
  }

  private static void validate(List<Json> raw, List<Element> elements,
      String returnConsumedCapacity) {
    Constraints constraints = new Constraints();
    constraints.notNull("statements", raw);
    if (raw != null) {
      constraints.size("statements", raw.size(), 1, MAX_STATEMENTS);
    }
    for (int i = 0; i < elements.size(); i++) {
      Element e = elements.get(i);
      StatementRunner.checkElement(constraints, "statements." + (i + 1) + ".member.",
          e.statement(), e.parameters(), e.onFailure());
    }
    constraints.oneOf("returnConsumedCapacity", returnConsumedCapacity,
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.check();
  }

  private void plan(List<Element> elements, List<Statement> statements, List<Entry> entries) {
    for (int i = 0; i < elements.size(); i++) {
      Entry entry = entries.get(i);
      if (entry.error != null) {
        continue;
      }
      Element element = elements.get(i);
      try {
        List<AttributeValue> parameters = runner.parameters(element.parameters());
        Planner.Options options = new Planner.Options(
            Boolean.TRUE.equals(element.consistentRead()), null, null,
            WriteOptions.onConditionFailure(element.onFailure()));
        Plan plan = runner.planner().plan(element.statement(), statements.get(i), parameters,
            options);
        if (!statements.get(i).isWrite() && !isPlainGet(plan)) {
          throw new DynamoDbError.Validation(SINGLE_SELECT);
        }
        entry.plan = plan;
      } catch (DynamoDbError e) {
        entry.error = e;
      }
    }
  }

  /**
   * Whether a SELECT reads one item by its key and nothing more: batches and transactions refuse
   * other terms in its WHERE clause, and key equalities that contradict each other.
   */
  static boolean isPlainGet(Plan plan) {
    return plan instanceof Plan.Get get && get.filter() == null;
  }

  /** DynamoDB refuses the whole batch when two statements name the same item. */
  private void checkDuplicates(List<Entry> entries) {
    Set<List<Object>> seen = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.plan != null
          && !seen.add(List.of(entry.plan.tableName(), runner.key(entry.plan)))) {
        throw new DynamoDbError.Validation(DUPLICATES);
      }
    }
  }

  private static byte[] encode(List<Entry> entries, List<ConsumedCapacity> capacities,
      String returnConsumedCapacity) throws IOException {
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeArrayFieldStart("Responses");
    for (Entry entry : entries) {
      json.writeStartObject();
      if (entry.plan != null) {
        json.writeStringField("TableName", entry.plan.tableName());
      }
      if (entry.outcome != null && !entry.outcome.items().isEmpty()) {
        out.item("Item", entry.outcome.items().get(0));
      }
      if (entry.error != null) {
        error(out, code(entry.error), entry.error.getMessage(), item(entry.error));
      } else if (entry.statementError != null) {
        error(out, "DuplicateItem", entry.statementError.getMessage(), Optional.empty());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    out.capacities(StatementRunner.perTable(capacities), returnConsumedCapacity);
    json.writeEndObject();
    return out.finish();
  }

  private static void error(JsonOut out, String code, String message, Optional<Item> item) {
    JsonWriter json = out.json();
    json.writeObjectFieldStart("Error");
    json.writeStringField("Code", code);
    json.writeStringField("Message", message);
    if (item.isPresent()) {
      out.item("Item", item.get());
    }
    json.writeEndObject();
  }

  private static Optional<Item> item(DynamoDbError error) {
    return error instanceof DynamoDbError.ConditionalCheckFailed failed ? failed.item()
        : Optional.empty();
  }

  /** A BatchStatementError code: the error's code without "Exception". */
  static String code(DynamoDbError error) {
    if (error instanceof DynamoDbError.Validation) {
      return "ValidationError";
    }
    String code = error.code();
    return code.endsWith("Exception") ? code.substring(0, code.length() - "Exception".length())
        : code;
  }
}
