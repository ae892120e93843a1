package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.partiql.Plan;
import dev.tombstone.internal.dynamodb.partiql.Planner;
import dev.tombstone.internal.dynamodb.partiql.SelectAnswer;
import dev.tombstone.internal.dynamodb.partiql.Statement;
import dev.tombstone.internal.dynamodb.partiql.StatementParser;
import java.io.IOException;
import java.util.List;

/**
 * ExecuteStatement of API 2012-08-10: one PartiQL statement, run as the item operation it
 * stands for (DELETE as DeleteItem, INSERT as a PutItem of a new key, UPDATE as UpdateItem,
 * SELECT as GetItem, Query or Scan).
 */
final class ExecuteStatementOperation {
  private final StatementRunner runner;

  ExecuteStatementOperation(DynamoDbState state) {
    this.runner = new StatementRunner(state);
  }

  /** The request as read off the wire. */
  private record Wire(String statement, List<Json> parameters, Boolean consistentRead,
      String nextToken, Integer limit, String returnConsumedCapacity, String onFailure) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = new Wire(Members.string(request, "Statement"),
        runner.parametersMember(request), Members.bool(request, "ConsistentRead"),
        Members.string(request, "NextToken"), Members.integer(request, "Limit"),
        Members.string(request, "ReturnConsumedCapacity"),
        Members.string(request, "ReturnValuesOnConditionCheckFailure"));
    Constraints constraints = new Constraints();
    constraints.notNull("statement", wire.statement());
    constraints.lengthBetween("statement", wire.statement(), 1,
        StatementRunner.MAX_STATEMENT_LENGTH);
    if (wire.parameters() != null) {
      constraints.size("parameters", wire.parameters().size(), 1, Integer.MAX_VALUE);
    }
    constraints.lengthBetween("nextToken", wire.nextToken(), 1, 32768);
    constraints.atLeast("limit", wire.limit(), 1);
    constraints.oneOf("returnConsumedCapacity", wire.returnConsumedCapacity(),
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.oneOf("returnValuesOnConditionCheckFailure", wire.onFailure(),
        Constraints.RETURN_ON_FAILURE);
    constraints.check();

    List<AttributeValue> parameters = runner.parameters(wire.parameters());
    Planner.Options options = new Planner.Options(Boolean.TRUE.equals(wire.consistentRead()),
        wire.limit(), runner.startKey(wire.nextToken()),
        WriteOptions.onConditionFailure(wire.onFailure()));
    Statement statement = StatementParser.parse(wire.statement());
    Plan plan = runner.planner().plan(wire.statement(), statement, parameters, options);
    StatementRunner.Outcome outcome = runner.run(plan);
    // A SELECT of named paths answers them flat, by name (a batch or transaction answers the
    // nested maps of a ProjectionExpression: DynamoDB Local 3.3.1 does both).
    List<Item> items = SelectAnswer.of(statement)
        .map(answer -> answer.apply(outcome.items())).orElse(outcome.items());

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.items("Items", items);
    if (outcome.lastEvaluatedKey().isPresent()) {
      // The API reference documents both: NextToken to go on, LastEvaluatedKey for the primary
      // key (and an index's key) of the item where the read stopped.
      Item lastEvaluatedKey = outcome.lastEvaluatedKey().get();
      out.json().writeStringField("NextToken", StatementRunner.nextToken(lastEvaluatedKey));
      out.item("LastEvaluatedKey", lastEvaluatedKey);
    }
    out.consumedCapacity("ConsumedCapacity", outcome.capacity(), wire.returnConsumedCapacity());
    out.json().writeEndObject();
    return out.finish();
  }
}
