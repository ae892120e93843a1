package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.ConsumedCapacity;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.Scan;
import dev.tombstone.dynamodb.UpdateItem;
import dev.tombstone.internal.dynamodb.ValueLayer;
import dev.tombstone.internal.dynamodb.partiql.Plan;
import dev.tombstone.internal.dynamodb.partiql.Planner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parts every PartiQL operation shares (a statement's parameters, NextToken) and runs
 * a planned statement on the store's item operations.
 */
final class StatementRunner {
  static final int MAX_STATEMENT_LENGTH = 8192;
  static final String INVALID_NEXT_TOKEN = "Invalid NextToken";

  private final DynamoDbState state;
  private final Planner planner;
  /** Parameters are read as BigDecimal reads them, in the older validation layer. */
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT,
          ValueLayer.OLDER);

  /**
   * The model constraints of one element of a batch or transaction of statements, under
   * {@code path} (e.g. {@code statements.1.member.}).
   */
  static void checkElement(Constraints constraints, String path, String statement,
      List<Json> parameters, String onFailure) {
    constraints.notNull(path + "statement", statement);
    constraints.lengthBetween(path + "statement", statement, 1, MAX_STATEMENT_LENGTH);
    if (parameters != null) {
      constraints.size(path + "parameters", parameters.size(), 1, Integer.MAX_VALUE);
    }
    constraints.oneOf(path + "returnValuesOnConditionCheckFailure", onFailure,
        Constraints.RETURN_ON_FAILURE);
  }

  StatementRunner(DynamoDbState state) {
    this.state = state;
    this.planner = new Planner(state);
  }

  /** What a statement returned: the items of its answer and the capacity it consumed. */
  record Outcome(List<Item> items, Optional<Item> lastEvaluatedKey, ConsumedCapacity capacity) {}

  Planner planner() {
    return planner;
  }

  /** A statement's {@code Parameters} as read off the wire; null when absent. */
  List<Json> parametersMember(Json.Obj parent) {
    return Members.list(parent, "Parameters");
  }

  /** The parameters' values, with the first invalid one reported as DynamoDB does. */
  List<AttributeValue> parameters(List<Json> raw) {
    List<AttributeValue> values = new ArrayList<>();
    if (raw == null) {
      return values;
    }
    for (Json json : raw) {
      AttributeValueDecoder.Result result = decoder.element(json, 1);
      if (result == null) {
        throw new DynamoDbError.Validation(AttributeValueDecoder.EMPTY);
      }
      if (result.problem != null) {
        throw new DynamoDbError.Validation(result.problem);
      }
      values.add(result.value);
    }
    return values;
  }

  /** The start key a NextToken stands for; the token is the key's JSON, base64-encoded. */
  Map<String, AttributeValue> startKey(String nextToken) {
    if (nextToken == null) {
      return null;
    }
    try {
      Json json = Json.parse(Base64.getDecoder().decode(nextToken));
      if (json instanceof Json.Obj key) {
        Decoded decoded = decoder.entries(key);
        if (decoded.problem() == null && !decoded.values().isEmpty()) {
          return decoded.values();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Fall through: any token this emulator did not write is invalid.
    }
    throw new DynamoDbError.Validation(INVALID_NEXT_TOKEN);
  }

  static String nextToken(Item lastEvaluatedKey) throws IOException {
    JsonOut out = new JsonOut();
    out.attributes(lastEvaluatedKey.attributes());
    return Base64.getEncoder().encodeToString(out.finish());
  }

  /** Runs a planned statement; an INSERT of an existing key fails with DuplicateItem. */
  Outcome run(Plan plan) {
    if (plan instanceof Plan.Delete delete) {
      DeleteItem.Result result = state.deleteItem(delete.request());
      return new Outcome(result.oldItem().map(List::of).orElse(List.of()), Optional.empty(),
          result.consumedCapacity());
    }
    if (plan instanceof Plan.Insert insert) {
      try {
        PutItem.Result result = state.putItem(insert.request());
        return new Outcome(List.of(), Optional.empty(), result.consumedCapacity());
      } catch (DynamoDbError.ConditionalCheckFailed e) {
        throw StatementError.duplicateItem();
      }
    }
    if (plan instanceof Plan.Update update) {
      UpdateItem.Result result = state.updateItem(update.request());
      return new Outcome(result.attributes().map(List::of).orElse(List.of()), Optional.empty(),
          result.consumedCapacity());
    }
    if (plan instanceof Plan.Get get) {
      GetItem.Result result = state.getItem(get.request());
      return new Outcome(get.answer(result.item()).map(List::of).orElse(List.of()),
          Optional.empty(), result.consumedCapacity());
    }
    if (plan instanceof Plan.QueryPlan query) {
      Query.Result result = state.query(query.request());
      return new Outcome(result.items(), result.lastEvaluatedKey(), result.consumedCapacity());
    }
    if (plan instanceof Plan.Queries queries) {
      return run(queries);
    }
    Scan.Result result = state.scan(((Plan.ScanPlan) plan).request());
    return new Outcome(result.items(), result.lastEvaluatedKey(), result.consumedCapacity());
  }

  /**
   * Runs an ordered read of several partitions: the Queries in turn, sharing the Limit, until one
   * stops early (its LastEvaluatedKey, which names its partition, is where the next page goes on).
   */
  private Outcome run(Plan.Queries queries) {
    List<Item> items = new ArrayList<>();
    ConsumedCapacity capacity = null;
    Integer remaining = queries.limit();
    for (Query.Request request : queries.requests()) {
      if (remaining != null && remaining <= 0) {
        break;
      }
      Query.Result result = state.query(remaining == null ? request : request.withLimit(remaining));
      items.addAll(result.items());
      capacity = capacity == null || result.consumedCapacity() == null
          ? (capacity == null ? result.consumedCapacity() : capacity)
          : sum(capacity, result.consumedCapacity());
      if (result.lastEvaluatedKey().isPresent()) {
        return new Outcome(items, result.lastEvaluatedKey(), capacity);
      }
      remaining = remaining == null ? null : remaining - result.scannedCount();
    }
    return new Outcome(items, Optional.empty(), capacity);
  }

  /** The key of the item a single-item plan names; null for a Query or Scan. */
  Map<String, AttributeValue> key(Plan plan) {
    if (plan instanceof Plan.Delete delete) {
      return delete.request().key();
    }
    if (plan instanceof Plan.Update update) {
      return update.request().key();
    }
    if (plan instanceof Plan.Get get) {
      return get.request().key();
    }
    if (plan instanceof Plan.Insert insert) {
      KeySchema schema = state.keySchema(insert.tableName());
      Map<String, AttributeValue> key = new java.util.HashMap<>();
      key.put(schema.partitionKey().name(),
          insert.request().item().get(schema.partitionKey().name()));
      schema.sortKeyIfAny().ifPresent(
          k -> key.put(k.name(), insert.request().item().get(k.name())));
      return key;
    }
    return null;
  }

  /** Capacities summed per table, in order of first appearance. */
  static List<ConsumedCapacity> perTable(List<ConsumedCapacity> capacities) {
    Map<String, ConsumedCapacity> sums = new java.util.LinkedHashMap<>();
    for (ConsumedCapacity c : capacities) {
      sums.merge(c.tableName(), c, StatementRunner::sum);
    }
    return new ArrayList<>(sums.values());
  }

  private static ConsumedCapacity sum(ConsumedCapacity a, ConsumedCapacity b) {
    return new ConsumedCapacity(a.tableName(), a.total() + b.total(), a.table() + b.table(),
        sumUnits(a.globalIndexes(), b.globalIndexes()),
        sumUnits(a.localIndexes(), b.localIndexes()));
  }

  private static Map<String, Double> sumUnits(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> sum = new java.util.HashMap<>(a);
    b.forEach((k, v) -> sum.merge(k, v, Double::sum));
    return sum;
  }

}
