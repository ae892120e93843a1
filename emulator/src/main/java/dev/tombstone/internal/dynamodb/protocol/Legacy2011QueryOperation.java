package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query of API 2011-12-05: a {@code HashKeyValue} and an optional {@code RangeKeyCondition} on
 * a hash-and-range table, translated to the current API's key condition on the same store.
 * Pages carry a positional {@code LastEvaluatedKey}; there is no {@code ScannedCount} in 2011.
 */
final class Legacy2011QueryOperation {
  static final String HASH_RANGE_ONLY =
      "Query can be performed only on a table with a HASH,RANGE key schema";

  private final DynamoDbState state;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.LEGACY_2011);

  Legacy2011QueryOperation(DynamoDbState state) {
    this.state = state;
  }

  /**
   * {@code RangeKeyCondition} as read off the wire.
   *
   * @param problem the first invalid value's message, or null
   */
  private record RangeCondition(String operator, List<AttributeValue> values, String problem) {}

  /** The request as read off the wire: JSON type errors have failed, values are unchecked. */
  private record Wire(String tableName, AttributeValueDecoder.Result hashKeyValue,
      RangeCondition rangeKeyCondition, List<String> attributesToGet, Integer limit,
      Boolean count, Boolean scanIndexForward, Boolean consistentRead,
      Legacy2011Keys.Positional exclusiveStartKey) {}

  /** The domain request and the key schema its answer's keys are written in. */
  private record Planned(Query.Request query, KeySchema schema) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = new Wire(Members.string(request, "TableName"),
        decoder.single(request.get("HashKeyValue")),
        rangeCondition(Members.structure(request.get("RangeKeyCondition"))),
        Members.stringList(request, "AttributesToGet"), Members.integer(request, "Limit"),
        Members.bool(request, "Count"), Members.bool(request, "ScanIndexForward"),
        Members.bool(request, "ConsistentRead"),
        Legacy2011Keys.read(request, "ExclusiveStartKey", decoder));
    Planned planned = validate(wire);
    return encode(state.query(planned.query()), wire, planned.schema());
  }

  private RangeCondition rangeCondition(Json.Obj condition) {
    if (condition == null) {
      return null;
    }
    List<AttributeValue> values = null;
    String problem = null;
    List<Json> raw = Members.list(condition, "AttributeValueList");
    if (raw != null) {
      values = new ArrayList<>(raw.size());
      for (Json element : raw) {
        AttributeValueDecoder.Result value = decoder.element(element, 1);
        if (value != null) {
          problem = problem != null ? problem : value.problem;
          values.add(value.value);
        }
      }
    }
    return new RangeCondition(Members.string(condition, "ComparisonOperator"), values, problem);
  }

  /**
   * The model's constraints, Count with AttributesToGet, the values, then (with the table) the
   * key schema and the key condition against it.
   */
  private Planned validate(Wire w) {
    Constraints constraints = new Constraints()
        .tableName("tableName", w.tableName(), true)
        .atLeast("limit", w.limit(), 1)
        .notNull("hashKeyValue", w.hashKeyValue());
    if (w.rangeKeyCondition() != null) {
      constraints.notNull("rangeKeyCondition.comparisonOperator",
          w.rangeKeyCondition().operator());
      constraints.oneOf("rangeKeyCondition.comparisonOperator",
          w.rangeKeyCondition().operator(), Constraints.COMPARISON_OPERATOR);
    }
    if (w.attributesToGet() != null && w.attributesToGet().isEmpty()) {
      constraints.add("attributesToGet", "[]", Constraints.minLength(1));
    }
    constraints.check();
    if (Boolean.TRUE.equals(w.count()) && w.attributesToGet() != null) {
      throw new DynamoDbError.Validation(
          "Cannot specify the AttributesToGet when choosing to get only the Count");
    }
    if (w.hashKeyValue().problem != null) {
      throw new DynamoDbError.Validation(w.hashKeyValue().problem);
    }
    if (w.rangeKeyCondition() != null && w.rangeKeyCondition().problem() != null) {
      throw new DynamoDbError.Validation(w.rangeKeyCondition().problem());
    }
    if (w.exclusiveStartKey() != null) {
      w.exclusiveStartKey().valid();
    }

    KeySchema schema = state.keySchema(w.tableName());
    if (schema.sortKey() == null) {
      throw new DynamoDbError.Validation(HASH_RANGE_ONLY);
    }
    Query.Request query = Query.Request.of(w.tableName(), keyCondition(w, schema))
        .withLimit(w.limit());
    if (w.exclusiveStartKey() != null) {
      query = query.startingAfter(w.exclusiveStartKey().named(schema));
    }
    if (w.attributesToGet() != null) {
      query = query.withProjection(AttributesToGet.projection(w.attributesToGet()))
          .withSelect(Query.Select.SPECIFIC_ATTRIBUTES);
    }
    if (Boolean.TRUE.equals(w.count())) {
      query = query.withSelect(Query.Select.COUNT);
    }
    if (Boolean.FALSE.equals(w.scanIndexForward())) {
      query = query.backwards();
    }
    return new Planned(Boolean.TRUE.equals(w.consistentRead()) ? query.stronglyConsistent()
        : query, schema);
  }

  /** The hash key equal to its value and the range condition, checked as KeyConditions are. */
  private static KeyCondition keyCondition(Wire w, KeySchema schema) {
    Map<String, ExpectedEntry> conditions = new LinkedHashMap<>();
    String hash = schema.partitionKey().name();
    conditions.put(hash, new ExpectedEntry(null, null, "EQ",
        List.of(w.hashKeyValue().value), null));
    RangeCondition range = w.rangeKeyCondition();
    if (range != null) {
      conditions.put(schema.sortKey().name(),
          new ExpectedEntry(null, null, range.operator(), range.values(), null));
    }
    return ExpressionCompiler.legacyKeyCondition(conditions, hash);
  }

  private static byte[] encode(Query.Result result, Wire wire, KeySchema schema)
      throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeNumberField("Count", result.count());
    if (!Boolean.TRUE.equals(wire.count())) {
      out.items("Items", result.items());
    }
    if (result.lastEvaluatedKey().isPresent()) {
      Legacy2011Keys.write(out, "LastEvaluatedKey", schema, result.lastEvaluatedKey().get());
    }
    Legacy2011Requests.capacityUnits(out, result.consumedCapacity().total());
    out.json().writeEndObject();
    return out.finish();
  }
}
