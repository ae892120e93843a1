package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.Scan;
import dev.tombstone.internal.dynamodb.ValueLayer;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scan: decode, validate in DynamoDB's order, read one page, encode. Paging, segments, the
 * filter (FilterExpression or the legacy ScanFilter), projection and Select.
 */
final class ScanOperation {
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT,
          ValueLayer.OLDER);

  private final DynamoDbState state;
  private final ConditionSupport conditions;

  ScanOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** The request as read off the wire: JSON type errors have failed, values are unchecked. */
  private record Wire(String tableName, String indexName, Integer limit, Decoded startKey,
      String select, Boolean consistentRead, String returnConsumedCapacity,
      String filterExpression, String projectionExpression, Map<String, String> names,
      Decoded values, List<String> attributesToGet, Integer segment, Integer totalSegments,
      Map<String, ExpectedEntry> scanFilter, String conditionalOperator) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = decode(request);
    Scan.Request checked = validate(wire);
    Scan.Result result = state.scan(checked);
    // A filter path into a key attribute is AWS's last check (dynalite test/scan.js,
    // AWS-validated: the index, start key, key condition and Select refusals come first). The
    // store makes those, so the path is held against the table once it has: the page read is
    // dropped.
    ConditionSupport.checkKeyPaths(checked.filter(),
        () -> state.tableDefinition(wire.tableName()));
    return ReadPages.encode(result, wire.select(), wire.returnConsumedCapacity());
  }

  private static Wire decode(Json.Obj r) {
    return new Wire(Members.string(r, "TableName"), Members.string(r, "IndexName"),
        Members.integer(r, "Limit"), DECODER.map(r, "ExclusiveStartKey"),
        Members.string(r, "Select"), Members.bool(r, "ConsistentRead"),
        Members.string(r, "ReturnConsumedCapacity"), Members.string(r, "FilterExpression"),
        Members.string(r, "ProjectionExpression"),
        Members.stringMap(r, "ExpressionAttributeNames"),
        DECODER.map(r, "ExpressionAttributeValues"), Members.stringList(r, "AttributesToGet"),
        Members.integer(r, "Segment"), Members.integer(r, "TotalSegments"),
        ConditionParameters.entries(r, "ScanFilter", ConditionParameters.CONDITION_MAP,
            ConditionParameters.CONDITION_CLASS, DECODER),
        Members.string(r, "ConditionalOperator"));
  }

  /**
   * DynamoDB's order: the model's constraints, the mix of legacy and expression parameters,
   * placeholder maps without expressions, Select, ConditionalOperator without two filter
   * conditions, AttributesToGet and the legacy filter, the start key, the segments, then the
   * expressions.
   */
  private Scan.Request validate(Wire w) {
    Constraints constraints = new Constraints();
    constraints.oneOf("returnConsumedCapacity", w.returnConsumedCapacity(),
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.tableNameOrArn("tableName", w.tableName());
    constraints.tableName("indexName", w.indexName(), false);
    constraints.atLeast("limit", w.limit(), 1);
    constraints.oneOf("select", w.select(), SelectChecks.SELECT);
    constraints.atLeast("segment", w.segment(), 0).atMost("segment", w.segment(), 999_999);
    constraints.atLeast("totalSegments", w.totalSegments(), 1)
        .atMost("totalSegments", w.totalSegments(), 1_000_000);
    constraints.oneOf("conditionalOperator", w.conditionalOperator(),
        Constraints.CONDITIONAL_OPERATOR);
    constraints.comparisonOperators("scanFilter", w.scanFilter(), true);
    if (w.attributesToGet() != null) {
      constraints.size("attributesToGet", w.attributesToGet(), 1, 255);
    }
    constraints.check();

    checkMix(w);
    boolean anyExpression = w.filterExpression() != null || w.projectionExpression() != null;
    if (w.names() != null && !anyExpression) {
      throw ServiceErrors.namesWithoutExpression();
    }
    if (w.values() != null && w.filterExpression() == null) {
      throw ServiceErrors.valuesWithoutExpression("FilterExpression");
    }
    String projected = SelectChecks.projected(w.projectionExpression(), w.attributesToGet());
    SelectChecks.check(w.select(), projected, w.indexName(), "");
    ConditionSupport.checkConditionalOperator(w.conditionalOperator(), w.scanFilter());
    // AttributesToGet, then the ScanFilter values, then the start key, then the segments, then
    // the expressions: dynalite test/scan.js, 'should return ValidationException for duplicate
    // values in AttributesToGet', '... on ExclusiveStartKey if ScanFilter ok with EQ on type SS
    // when table does not exist' and '... for missing TotalSegments'.
    UnaryOperator<Item> legacyProjection = w.attributesToGet() != null
        ? AttributesToGet.projection(w.attributesToGet())
        : null;
    ItemCondition legacyFilter = w.scanFilter() != null && !w.scanFilter().isEmpty()
        ? ExpressionCompiler.legacyFilter(w.scanFilter(), w.conditionalOperator())
        : null;
    Map<String, AttributeValue> start = w.startKey() == null ? null : startingKey(w.startKey());
    checkSegments(w.segment(), w.totalSegments());
    ConditionSupport.ReadExpressions expressions = conditions.read(w.filterExpression(),
        w.projectionExpression(), w.names(), w.values());
    UnaryOperator<Item> projection = legacyProjection != null
        ? legacyProjection
        : expressions.projector();
    ItemCondition filter = legacyFilter != null ? legacyFilter : expressions.filter();
    ConditionSupport.checkKeyPaths(expressions.projection(),
        () -> state.tableDefinition(w.tableName()));
    if (expressions.projection() != null && w.indexName() != null) {
      // A global index cannot fetch from the table: its projection bounds what a Scan may ask.
      ConditionSupport.checkIndexProjects(expressions.projection(),
          state.tableDefinition(w.tableName()), w.indexName());
    }
    if (w.attributesToGet() != null && w.indexName() != null) {
      ConditionSupport.checkIndexProjects(w.attributesToGet(),
          state.tableDefinition(w.tableName()), w.indexName());
    }

    Scan.Request scan = Scan.Request.of(w.tableName())
        .withLimit(w.limit())
        .startingAfter(start)
        .withFilter(filter)
        .withProjection(projection)
        .segment(w.segment() == null ? 0 : w.segment(),
            w.totalSegments() == null ? 1 : w.totalSegments())
        .onIndex(w.indexName());
    if (w.select() != null) {
      scan = scan.withSelect(Query.Select.valueOf(w.select()));
    } else if (projected != null) {
      scan = scan.withSelect(Query.Select.SPECIFIC_ATTRIBUTES);
    }
    return Boolean.TRUE.equals(w.consistentRead()) ? scan.stronglyConsistent() : scan;
  }

  /** Legacy members (AttributesToGet, ScanFilter, ConditionalOperator) with expressions. */
  private static void checkMix(Wire w) {
    new ParameterMix()
        .legacy("AttributesToGet", w.attributesToGet())
        .legacy("ScanFilter", w.scanFilter())
        .legacy("ConditionalOperator", w.conditionalOperator())
        .expression("ProjectionExpression", w.projectionExpression())
        .expression("FilterExpression", w.filterExpression())
        .check();
  }

  private static void checkSegments(Integer segment, Integer totalSegments) {
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
  }

  static Map<String, AttributeValue> startingKey(Decoded startKey) {
    return startingKey(startKey, ValueLayer.OLDER);
  }

  /**
   * The start key's values. Number and duplicate problems are reported as they are, the rest
   * with the prefix; the current layer words a string or binary duplicate "One or more
   * parameter values were invalid: Input collection ...", also bare.
   */
  static Map<String, AttributeValue> startingKey(Decoded startKey, ValueLayer layer) {
    String problem = startKey.problem();
    if (problem == null) {
      return startKey.values();
    }
    boolean bare = problem.startsWith("Attempting") || problem.startsWith("Number ")
        || problem.startsWith("The parameter cannot") || problem.startsWith("Input collection")
        || layer == ValueLayer.CURRENT && problem.contains("contains duplicates");
    throw bare ? new DynamoDbError.Validation(problem) : ServiceErrors.invalidStartKey(problem);
  }
}
