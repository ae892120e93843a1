package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

/**
 * ORDER BY as DynamoDB answers it: the terms name key attributes, the sort key comes back
 * descending unless its own term says otherwise, several partitions are read one after the
 * other in the partition key's order, and Limit and NextToken page across them (floci's
 * DynamoDbPartiQLDocumentedSyntaxIntegrationTest, captured from DynamoDB 2026-09-17).
 */
class PartiqlOrderBySdkTest {
  static final String TABLE = "ordered";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    SdkTables.stringKeys(dynamo, TABLE, "pk", "sk");
    for (String pk : List.of("o", "p", "q")) {
      for (String sk : List.of("1", "2", "3")) {
        dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s(pk), "sk", s(sk),
            "odd", AttributeValue.fromBool(!sk.equals("2")))));
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pk = 'o'|o/1,o/2,o/3",
      "pk = 'o' ORDER BY sk DESC|o/3,o/2,o/1",
      "pk = 'o' ORDER BY sk|o/1,o/2,o/3",
      "pk = 'o' ORDER BY sk ASC|o/1,o/2,o/3",
      "pk = 'o' ORDER BY pk ASC|o/3,o/2,o/1",
      "pk = 'o' ORDER BY pk DESC|o/3,o/2,o/1",
      "pk = 'o' ORDER BY pk, sk|o/1,o/2,o/3",
      "pk = 'o' AND sk >= '2' ORDER BY pk|o/3,o/2",
      "pk = 'o' AND NOT sk = '2' OR pk = 'o' AND sk = '2' ORDER BY sk DESC|o/3,o/2,o/1",
      "pk = 'o' AND sk = '3' OR pk = 'o' AND sk = '1' ORDER BY sk|o/1,o/3"})
  void onePartition_sortKeyDescendsUnlessItsOwnTermAscends(String where, String expected) {
    assertThat(rows(where)).containsExactly(expected.split(","));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pk IN ['o', 'p'] ORDER BY pk DESC, sk ASC|p/1,p/2,p/3,o/1,o/2,o/3",
      "pk IN ['p', 'o'] ORDER BY pk ASC, sk DESC|o/3,o/2,o/1,p/3,p/2,p/1",
      "pk IN ['o', 'p'] ORDER BY pk DESC|p/3,p/2,p/1,o/3,o/2,o/1",
      "pk IN ['o', 'q', 'p'] ORDER BY sk, pk|o/1,o/2,o/3,p/1,p/2,p/3,q/1,q/2,q/3",
      "pk = 'q' OR pk = 'o' ORDER BY pk DESC, sk|q/1,q/2,q/3,o/1,o/2,o/3",
      "pk IN ['o', 'p', 'x'] AND sk > '1' ORDER BY pk DESC|p/3,p/2,o/3,o/2",
      "pk IN ['o', 'p'] AND odd = true ORDER BY pk, sk|o/1,o/3,p/1,p/3",
      "pk = 'o' AND sk = '1' OR pk = 'p' AND sk < '3' ORDER BY pk|o/1,p/2,p/1"})
  void severalPartitions_comeInThePartitionKeysOrder(String where, String expected) {
    assertThat(rows(where)).containsExactly(expected.split(","));
  }

  @Test
  void severalPartitions_pageWithLimitAcrossThePartitions() {
    String statement = select("pk IN ['o', 'p'] ORDER BY pk DESC");
    List<List<String>> pages = new ArrayList<>();
    String token = null;
    do {
      String from = token;
      ExecuteStatementResponse page = dynamo.executeStatement(
          b -> b.statement(statement).limit(2).nextToken(from));
      pages.add(rows(page));
      token = page.nextToken();
    } while (token != null && pages.size() < 10);

    assertThat(pages.subList(0, 3)).containsExactly(
        List.of("p/3", "p/2"), List.of("p/1", "o/3"), List.of("o/2", "o/1"));
    assertThat(pages.subList(3, pages.size())).allSatisfy(page -> assertThat(page).isEmpty());
  }

  @Test
  void limit_countsTheItemsReadBeforeTheFilter() {
    ExecuteStatementResponse first = dynamo.executeStatement(b -> b.limit(4)
        .statement(select("pk IN ['o', 'p'] AND odd = true ORDER BY pk, sk")));
    ExecuteStatementResponse second = dynamo.executeStatement(b -> b.limit(4)
        .statement(select("pk IN ['o', 'p'] AND odd = true ORDER BY pk, sk"))
        .nextToken(first.nextToken()));

    assertThat(rows(first)).containsExactly("o/1", "o/3", "p/1");
    assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("p"), "sk", s("1")));
    assertThat(rows(second)).containsExactly("p/3");
  }

  @Test
  void severalPartitions_takeParameters() {
    ExecuteStatementResponse response = dynamo.executeStatement(b -> b
        .statement(select("pk IN [?, ?] ORDER BY pk DESC, sk"))
        .parameters(s("o"), s("q")));

    assertThat(rows(response)).containsExactly("q/1", "q/2", "q/3", "o/1", "o/2", "o/3");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ORDER BY sk|Must have WHERE clause in the statement when using ORDER BY clause.",
      "ORDER BY Total|Must have WHERE clause in the statement when using ORDER BY clause.",
      "WHERE pk = 'o' ORDER BY Total DESC"
          + "|Attribute Total in ORDER BY clause must be part of the primary key",
      "WHERE pk IN ['o', 'p'] ORDER BY pk, odd"
          + "|Attribute odd in ORDER BY clause must be part of the primary key",
      "WHERE pk > 'a' ORDER BY sk|Must have at least one non-optional hash key condition in"
          + " WHERE clause when using ORDER BY clause.",
      "WHERE pk = 'o' OR odd = true ORDER BY pk|Must have at least one non-optional hash key"
          + " condition in WHERE clause when using ORDER BY clause.",
      "WHERE pk IN ['o', 'p'] ORDER BY sk DESC|Must have hash key in ORDER BY clause when more"
          + " than one hash key condition specified in WHERE clause.",
      "WHERE pk = 'o' OR pk = 'p' ORDER BY sk|Must have hash key in ORDER BY clause when more"
          + " than one hash key condition specified in WHERE clause."})
  void anOrderByDynamoDbCannotServe_isRefused(String rest, String message) {
    DynamoDbException thrown = catchThrowableOfType(
        () -> dynamo.executeStatement(b -> b.statement("SELECT sk FROM " + TABLE + " " + rest)),
        DynamoDbException.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @Test
  void aNextTokenOfAPartitionTheStatementDoesNotRead_isInvalid() {
    String token = dynamo.executeStatement(b -> b.limit(1)
        .statement(select("pk IN ['o', 'p'] ORDER BY pk"))).nextToken();
    ExecuteStatementRequest other = ExecuteStatementRequest.builder().nextToken(token)
        .statement(select("pk IN ['p', 'q'] ORDER BY pk")).build();

    DynamoDbException thrown = catchThrowableOfType(() -> dynamo.executeStatement(other),
        DynamoDbException.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Invalid NextToken");
  }

  private static String select(String whereAndOrder) {
    return "SELECT pk, sk FROM " + TABLE + " WHERE " + whereAndOrder;
  }

  private List<String> rows(String whereAndOrder) {
    return rows(dynamo.executeStatement(b -> b.statement(select(whereAndOrder))));
  }

  private static List<String> rows(ExecuteStatementResponse response) {
    return response.items().stream().map(i -> i.get("pk").s() + "/" + i.get("sk").s()).toList();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
