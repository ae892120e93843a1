package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A SELECT on one partition whose sort key terms sit under OR or IN reads that partition and
 * keeps the items the terms match, with Limit and NextToken paging over the items read,
 * instead of being refused as a Query whose filter names a key attribute.
 */
class PartiqlSortKeyTermsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void composite() {
    dynamo.createTable(b -> b.tableName("composite").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
            k -> k.attributeName("sk").keyType(KeyType.RANGE))
        .attributeDefinitions(
            d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("sk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("g").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(i -> i.indexName("byG")
            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH),
                k -> k.attributeName("sk").keyType(KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    for (String pk : List.of("a", "b")) {
      for (String sk : List.of("1", "2", "3", "4")) {
        dynamo.putItem(b -> b.tableName("composite").item(Map.of("pk", s(pk), "sk", s(sk),
            "g", s("g" + pk), "x", s(sk.equals("2") ? "two" : "other"))));
      }
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static List<String> sortKeys(ExecuteStatementResponse response) {
    return response.items().stream().map(i -> i.get("sk").s()).toList();
  }

  private List<String> select(String statement) {
    return sortKeys(dynamo.executeStatement(b -> b.statement(statement)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pk = 'a' AND (sk = '1' OR sk = '3')|1,3",
      "pk = 'a' AND sk IN ['1', '3', '9']|1,3",
      "sk IN ['4', '2'] AND pk = 'a'|2,4",
      "pk = 'a' AND (sk < '2' OR sk > '3')|1,4",
      "pk = 'a' AND (sk BETWEEN '1' AND '2' OR begins_with(sk, '4'))|1,2,4",
      "pk = 'a' AND sk >= '2' AND sk IN ['1', '2', '4']|2,4",
      "pk = 'a' AND (sk = '1' OR sk = '3') AND x = 'other'|1,3",
      "pk = 'a' AND (sk = '1' OR sk = '2') AND x = 'two'|2",
      "pk = 'a' AND NOT sk IN ['1', '3']|2,4",
      "pk = 'a' AND sk IN ['1', '3'] ORDER BY sk DESC|3,1"})
  void sortKeyTermsUnderOrOrIn_readTheOnePartition(String where, String expected) {
    assertThat(select("SELECT * FROM composite WHERE " + where))
        .containsExactly(expected.split(","));
  }

  @Test
  void sortKeyIn_takesParameters() {
    ExecuteStatementResponse response = dynamo.executeStatement(b -> b
        .statement("SELECT * FROM composite WHERE pk = ? AND sk IN [?, ?]")
        .parameters(s("b"), s("2"), s("4")));

    assertThat(sortKeys(response)).containsExactly("2", "4");
    assertThat(response.items()).allSatisfy(i -> assertThat(i.get("pk").s()).isEqualTo("b"));
  }

  @Test
  void sortKeyIn_onAGlobalIndex_readsTheIndexPartition() {
    assertThat(select("SELECT * FROM composite.\"byG\" WHERE g = 'ga' AND sk IN ['2', '3']"))
        .containsExactly("2", "3");
  }

  @Test
  void limit_countsTheItemsRead_andNextTokenContinuesAfterThem() {
    String statement = "SELECT * FROM composite WHERE pk = 'a' AND sk IN ['1', '3', '4']";

    ExecuteStatementResponse first =
        dynamo.executeStatement(b -> b.statement(statement).limit(2));
    assertThat(sortKeys(first)).containsExactly("1");
    assertThat(first.lastEvaluatedKey()).containsEntry("sk", s("2"));
    assertThat(first.nextToken()).isNotNull();

    List<String> rest = new ArrayList<>();
    String token = first.nextToken();
    while (token != null) {
      String next = token;
      ExecuteStatementResponse page =
          dynamo.executeStatement(b -> b.statement(statement).limit(2).nextToken(next));
      rest.addAll(sortKeys(page));
      token = page.nextToken();
    }
    assertThat(rest).containsExactly("3", "4");
  }
}
