package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.ValueLayer;
import dev.tombstone.internal.dynamodb.VectorIndex;
import dev.tombstone.internal.dynamodb.VectorValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * SearchVectors of API 2012-08-10: the {@code TopK} items of a vector index closest to the
 * search vector, closest first, each with its score. The search is exact (every item of the
 * index is scored), where DynamoDB searches approximately; there is no paging, as on DynamoDB.
 * {@code SearchConditionExpression} filters on the search schema's attributes before the top
 * {@code K} are taken.
 */
final class SearchVectorsOperation {
  /** Texts the developer guide's troubleshooting table quotes. */
  static final String TOP_K_RANGE = "Provided TopK value is out of valid range";
  static final String HASH_CONDITION_MISSING =
      "SearchConditionExpression must be provided when SearchSchema has a HASH key";
  static final String NO_SUCH_INDEX = "The table does not have the specified index: ";
  static final int MAX_TOP_K = 100;

  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  private final DynamoDbState state;
  private final TableAttachments attachments;
  private final ConditionSupport conditions;

  SearchVectorsOperation(DynamoDbState state, TableAttachments attachments,
      ConditionSupport conditions) {
    this.state = state;
    this.attachments = attachments;
    this.conditions = conditions;
  }

  private record Hit(Item item, double score) {}

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    String indexName = Members.string(request, "IndexName");
    String returnCapacity = Members.string(request, "ReturnConsumedCapacity");
    Map<String, String> names = Members.stringMap(request, "ExpressionAttributeNames");
    Decoded values = DECODER.map(request, "ExpressionAttributeValues");
    String projection = Members.string(request, "ProjectionExpression");
    List<Json> searchVector = Members.list(request, "SearchVector");
    String condition = Members.string(request, "SearchConditionExpression");
    Integer topK = Members.integer(request, "TopK");
    List<AttributeValue> vector = new ArrayList<>();
    String vectorProblem = null;
    if (searchVector != null) {
      for (Json element : searchVector) {
        AttributeValueDecoder.Result result = DECODER.element(element, 1);
        if (result == null || result.problem != null) {
          vectorProblem = vectorProblem != null ? vectorProblem
              : result == null ? AttributeValueDecoder.EMPTY : result.problem;
        } else {
          vector.add(result.value);
        }
      }
    }

    Constraints constraints = new Constraints();
    constraints.tableNameOrArn("tableName", tableName);
    constraints.globalIndexName("indexName", indexName);
    constraints.oneOf("returnConsumedCapacity", returnCapacity,
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.notNull("searchVector", searchVector);
    constraints.notNull("topK", topK);
    constraints.check();
    if (vectorProblem != null) {
      throw new DynamoDbError.Validation(vectorProblem);
    }
    if (topK < 1 || topK > MAX_TOP_K) {
      throw new DynamoDbError.Validation(TOP_K_RANGE);
    }
    ConditionSupport.ReadExpressions expressions =
        conditions.read(condition, projection, names, values);

    TableDescription table = state.describeTable(tableName);
    String name = table.definition().name();
    VectorIndex index = attachments.vectors().get(name, table.tableId(), indexName)
        .orElseThrow(() -> new DynamoDbError.Validation(NO_SUCH_INDEX + indexName));
    float[] query = VectorValues.numbers(vector);
    if (query == null || query.length != index.dimensions()) {
      throw ServiceErrors.invalidParameters("SearchVector must be a list of "
          + index.dimensions() + " numbers for vector index: " + index.name());
    }
    ItemCondition filter = expressions.filter();
    SearchConditions.check(index, filter);
    SearchConditions.checkProjection(index, table.definition().keySchema(),
        expressions.projection());

    List<Hit> hits = new ArrayList<>();
    for (Item item : state.items(name)) {
      float[] candidate = VectorIndexItems.vector(index, item);
      if (candidate == null || (filter != null && !filter.matches(item))) {
        continue;
      }
      hits.add(new Hit(item, index.distance().score(query, candidate)));
    }
    // A stable sort: among equal scores, scan order.
    hits.sort((a, b) -> index.distance().closerFirst(a.score(), b.score()));
    UnaryOperator<Item> projector = expressions.projector();

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeArrayFieldStart("SearchResults");
    for (Hit hit : hits.subList(0, Math.min(topK, hits.size()))) {
      Item held = VectorIndexItems.projected(index, table.definition().keySchema(), hit.item());
      out.json().writeStartObject();
      out.item("Item", projector == null ? held : projector.apply(held));
      out.json().writeNumberField("Score", hit.score());
      out.json().writeEndObject();
    }
    out.json().writeEndArray();
    out.json().writeEndObject();
    return out.finish();
  }
}
