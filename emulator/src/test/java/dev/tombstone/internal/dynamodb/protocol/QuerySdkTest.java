package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query through the SDK v2 client: a table, a local index and a sparse global index, with
 * paging, order, filters, projections and DynamoDB's refusals.
 */
class QuerySdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  /** orders: user (S) + seq (N); LSI byStatus on status; sparse GSI byDeleted on deletedAt. */
  @BeforeEach
  void ordersTable() {
    dynamo.createTable(b -> b.tableName("orders")
        .keySchema(key("user", KeyType.HASH), key("seq", KeyType.RANGE))
        .attributeDefinitions(def("user", ScalarAttributeType.S), def("seq", ScalarAttributeType.N),
            def("status", ScalarAttributeType.S), def("deletedAt", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byStatus")
            .keySchema(key("user", KeyType.HASH), key("status", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
            .build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byDeleted")
            .keySchema(key("deletedAt", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes("total").build())
            .build()));
    for (int seq = 1; seq <= 10; seq++) {
      Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(
          "user", s("alice"), "seq", n(seq), "status", s(seq % 2 == 0 ? "PAID" : "OPEN"),
          "total", n(seq * 10), "note", s("n" + seq)));
      if (seq % 3 == 0) {
        item.put("deletedAt", s("2024-01-0" + (seq / 3)));
      }
      dynamo.putItem(b -> b.tableName("orders").item(item));
    }
    dynamo.putItem(b -> b.tableName("orders").item(Map.of("user", s("bob"), "seq", n(1))));
  }

  @Test
  void query_readsOnePartitionInSortKeyOrder() {
    QueryResponse response = dynamo.query(b -> b.tableName("orders")
        .keyConditionExpression("#u = :u AND seq BETWEEN :lo AND :hi")
        .expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", s("alice"), ":lo", n(3), ":hi", n(6))));

    assertThat(seqs(response.items())).containsExactly(3, 4, 5, 6);
    assertThat(response.count()).isEqualTo(4);
    assertThat(response.scannedCount()).isEqualTo(4);
    assertThat(response.hasLastEvaluatedKey()).isFalse();
  }

  @Test
  void query_descendingWithLimit_pagesWithLastEvaluatedKey() {
    List<Integer> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      QueryRequest.Builder request = QueryRequest.builder().tableName("orders")
          .keyConditionExpression("#u = :u AND seq > :min")
          .expressionAttributeNames(Map.of("#u", "user"))
          .expressionAttributeValues(Map.of(":u", s("alice"), ":min", n(2)))
          .scanIndexForward(false).limit(3);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      QueryResponse page = dynamo.query(request.build());
      seen.addAll(seqs(page.items()));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
          ? page.lastEvaluatedKey() : null;
      pages++;
    } while (start != null);

    assertThat(seen).containsExactly(10, 9, 8, 7, 6, 5, 4, 3);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void query_filterCountsScannedAndMatchedApart_andProjects() {
    QueryResponse response = dynamo.query(b -> b.tableName("orders")
        .keyConditionExpression("#u = :u")
        .filterExpression("#s = :paid")
        .projectionExpression("seq, #t")
        .expressionAttributeNames(Map.of("#u", "user", "#s", "status", "#t", "total"))
        .expressionAttributeValues(Map.of(":u", s("alice"), ":paid", s("PAID"))));

    assertThat(response.count()).isEqualTo(5);
    assertThat(response.scannedCount()).isEqualTo(10);
    assertThat(response.items().get(0)).containsOnlyKeys("seq", "total");
  }

  @Test
  void query_beginsWithAndCount() {
    dynamo.putItem(b -> b.tableName("orders").item(Map.of("user", s("carol"), "seq", n(1),
        "status", s("OPEN-late"))));
    QueryResponse response = dynamo.query(b -> b.tableName("orders").indexName("byStatus")
        .keyConditionExpression("#u = :u AND begins_with(#s, :p)")
        .expressionAttributeNames(Map.of("#u", "user", "#s", "status"))
        .expressionAttributeValues(Map.of(":u", s("alice"), ":p", s("OP")))
        .select(Select.COUNT));

    assertThat(response.count()).isEqualTo(5);
    assertThat(response.items()).isEmpty();
  }

  @Test
  void query_onLocalIndex_keysOnly_ordersByIndexSortKey_andPagesWithIndexKeys() {
    QueryResponse first = dynamo.query(b -> b.tableName("orders").indexName("byStatus")
        .keyConditionExpression("#u = :u AND #s = :open")
        .expressionAttributeNames(Map.of("#u", "user", "#s", "status"))
        .expressionAttributeValues(Map.of(":u", s("alice"), ":open", s("OPEN")))
        .limit(2));

    assertThat(first.items()).hasSize(2);
    assertThat(first.items().get(0)).containsOnlyKeys("user", "seq", "status");
    assertThat(first.lastEvaluatedKey()).containsOnlyKeys("user", "seq", "status");
    QueryResponse rest = dynamo.query(b -> b.tableName("orders").indexName("byStatus")
        .keyConditionExpression("#u = :u AND #s = :open")
        .expressionAttributeNames(Map.of("#u", "user", "#s", "status"))
        .expressionAttributeValues(Map.of(":u", s("alice"), ":open", s("OPEN")))
        .exclusiveStartKey(first.lastEvaluatedKey()));
    List<Integer> all = new ArrayList<>(seqs(first.items()));
    all.addAll(seqs(rest.items()));
    assertThat(all).containsExactly(1, 3, 5, 7, 9);
  }

  @Test
  void query_onLocalIndex_allAttributes_readsTheTable() {
    QueryResponse response = dynamo.query(b -> b.tableName("orders").indexName("byStatus")
        .keyConditionExpression("#u = :u")
        .expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", s("alice")))
        .select(Select.ALL_ATTRIBUTES).limit(1));

    assertThat(response.items().get(0)).containsKeys("note", "total");
  }

  @Test
  void filter_onLocalIndex_readsWhatTheIndexDoesNotProjectFromTheTable() {
    QueryResponse query = dynamo.query(b -> b.tableName("orders").indexName("byStatus")
        .keyConditionExpression("#u = :u").filterExpression("note = :note")
        .expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", s("alice"), ":note", s("n4"))));
    ScanResponse scan = dynamo.scan(b -> b.tableName("orders").indexName("byStatus")
        .filterExpression("note = :note").expressionAttributeValues(Map.of(":note", s("n4"))));

    assertThat(query.count()).isEqualTo(1);
    assertThat(query.scannedCount()).isEqualTo(10);
    assertThat(query.items()).containsExactly(Map.of("user", s("alice"), "seq", n(4),
        "status", s("PAID")));
    assertThat(scan.items()).containsExactly(Map.of("user", s("alice"), "seq", n(4),
        "status", s("PAID")));
  }

  @Test
  void filter_onGlobalIndex_namingAnAttributeItDoesNotProject_isRefused() {
    assertThat(message(QueryRequest.builder().tableName("orders").indexName("byDeleted")
        .keyConditionExpression("deletedAt = :d").filterExpression("note = :n OR #t > :t")
        .expressionAttributeNames(Map.of("#t", "total"))
        .expressionAttributeValues(Map.of(":d", s("2024-01-01"), ":n", s("n3"), ":t", n(1)))
        .build()))
        .isEqualTo("One or more parameter values were invalid: Secondary index byDeleted does"
            + " not project one or more filter attributes: [note]");
    DynamoDbException scan = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.scan(b -> b.tableName("orders").indexName("byDeleted")
            .filterExpression("note = :n").expressionAttributeValues(Map.of(":n", s("n3")))));
    assertThat(scan.awsErrorDetails().errorMessage())
        .isEqualTo("One or more parameter values were invalid: Secondary index byDeleted does"
            + " not project one or more filter attributes: [note]");
    assertThat(dynamo.query(b -> b.tableName("orders").indexName("byDeleted")
        .keyConditionExpression("deletedAt = :d").filterExpression("#t > :t")
        .expressionAttributeNames(Map.of("#t", "total"))
        .expressionAttributeValues(Map.of(":d", s("2024-01-01"), ":t", n(1)))).count())
        .isEqualTo(1);
  }

  @Test
  void query_onSparseGlobalIndex_holdsOnlyItemsWithTheIndexKey_andFollowsWrites() {
    dynamo.deleteItem(b -> b.tableName("orders").key(Map.of("user", s("alice"), "seq", n(6))));
    dynamo.putItem(b -> b.tableName("orders").item(Map.of("user", s("alice"), "seq", n(9),
        "total", n(1))));

    List<Map<String, AttributeValue>> deleted = new ArrayList<>();
    for (String day : List.of("2024-01-01", "2024-01-02", "2024-01-03")) {
      QueryResponse r = dynamo.query(b -> b.tableName("orders").indexName("byDeleted")
          .keyConditionExpression("deletedAt = :d")
          .expressionAttributeValues(Map.of(":d", s(day)))
          .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
      deleted.addAll(r.items());
      assertThat(r.consumedCapacity().globalSecondaryIndexes()).containsKey("byDeleted");
      assertThat(r.consumedCapacity().table().capacityUnits()).isZero();
    }
    assertThat(deleted).containsExactly(Map.of("user", s("alice"), "seq", n(3),
        "deletedAt", s("2024-01-01"), "total", n(30)));
  }

  @Test
  void scan_onGlobalIndex_readsOnlyIndexedItems() {
    assertThat(dynamo.scan(b -> b.tableName("orders").indexName("byDeleted")).count())
        .isEqualTo(3);
  }

  @Test
  void refusals_carryDynamoDbsMessages() {
    assertThat(message(QueryRequest.builder().tableName("orders").indexName("byDeleted")
        .keyConditionExpression("deletedAt = :d").consistentRead(true)
        .expressionAttributeValues(Map.of(":d", s("x"))).build()))
        .isEqualTo("Consistent reads are not supported on global secondary indexes");
    assertThat(message(QueryRequest.builder().tableName("orders")
        .keyConditionExpression("seq = :n").expressionAttributeValues(Map.of(":n", n(1)))
        .build()))
        .isEqualTo("Query condition missed key schema element: user");
    assertThat(message(QueryRequest.builder().tableName("orders")
        .keyConditionExpression("#u = :u OR seq = :n")
        .expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", s("a"), ":n", n(1))).build()))
        .isEqualTo("Invalid operator used in KeyConditionExpression: OR");
    assertThat(message(QueryRequest.builder().tableName("orders")
        .keyConditionExpression("#u = :u").filterExpression("seq > :n")
        .expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", s("a"), ":n", n(1))).build()))
        .isEqualTo("Filter Expression can only contain non-primary key attributes:"
            + " Primary key attribute: seq");
    assertThat(message(QueryRequest.builder().tableName("orders").indexName("nope")
        .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", s("a"))).build()))
        .isEqualTo("The table does not have the specified index: nope");
  }

  /** moto's AWS-verified test_dynamodb_select.py: Query's texts carry the prefix, Scan's not. */
  @Test
  void selectRefusals_startWithOneValidationErrorDetected() {
    QueryRequest.Builder onTable = QueryRequest.builder().tableName("orders")
        .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", s("alice")));
    QueryRequest.Builder onIndex = QueryRequest.builder().tableName("orders")
        .indexName("byDeleted").keyConditionExpression("deletedAt = :d")
        .expressionAttributeValues(Map.of(":d", s("x")));

    assertThat(message(onTable.copy().select(Select.ALL_PROJECTED_ATTRIBUTES).build()))
        .isEqualTo("1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only"
            + " when Querying using an IndexName");
    assertThat(message(onTable.copy().select(Select.SPECIFIC_ATTRIBUTES).build()))
        .isEqualTo("1 validation error detected: Must specify the AttributesToGet or"
            + " ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
    assertThat(message(onIndex.copy().select(Select.COUNT).projectionExpression("total")
        .build()))
        .isEqualTo("1 validation error detected: Cannot specify the ProjectionExpression when"
            + " choosing to get only the Count");
    assertThat(message(onIndex.copy().select(Select.ALL_PROJECTED_ATTRIBUTES)
        .projectionExpression("total").build()))
        .isEqualTo("1 validation error detected: Cannot specify the ProjectionExpression when"
            + " choosing to get ALL_PROJECTED_ATTRIBUTES");
    assertThat(message(QueryRequest.builder().tableName("orders").indexName("byDeleted")
        .keyConditions(Map.of("deletedAt", Condition.builder()
            .comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("x")).build()))
        .attributesToGet("deletedAt").select(Select.ALL_ATTRIBUTES).build()))
        .isEqualTo("1 validation error detected: Cannot specify the AttributesToGet when"
            + " choosing to get ALL_ATTRIBUTES");
  }

  /** moto's AWS-verified test_query_unused_attribute_name: unused names before the shape. */
  @Test
  void unusedAttributeName_isReportedBeforeTheKeyConditionsShape() {
    QueryRequest.Builder twoNamesInOneCondition = QueryRequest.builder().tableName("orders")
        .keyConditionExpression("(#0 = x) AND (begins_with(#1, a))");

    assertThat(message(twoNamesInOneCondition.copy().expressionAttributeNames(
        Map.of("#0", "user", "#1", "seq", "#count", "count")).build()))
        .isEqualTo("Value provided in ExpressionAttributeNames unused in expressions:"
            + " keys: {#count}");
    assertThat(message(twoNamesInOneCondition.copy().expressionAttributeNames(
        Map.of("#0", "user", "#1", "seq")).build()))
        .isEqualTo("Invalid condition in KeyConditionExpression: Multiple attribute names used"
            + " in one condition");
  }

  @Test
  void write_withIndexKeyOfTheWrongType_isRefused_andChangesNothing() {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () ->
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("user", s("dave"), "seq", n(1),
            "deletedAt", n(5)))));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("One or more parameter values were"
        + " invalid: Type mismatch for Index Key deletedAt Expected: S Actual: N"
        + " IndexName: byDeleted");
    assertThat(dynamo.getItem(b -> b.tableName("orders")
        .key(Map.of("user", s("dave"), "seq", n(1)))).hasItem()).isFalse();
  }

  private String message(QueryRequest request) {
    return validationMessage(() -> dynamo.query(request));
  }

  static List<Integer> seqs(List<Map<String, AttributeValue>> items) {
    List<Integer> seqs = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      seqs.add(Integer.parseInt(item.get("seq").n()));
    }
    return seqs;
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static AttributeDefinition def(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
