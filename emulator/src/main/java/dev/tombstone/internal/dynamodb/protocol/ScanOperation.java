package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.Scan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Scan: paging, filter, projection and Select COUNT. */
final class ScanOperation {
  private final DynamoDbState state;
  private final ConditionSupport conditions;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT);

  ScanOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    String indexName = Members.string(request, "IndexName");
    Integer limit = Members.integer(request, "Limit");
    Decoded startKey = decoder.map(request, "ExclusiveStartKey");
    String select = Members.string(request, "Select");
    Boolean consistentRead = Members.bool(request, "ConsistentRead");
    String returnConsumedCapacity = Members.string(request, "ReturnConsumedCapacity");
    String filterExpression = Members.string(request, "FilterExpression");
    String projectionExpression = Members.string(request, "ProjectionExpression");
    Map<String, String> names = Members.stringMap(request, "ExpressionAttributeNames");
    Decoded values = decoder.map(request, "ExpressionAttributeValues");
    List<String> attributesToGet = Members.stringList(request, "AttributesToGet");
    Integer segment = Members.integer(request, "Segment");
    Integer totalSegments = Members.integer(request, "TotalSegments");

    Constraints constraints = new Constraints();
    constraints.oneOf("returnConsumedCapacity", returnConsumedCapacity,
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.tableNameOrArn("tableName", tableName);
    constraints.tableName("indexName", indexName, false);
    constraints.atLeast("limit", limit, 1);
    constraints.oneOf("select", select, "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
        "ALL_PROJECTED_ATTRIBUTES");
    constraints.atLeast("segment", segment, 0).atMost("segment", segment, 999_999);
    constraints.atLeast("totalSegments", totalSegments, 1)
        .atMost("totalSegments", totalSegments, 1_000_000);
    constraints.check();

    if (projectionExpression != null && attributesToGet != null) {
      throw ServiceErrors.expressionAndNonExpression("AttributesToGet", "ProjectionExpression");
    }
    boolean anyExpression = filterExpression != null || projectionExpression != null;
    if (names != null && !anyExpression) {
      throw ServiceErrors.namesWithoutExpression();
    }
    if (values != null && filterExpression == null) {
      throw ServiceErrors.valuesWithoutExpression("FilterExpression");
    }
    if (segment != null && totalSegments == null) {
      throw new DynamoDbError.Validation("The TotalSegments parameter is required but was not"
          + " present in the request when Segment parameter is present");
    }
    if (totalSegments != null && segment == null) {
      throw new DynamoDbError.Validation("The Segment parameter is required but was not present"
          + " in the request when parameter TotalSegments is present");
    }
    if (segment != null && segment >= totalSegments) {
      throw new DynamoDbError.Validation("The Segment parameter is zero-based and must be less"
          + " than parameter TotalSegments: Segment: " + segment + " is not less than"
          + " TotalSegments: " + totalSegments);
    }
    if ("SPECIFIC_ATTRIBUTES".equals(select) && projectionExpression == null
        && attributesToGet == null) {
      throw new DynamoDbError.Validation("1 validation error detected: Value null at"
          + " 'projectionExpression' failed to satisfy constraint: Member must not be null"
          + " when Select is SPECIFIC_ATTRIBUTES");
    }
    Map<String, AttributeValue> start = startKey == null ? null : startingKey(startKey);
    ConditionSupport.ReadExpressions expressions =
        conditions.read(filterExpression, projectionExpression, names, values);
    UnaryOperator<Item> projection =
        attributesToGet != null
            ? AttributesToGet.projection(attributesToGet)
            : expressions.projection();
    ItemCondition filter = expressions.filter();
    conditions.checkKeyPaths(projectionExpression, names,
        projectionExpression == null ? null : state.keySchema(tableName));

    Scan.Request scan = Scan.Request.of(tableName)
        .withLimit(limit)
        .startingAfter(start)
        .withFilter(filter)
        .withProjection(projection)
        .segment(segment == null ? 0 : segment, totalSegments == null ? 1 : totalSegments)
        .onIndex(indexName);
    scan = Boolean.TRUE.equals(consistentRead) ? scan.stronglyConsistent() : scan;
    scan = "COUNT".equals(select) ? scan.countingOnly() : scan;
    Scan.Result result = state.scan(scan);

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (!"COUNT".equals(select)) {
      out.json().writeArrayFieldStart("Items");
      for (Item item : result.items()) {
        out.attributes(item.attributes());
      }
      out.json().writeEndArray();
    }
    out.json().writeNumberField("Count", result.count());
    out.json().writeNumberField("ScannedCount", result.scannedCount());
    if (result.lastEvaluatedKey().isPresent()) {
      out.item("LastEvaluatedKey", result.lastEvaluatedKey().get());
    }
    out.consumedCapacity("ConsumedCapacity", result.consumedCapacity(), returnConsumedCapacity);
    out.json().writeEndObject();
    return out.finish();
  }

  static Map<String, AttributeValue> startingKey(Decoded startKey) {
    String problem = startKey.problem();
    if (problem == null) {
      return startKey.values();
    }
    // Number and duplicate problems are reported as they are; the rest get the prefix.
    boolean bare = problem.startsWith("Attempting") || problem.startsWith("Number ")
        || problem.startsWith("The parameter cannot") || problem.startsWith("Input collection");
    throw bare ? new DynamoDbError.Validation(problem) : ServiceErrors.invalidStartKey(problem);
  }
}
