package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.n;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.seqs;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scan through the SDK v2 client: the legacy {@code ScanFilter} and {@code ConditionalOperator}
 * as Query's {@code QueryFilter}, and the {@code Select} rules Query has.
 */
class ScanSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  /** orders: user + seq; LSI byStatus (KEYS_ONLY); GSI byG on status (INCLUDE total). */
  @BeforeEach
  void ordersTable() {
    dynamo.createTable(b -> b.tableName("orders")
        .keySchema(key("user", KeyType.HASH), key("seq", KeyType.RANGE))
        .attributeDefinitions(def("user", ScalarAttributeType.S),
            def("seq", ScalarAttributeType.N), def("status", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byStatus")
            .keySchema(key("user", KeyType.HASH), key("status", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
            .build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(key("status", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes("total").build())
            .build()));
    for (int seq = 1; seq <= 10; seq++) {
      Map<String, AttributeValue> item = new HashMap<>(Map.of("user", s("alice"), "seq", n(seq),
          "status", s(seq % 2 == 0 ? "PAID" : "OPEN"), "total", n(seq * 10),
          "note", s("n" + seq)));
      dynamo.putItem(b -> b.tableName("orders").item(item));
    }
  }

  @Test
  void scanFilter_keepsMatchingItems_andCountsTheScannedApart() {
    ScanResponse response = dynamo.scan(b -> b.tableName("orders")
        .scanFilter(Map.of("status", eq(s("PAID")))));

    assertThat(seqs(response.items())).containsExactlyInAnyOrder(2, 4, 6, 8, 10);
    assertThat(response.count()).isEqualTo(5);
    assertThat(response.scannedCount()).isEqualTo(10);
  }

  @Test
  void scanFilter_joinsConditionsWithAnd_orWithOr() {
    Map<String, Condition> filter = Map.of("status", eq(s("PAID")),
        "total", Condition.builder().comparisonOperator(ComparisonOperator.LE)
            .attributeValueList(n(40)).build());

    ScanResponse and = dynamo.scan(b -> b.tableName("orders").scanFilter(filter));
    ScanResponse andNamed = dynamo.scan(b -> b.tableName("orders").scanFilter(filter)
        .conditionalOperator(ConditionalOperator.AND));
    ScanResponse or = dynamo.scan(b -> b.tableName("orders").scanFilter(filter)
        .conditionalOperator(ConditionalOperator.OR));

    assertThat(seqs(and.items())).containsExactlyInAnyOrder(2, 4);
    assertThat(seqs(andNamed.items())).containsExactlyInAnyOrder(2, 4);
    assertThat(seqs(or.items())).containsExactlyInAnyOrder(1, 2, 3, 4, 6, 8, 10);
  }

  @Test
  void scanFilter_mayTestKeyAttributes_andUsesEveryLegacyOperator() {
    ScanResponse response = dynamo.scan(b -> b.tableName("orders").scanFilter(Map.of(
        "seq", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN)
            .attributeValueList(n(3), n(7)).build(),
        "note", Condition.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH)
            .attributeValueList(s("n")).build(),
        "missing", Condition.builder().comparisonOperator(ComparisonOperator.NULL).build())));

    assertThat(seqs(response.items())).containsExactlyInAnyOrder(3, 4, 5, 6, 7);
  }

  @Test
  void scanFilter_pagesAsAFilterExpressionDoes() {
    List<ScanResponse> legacy = pages(b -> b.scanFilter(Map.of("status", eq(s("PAID")))));
    List<ScanResponse> expression = pages(b -> b.filterExpression("#s = :p")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":p", s("PAID"))));

    assertThat(legacy).hasSize(expression.size()).hasSize(4);
    for (int i = 0; i < legacy.size(); i++) {
      assertThat(legacy.get(i).items()).isEqualTo(expression.get(i).items());
      assertThat(legacy.get(i).count()).isEqualTo(expression.get(i).count());
      assertThat(legacy.get(i).scannedCount()).isEqualTo(expression.get(i).scannedCount());
      assertThat(legacy.get(i).lastEvaluatedKey()).isEqualTo(
          expression.get(i).lastEvaluatedKey());
    }
  }

  @Test
  void scanFilter_withSelectCount_countsOnly() {
    ScanResponse response = dynamo.scan(b -> b.tableName("orders").select(Select.COUNT)
        .scanFilter(Map.of("status", eq(s("OPEN")))));

    assertThat(response.count()).isEqualTo(5);
    assertThat(response.hasItems()).isFalse();
  }

  @Test
  void scanFilter_refusals_areQuerysForQueryFilter() {
    assertThat(message(ScanRequest.builder().tableName("orders").scanFilter(Map.of("status",
        Condition.builder().comparisonOperator(ComparisonOperator.EQ).build())).build()))
        // A ScanFilter Condition has no Value: a missing list is a wrong count (dynalite
        // test/scan.js, 'should return ValidationException for incorrect number of ScanFilter
        // arguments'), where Expected says "Value or AttributeValueList must be used".
        .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s)"
            + " for the EQ ComparisonOperator");
    assertThat(message(ScanRequest.builder().tableName("orders").scanFilter(Map.of("status",
        Condition.builder().comparisonOperator(ComparisonOperator.NULL)
            .attributeValueList(s("x")).build())).build()))
        .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s)"
            + " for the NULL ComparisonOperator");
    assertThat(message(ScanRequest.builder().tableName("orders").scanFilter(Map.of("status",
        Condition.builder().comparisonOperator("XX").attributeValueList(s("x")).build()))
        .build()))
        .isEqualTo("1 validation error detected: Value 'XX' at"
            + " 'scanFilter.status.member.comparisonOperator' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ,"
            + " GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    assertThat(message(ScanRequest.builder().tableName("orders")
        .scanFilter(Map.of("status", eq(s("PAID")))).conditionalOperator("XOR").build()))
        .isEqualTo("1 validation error detected: Value 'XOR' at 'conditionalOperator' failed"
            + " to satisfy constraint: Member must satisfy enum value set: [OR, AND]");
  }

  @Test
  void conditionalOperator_needsAScanFilter_andMixesWithNoExpression() {
    assertThat(message(ScanRequest.builder().tableName("orders")
        .conditionalOperator(ConditionalOperator.OR).build()))
        .isEqualTo("ConditionalOperator cannot be used without Filter or Expected");
    assertThat(message(ScanRequest.builder().tableName("orders")
        .scanFilter(Map.of("status", eq(s("PAID")))).filterExpression("total > :t")
        .expressionAttributeValues(Map.of(":t", n(1))).build()))
        .isEqualTo("Can not use both expression and non-expression parameters in the same"
            + " request: Non-expression parameters: {ScanFilter} Expression parameters:"
            + " {FilterExpression}");
    assertThat(message(ScanRequest.builder().tableName("orders")
        .conditionalOperator(ConditionalOperator.AND).filterExpression("total > :t")
        .expressionAttributeValues(Map.of(":t", n(1))).build()))
        .isEqualTo("Can not use both expression and non-expression parameters in the same"
            + " request: Non-expression parameters: {ConditionalOperator} Expression"
            + " parameters: {FilterExpression}");
  }

  @Test
  void select_refusesWhatQueryRefuses() {
    assertThat(message(ScanRequest.builder().tableName("orders").select(Select.COUNT)
        .projectionExpression("seq").build()))
        .isEqualTo("Cannot specify the ProjectionExpression when choosing to get only the Count");
    assertThat(message(ScanRequest.builder().tableName("orders").select(Select.ALL_ATTRIBUTES)
        .projectionExpression("seq").build()))
        .isEqualTo("Cannot specify the ProjectionExpression when choosing to get"
            + " ALL_ATTRIBUTES");
    assertThat(message(ScanRequest.builder().tableName("orders").select(Select.ALL_ATTRIBUTES)
        .attributesToGet("seq").build()))
        .isEqualTo("Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES");
    assertThat(message(ScanRequest.builder().tableName("orders")
        .select(Select.ALL_PROJECTED_ATTRIBUTES).build()))
        .isEqualTo("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an"
            + " IndexName");
    // moto's AWS-verified test_dynamodb_select.py: Scan's words, with no prefix.
    assertThat(message(ScanRequest.builder().tableName("orders")
        .select(Select.SPECIFIC_ATTRIBUTES).build()))
        .isEqualTo("Must specify the AttributesToGet or ProjectionExpression when choosing to"
            + " get SPECIFIC_ATTRIBUTES");
    assertThat(message(ScanRequest.builder().tableName("orders").indexName("byG")
        .select(Select.ALL_ATTRIBUTES).build()))
        .isEqualTo("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
            + " not supported for global secondary index byG because its projection type is"
            + " not ALL");
  }

  @Test
  void select_allAttributesOnALocalIndex_readsTheTable() {
    ScanResponse all = dynamo.scan(b -> b.tableName("orders").indexName("byStatus")
        .select(Select.ALL_ATTRIBUTES));
    ScanResponse projected = dynamo.scan(b -> b.tableName("orders").indexName("byStatus"));

    assertThat(all.count()).isEqualTo(10);
    assertThat(all.items()).allSatisfy(item -> assertThat(item).containsKeys("note", "total"));
    assertThat(projected.items())
        .allSatisfy(item -> assertThat(item).containsOnlyKeys("user", "seq", "status"));
  }

  @Test
  void projectionExpression_onAGlobalIndex_isRefused_forAnAttributeItDoesNotProject() {
    String message = message(ScanRequest.builder().tableName("orders").indexName("byG")
        .projectionExpression("#t, note, #s")
        .expressionAttributeNames(Map.of("#t", "total", "#s", "seq")).build());
    ScanResponse projected = dynamo.scan(b -> b.tableName("orders").indexName("byG")
        .projectionExpression("#t, #s")
        .expressionAttributeNames(Map.of("#t", "total", "#s", "seq")));

    assertThat(message).isEqualTo(
        "One or more parameter values were invalid: Global secondary index byG does not project"
            + " [note]");
    assertThat(projected.count()).isEqualTo(10);
    assertThat(projected.items()).allSatisfy(item -> assertThat(item).containsOnlyKeys("total",
        "seq"));
  }

  @Test
  void projectionExpression_onALocalIndex_readsTheTableForWhatItDoesNotProject() {
    ScanResponse scan = dynamo.scan(b -> b.tableName("orders").indexName("byStatus")
        .projectionExpression("note"));

    assertThat(scan.count()).isEqualTo(10);
    assertThat(scan.items()).allSatisfy(item -> assertThat(item).containsOnlyKeys("note"));
  }

  private static Condition eq(AttributeValue value) {
    return Condition.builder().comparisonOperator(ComparisonOperator.EQ)
        .attributeValueList(value).build();
  }

  /** Every page of a Scan of orders with Limit 3. */
  private List<ScanResponse> pages(UnaryOperator<ScanRequest.Builder> filter) {
    List<ScanResponse> pages = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      ScanRequest.Builder request = filter.apply(ScanRequest.builder().tableName("orders")
          .limit(3));
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse page = dynamo.scan(request.build());
      pages.add(page);
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
          ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return pages;
  }

  @Test
  void exclusiveStartKey_fromAnotherSegment_isRefused() {
    int aliceSegment = dynamo.scan(b -> b.tableName("orders").segment(0).totalSegments(2))
        .count() > 0 ? 0 : 1;
    int other = 1 - aliceSegment;
    Map<String, AttributeValue> start = Map.of("user", s("alice"), "seq", n(3));

    assertThat(message(ScanRequest.builder().tableName("orders").segment(other)
        .totalSegments(2).exclusiveStartKey(start).build()))
        .isEqualTo("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use"
            + " ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: " + other);
    assertThat(message(ScanRequest.builder().tableName("orders").indexName("byStatus")
        .segment(other).totalSegments(2)
        .exclusiveStartKey(Map.of("user", s("alice"), "seq", n(3), "status", s("OPEN")))
        .build()))
        .isEqualTo("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use"
            + " ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: " + other);
    assertThat(dynamo.scan(b -> b.tableName("orders").segment(aliceSegment).totalSegments(2)
        .exclusiveStartKey(start)).count()).isEqualTo(7);
  }

  private String message(ScanRequest request) {
    return validationMessage(() -> dynamo.scan(request));
  }
}
