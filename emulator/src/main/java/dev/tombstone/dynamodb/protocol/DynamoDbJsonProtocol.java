package dev.tombstone.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;
import java.util.Map;

/**
 * DynamoDB's JSON 1.0 protocol (API 2012-08-10): target and body in, status and body out.
 * Follows DynamoDB's front-door order: unparsable JSON, unknown target, empty body, JSON shape,
 * then the operation's own validation. Internal.
 */
public final class DynamoDbJsonProtocol {
  static final String PREFIX_2012 = "DynamoDB_20120810.";
  static final String PREFIX_2011 = "DynamoDB_20111205.";
  private static final System.Logger LOG = System.getLogger(DynamoDbJsonProtocol.class.getName());

  private final Map<String, Operation> operations;

  public DynamoDbJsonProtocol(DynamoDbState state) {
    ConditionSupport conditions = new ConditionSupport();
    ItemOperations items = new ItemOperations(state, conditions);
    TableOperations tables = new TableOperations(state);
    this.operations =
        Map.of(
            "CreateTable", tables::createTable,
            "DescribeTable", tables::describeTable,
            "ListTables", tables::listTables,
            "DeleteTable", tables::deleteTable,
            "PutItem", items::putItem,
            "GetItem", items::getItem,
            "DeleteItem", items::deleteItem,
            "Scan", new ScanOperation(state, conditions)::scan,
            "BatchWriteItem", new BatchWriteOperation(state)::batchWriteItem,
            "TransactWriteItems",
                new TransactWriteOperation(state, conditions)::transactWriteItems);
  }

  /** One operation: the request object in, the success body out, or an error thrown. */
  @FunctionalInterface
  interface Operation {
    byte[] run(Json.Obj request) throws IOException;
  }

  /** Handles one request; {@code target} is the X-Amz-Target header, possibly null. */
  public JsonResponse handle(String target, byte[] body) {
    Json json = null;
    if (body.length > 0) {
      try {
        json = Json.parse(body);
      } catch (IOException e) {
        return ErrorBodies.serialization(null);
      }
    }
    Operation operation = operation(target);
    if (operation == null) {
      return ErrorBodies.unknownOperation();
    }
    if (json == null) {
      return ErrorBodies.serialization(null);
    }
    if (!(json instanceof Json.Obj request)) {
      return ErrorBodies.serialization(
          json instanceof Json.Arr ? "Start of list found where not expected" : null);
    }
    try {
      return new JsonResponse(200, operation.run(request));
    } catch (SerializationError e) {
      return ErrorBodies.serialization(e.wireMessage());
    } catch (DynamoDbError e) {
      return ErrorBodies.of(e);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "DynamoDB request failed inside the emulator", e);
      return ErrorBodies.internal();
    }
  }

  private Operation operation(String target) {
    if (target == null || !target.startsWith(PREFIX_2012)) {
      return null;
    }
    return operations.get(target.substring(PREFIX_2012.length()));
  }
}
