package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.motoTable;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.n;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Query on a global secondary index with a multi-attribute key: moto's AWS-verified cases
 * (tests/test_dynamodb/test_dynamodb_multi_attribute_gsi.py) replayed, then DynamoDB's rules for
 * partition attributes, paging in both directions and the refusals.
 */
class MultiAttributeIndexQuerySdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  /**
   * DynamoDB's text for gsi_sk skipped, or given a range operator, while gsi_sk2 has a condition:
   * the dynamodb-conformance suite's multi-attribute key tests, run against DynamoDB.
   */
  private static final String SKIPPED_GSI_SK = "RANGE key attributes gsi_sk must have equality"
      + " conditions specified in the query because a condition is present on key attribute"
      + " gsi_sk2";

  final DynamoDbClient dynamo = server.dynamoDb();

  /** moto's five items: pk 1..5 over (gsi_pk, gsi_sk, gsi_sk2). */
  @BeforeEach
  void motoItems() {
    dynamo.createTable(motoTable("matches"));
    put("1", "pk1", "skA", 100);
    put("2", "pk1", "skA", 200);
    put("3", "pk1", "skA", 300);
    put("4", "pk1", "skB", 150);
    put("5", "pk2", "skA", 250);
  }

  @Test
  void hashOnly_returnsThePartitionInCompositeSortOrder() {
    QueryResponse r = query("gsi_pk = :pk", Map.of(":pk", s("pk1")));

    assertThat(r.count()).isEqualTo(4);
    assertThat(pks(r.items())).containsExactly("1", "2", "3", "4");
  }

  @Test
  void rangePrefixes_equalityAndOperatorOnTheLastOneNamed() {
    assertThat(pks(query("gsi_pk = :pk AND gsi_sk = :sk",
        Map.of(":pk", s("pk1"), ":sk", s("skA"))).items())).containsExactly("1", "2", "3");
    assertThat(pks(query("gsi_pk = :pk AND gsi_sk > :sk",
        Map.of(":pk", s("pk1"), ":sk", s("skA"))).items())).containsExactly("4");
    assertThat(pks(query("gsi_pk = :pk AND gsi_sk = :sk AND gsi_sk2 = :sk2",
        Map.of(":pk", s("pk1"), ":sk", s("skA"), ":sk2", n(200))).items())).containsExactly("2");
    assertThat(pks(query("gsi_pk = :pk AND gsi_sk = :sk AND gsi_sk2 > :sk2",
        Map.of(":pk", s("pk1"), ":sk", s("skA"), ":sk2", n(100))).items()))
        .containsExactly("2", "3");
    assertThat(pks(query("gsi_pk = :pk AND gsi_sk = :sk AND gsi_sk2 BETWEEN :lo AND :hi",
        Map.of(":pk", s("pk1"), ":sk", s("skA"), ":lo", n(150), ":hi", n(250))).items()))
        .containsExactly("2");
    assertThat(pks(query("gsi_pk = :pk AND gsi_sk = :sk AND gsi_sk2 <= :sk2",
        Map.of(":pk", s("pk1"), ":sk", s("skA"), ":sk2", n(200))).items()))
        .containsExactly("1", "2");
    assertThat(pks(query("gsi_pk = :pk AND begins_with(gsi_sk, :p)",
        Map.of(":pk", s("pk1"), ":p", s("skB"))).items())).containsExactly("4");
  }

  @Test
  void sortsBySecondRangeAttribute_notByTableKey_andBackwards() {
    put("10", "pk3", "skA", 300);
    put("20", "pk3", "skA", 100);
    put("30", "pk3", "skA", 200);

    QueryResponse forward = query("gsi_pk = :pk", Map.of(":pk", s("pk3")));
    QueryResponse backward = dynamo.query(b -> b.tableName("matches").indexName("test_gsi")
        .keyConditionExpression("gsi_pk = :pk").scanIndexForward(false)
        .expressionAttributeValues(Map.of(":pk", s("pk3"))));

    assertThat(pks(forward.items())).containsExactly("20", "30", "10");
    assertThat(pks(backward.items())).containsExactly("10", "30", "20");
  }

  @Test
  void itemsMissingAnyKeyAttribute_areNotInTheIndex() {
    dynamo.putItem(b -> b.tableName("matches").item(Map.of("pk", s("6"), "gsi_pk", s("pk9"),
        "gsi_sk", s("skB"))));
    dynamo.putItem(b -> b.tableName("matches").item(Map.of("pk", s("7"), "gsi_pk", s("pk9"),
        "gsi_sk2", n(200))));
    put("8", "pk9", "skC", 300);

    assertThat(pks(query("gsi_pk = :pk", Map.of(":pk", s("pk9"))).items()))
        .containsExactly("8");
    assertThat(dynamo.scan(b -> b.tableName("matches").indexName("test_gsi")).count())
        .isEqualTo(6);
  }

  @Test
  void paging_carriesEveryKeyAttribute_bothDirections() {
    for (boolean forward : List.of(true, false)) {
      List<String> seen = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      do {
        QueryRequest.Builder request = QueryRequest.builder().tableName("matches")
            .indexName("test_gsi").keyConditionExpression("gsi_pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s("pk1"))).limit(2)
            .scanIndexForward(forward);
        if (start != null) {
          request.exclusiveStartKey(start);
        }
        QueryResponse page = dynamo.query(request.build());
        seen.addAll(pks(page.items()));
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? page.lastEvaluatedKey() : null;
        if (start != null) {
          assertThat(start).containsOnlyKeys("pk", "gsi_pk", "gsi_sk", "gsi_sk2");
        }
      } while (start != null);

      assertThat(seen).containsExactlyElementsOf(
          forward ? List.of("1", "2", "3", "4") : List.of("4", "3", "2", "1"));
    }
  }

  @Test
  void legacyKeyConditions_followTheSameRules() {
    QueryResponse hashOnly = dynamo.query(b -> b.tableName("matches").indexName("test_gsi")
        .keyConditions(Map.of("gsi_pk", eq(s("pk1")))));
    QueryResponse ranges = dynamo.query(b -> b.tableName("matches").indexName("test_gsi")
        .keyConditions(Map.of("gsi_pk", eq(s("pk1")), "gsi_sk", eq(s("skA")),
            "gsi_sk2", condition(ComparisonOperator.GT, n(100)))));
    String skipped = validationMessage(() -> dynamo.query(b -> b.tableName("matches")
        .indexName("test_gsi").keyConditions(Map.of("gsi_pk", eq(s("pk1")),
            "gsi_sk2", condition(ComparisonOperator.GT, n(100))))));

    assertThat(hashOnly.count()).isEqualTo(4);
    assertThat(pks(ranges.items())).containsExactly("2", "3");
    assertThat(skipped).isEqualTo(SKIPPED_GSI_SK);
  }

  @Test
  void refusals_skippedRangeRangeOperatorNotLastAndFilterOnKey() {
    assertThat(validationMessage(() -> query("gsi_pk = :pk AND gsi_sk2 > :sk2",
        Map.of(":pk", s("pk1"), ":sk2", n(100)))))
        .isEqualTo(SKIPPED_GSI_SK);
    assertThat(validationMessage(() -> query("gsi_pk = :pk AND gsi_sk > :sk AND gsi_sk2 = :sk2",
        Map.of(":pk", s("pk1"), ":sk", s("skA"), ":sk2", n(100)))))
        .isEqualTo(SKIPPED_GSI_SK);
    assertThat(validationMessage(() -> query("gsi_sk = :sk", Map.of(":sk", s("skA")))))
        .isEqualTo("Query condition missed key schema element: gsi_pk");
    assertThat(validationMessage(() -> query("gsi_pk = :pk AND gsi_sk = :sk AND gsi_sk2 = :sk2",
        Map.of(":pk", s("pk1"), ":sk", s("skA"), ":sk2", s("100")))))
        .isEqualTo("One or more parameter values were invalid: Condition parameter type does not"
            + " match schema type");
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("matches")
        .indexName("test_gsi").keyConditionExpression("gsi_pk = :pk")
        .filterExpression("gsi_sk2 > :v")
        .expressionAttributeValues(Map.of(":pk", s("pk1"), ":v", n(1))))))
        .isEqualTo("Filter Expression can only contain non-primary key attributes: Primary key"
            + " attribute: gsi_sk2");
  }

  @Test
  void severalPartitionAttributes_areAllNeededWithEquality() {
    dynamo.createTable(MultiAttributeIndexSdkTest.table("orgs", List.of(def("id", "S"),
        def("org", "S"), def("dept", "N"), def("since", "S")),
        MultiAttributeIndexSdkTest.index("byTeam", List.of(key("org", KeyType.HASH),
            key("dept", KeyType.HASH), key("since", KeyType.RANGE)))));
    for (String[] row : new String[][] {{"a", "acme", "1", "2024"}, {"b", "acme", "2", "2023"},
        {"c", "acme", "1", "2022"}, {"d", "zeta", "1", "2021"}}) {
      dynamo.putItem(b -> b.tableName("orgs").item(Map.of("id", s(row[0]), "org", s(row[1]),
          "dept", AttributeValue.fromN(row[2]), "since", s(row[3]))));
    }

    List<Map<String, AttributeValue>> team = dynamo.query(b -> b.tableName("orgs")
        .indexName("byTeam").keyConditionExpression("dept = :d AND org = :o")
        .expressionAttributeValues(Map.of(":o", s("acme"), ":d", n(1)))).items();

    assertThat(team).extracting(item -> item.get("id").s()).containsExactly("c", "a");
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("orgs").indexName("byTeam")
        .keyConditionExpression("org = :o").expressionAttributeValues(Map.of(":o", s("acme"))))))
        .isEqualTo("HASH key attributes dept must have equality conditions");
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("orgs").indexName("byTeam")
        .keyConditionExpression("org = :o AND dept > :d")
        .expressionAttributeValues(Map.of(":o", s("acme"), ":d", n(0))))))
        .isEqualTo("HASH key attributes dept must have equality conditions");
  }

  private void put(String pk, String gsiPk, String gsiSk, int gsiSk2) {
    dynamo.putItem(b -> b.tableName("matches").item(Map.of("pk", s(pk), "gsi_pk", s(gsiPk),
        "gsi_sk", s(gsiSk), "gsi_sk2", n(gsiSk2))));
  }

  private QueryResponse query(String keyCondition, Map<String, AttributeValue> values) {
    return dynamo.query(b -> b.tableName("matches").indexName("test_gsi")
        .keyConditionExpression(keyCondition).expressionAttributeValues(values));
  }

  static List<String> pks(List<Map<String, AttributeValue>> items) {
    return items.stream().map(item -> item.get("pk").s()).toList();
  }

  private static Condition eq(AttributeValue value) {
    return condition(ComparisonOperator.EQ, value);
  }

  private static Condition condition(ComparisonOperator operator, AttributeValue value) {
    return Condition.builder().comparisonOperator(operator).attributeValueList(value).build();
  }
}
