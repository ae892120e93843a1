package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ExecuteStatement answers a SELECT of nested paths with flat attributes named after each
 * path's end ({@code SELECT l[-0]} answers {@code l[0]}: floci's capture of DynamoDB; the rest
 * as DynamoDB Local 3.3.1 answers), while a batch or transaction answers the nested maps of a
 * ProjectionExpression (DynamoDB Local 3.3.1). Two paths under one name, and two paths that
 * overlap or conflict, are refused before every other check of the statement's meaning.
 */
class PartiqlSelectNamesSdkTest {
  static final String TABLE = "pq_names";
  static final String KEY = " FROM pq_names WHERE pk = 'a' AND sk = '1'";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
            k -> k.attributeName("sk").keyType(KeyType.RANGE))
        .attributeDefinitions(
            d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("sk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("g").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(i -> i.indexName("idx")
            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of(
        "pk", s("a"), "sk", s("1"), "g", s("gv"),
        "l", l(l(s("x0"), s("x1")), m(Map.of("q", s("y"), "r", s("z")))),
        "m", m(Map.of("k", l(m(Map.of("w", s("w0"), "v", s("v0")))),
            "a", m(Map.of("b", s("deep"))), "x", s("mx"))),
        "n", m(Map.of("x", s("nx"))),
        "dotted.name", s("dn"))));
  }

  @Test
  void pathEnds_answerFlat_underTheLastNameAndTheIndexesAfterIt() {
    assertThat(select("SELECT l[-0]")).containsExactly(Map.of("l[0]", l(s("x0"), s("x1"))));
    assertThat(select("SELECT l[0][1]")).containsExactly(Map.of("l[0][1]", s("x1")));
    assertThat(select("SELECT m.k[0]"))
        .containsExactly(Map.of("k[0]", m(Map.of("w", s("w0"), "v", s("v0")))));
    assertThat(select("SELECT m.k"))
        .containsExactly(Map.of("k", l(m(Map.of("w", s("w0"), "v", s("v0"))))));
    assertThat(select("SELECT m.a.b")).containsExactly(Map.of("b", s("deep")));
    assertThat(select("SELECT m.a['b']")).containsExactly(Map.of("b", s("deep")));
    assertThat(select("SELECT \"m\".\"x\"")).containsExactly(Map.of("x", s("mx")));
    assertThat(select("SELECT m['x']")).containsExactly(Map.of("x", s("mx")));
    assertThat(select("SELECT \"dotted.name\"")).containsExactly(Map.of("dotted.name", s("dn")));
    assertThat(select("SELECT m.k[0].w")).containsExactly(Map.of("w", s("w0")));
    assertThat(select("SELECT m.k[0].w, m.k[0].v"))
        .containsExactly(Map.of("w", s("w0"), "v", s("v0")));
    assertThat(select("SELECT pk, m.x")).containsExactly(Map.of("pk", s("a"), "x", s("mx")));
  }

  @Test
  void listElementNotAtItsOwnPositionInTheKeptList_answersWhole_underItsIndex() {
    // l[1] is the kept list's element 0: named l[1], it answers what was kept of it.
    assertThat(select("SELECT l[1].q")).containsExactly(Map.of("l[1]", m(Map.of("q", s("y")))));
    assertThat(select("SELECT l[1].q, l[1].r"))
        .containsExactly(Map.of("l[1]", m(Map.of("q", s("y"), "r", s("z")))));
    // With l[0] asked too, l[1] is the kept list's element 1, and the walk goes on to q.
    assertThat(select("SELECT l[1].q, l[0]"))
        .containsExactly(Map.of("q", s("y"), "l[0]", l(s("x0"), s("x1"))));
  }

  @Test
  void missingPaths_answerAnEmptyItem() {
    assertThat(select("SELECT m.zz")).containsExactly(Map.of());
    assertThat(select("SELECT l[5]")).containsExactly(Map.of());
  }

  @Test
  void queriesScansAndIndexReads_answerFlatToo() {
    Map<String, AttributeValue> flat = Map.of("q", s("y"), "l[0]", l(s("x0"), s("x1")),
        "x", s("mx"));
    for (String from : List.of("FROM pq_names WHERE pk = 'a'", "FROM pq_names",
        "FROM \"pq_names\".\"idx\" WHERE g = 'gv'", "FROM \"pq_names\".\"idx\"")) {
      assertThat(dynamo.executeStatement(b -> b.statement("SELECT l[1].q, l[0], m.x " + from))
          .items()).as(from).containsExactly(flat);
    }
  }

  @Test
  void twoAnswersUnderOneName_theFirstInHashOrderWins() {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("b"), "sk", s("1"),
        "m", m(Map.of("k", l(m(Map.of("w", s("W0"))), m(Map.of("w", s("W1"))), s("K2"),
            m(Map.of("w", s("W3")))))),
        "n", m(Map.of("k", l(s("N0"), s("N1")))))));

    // m.k answers k[1] (its kept element 0) and w (element 1, read as if it were k[1]).
    assertThat(dynamo.executeStatement(b -> b.statement(
        "SELECT n.k[1], m.k[1].w, m.k[3] FROM pq_names WHERE pk = 'b' AND sk = '1'")).items())
        .containsExactly(Map.of("k[1]", m(Map.of("w", s("W1"))), "w", s("W3")));
  }

  @Test
  void batchAndTransactionReads_answerNestedMaps() {
    List<BatchStatementResponse> batch = dynamo.batchExecuteStatement(b -> b.statements(
        r -> r.statement("SELECT m.k[0].w, l[1].q" + KEY))).responses();
    Map<String, AttributeValue> nested = Map.of(
        "m", m(Map.of("k", l(m(Map.of("w", s("w0")))))),
        "l", l(m(Map.of("q", s("y")))));
    assertThat(batch.get(0).item()).isEqualTo(nested);
    assertThat(dynamo.executeTransaction(b -> b.transactStatements(
        st("SELECT m.k[0].w, l[1].q" + KEY))).responses().get(0).item()).isEqualTo(nested);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT m.x, n.x|Duplicate identifiers in select clause: x",
      "SELECT pk, pk|Duplicate identifiers in select clause: pk",
      "SELECT m, m|Duplicate identifiers in select clause: m",
      "SELECT k, m.k|Duplicate identifiers in select clause: k",
      "SELECT a.b, m.a.b|Duplicate identifiers in select clause: b",
      "SELECT l[0], l[-0]|Duplicate identifiers in select clause: l[0]",
      "SELECT m.l[0], l[0]|Duplicate identifiers in select clause: l[0]",
      "SELECT m.x, m.a, n.a, n.x|Duplicate identifiers in select clause: a",
      "SELECT m.a, m.a.b, n.b|Duplicate identifiers in select clause: b",
      "SELECT m.a, m.a.b|Two document paths overlap with each other; must remove or rewrite one"
          + " of these paths; path one: [m, a, b], path two: [m, a]",
      "SELECT m.a.b, m.a|Two document paths overlap with each other; must remove or rewrite one"
          + " of these paths; path one: [m, a], path two: [m, a, b]",
      "SELECT m.a.c, m.a.b, m.a|Two document paths overlap with each other; must remove or"
          + " rewrite one of these paths; path one: [m, a], path two: [m, a, c]",
      "SELECT m.k[0], m.k[0].w|Two document paths overlap with each other; must remove or"
          + " rewrite one of these paths; path one: [m, k, [0], w], path two: [m, k, [0]]",
      "SELECT l[0], l.x|Two document paths conflict with each other; must remove or rewrite one"
          + " of these paths; path one: [l, x], path two: [l, [0]]",
      "SELECT m.a, l[0], l.x, m.a.b|Two document paths conflict with each other; must remove or"
          + " rewrite one of these paths; path one: [l, x], path two: [l, [0]]",
  })
  void clashingPaths_areRefused(String select, String message) {
    assertThat(refusal(select + KEY)).isEqualTo(message);
  }

  @Test
  void clashingPaths_areRefusedBeforeTheStatementsOtherChecks() {
    String duplicate = "Duplicate identifiers in select clause: x";
    assertThat(refusal("SELECT m.x, n.x FROM pq_nosuch WHERE pk = 'a'")).isEqualTo(duplicate);
    assertThat(refusal("SELECT m.x, n.x FROM pq_names WHERE pk = ?")).isEqualTo(duplicate);
    assertThat(refusal("SELECT m.x, n.x FROM pq_names WHERE pk = 'a' AND l[-1] = 1"))
        .isEqualTo(duplicate);
    assertThat(refusal("SELECT m.x, n.x FROM pq_names WHERE pk = 'a' AND sk IN [<<>>]"))
        .isEqualTo(duplicate);
    assertThat(refusal("SELECT m.x, n.x FROM \"pq_names\".\"nosuch\" WHERE pk = 'a'"))
        .isEqualTo(duplicate);
    assertThat(refusal("SELECT m.a, m.a.b FROM pq_nosuch WHERE pk = 'a'"))
        .startsWith("Two document paths overlap");
    // The syntax, the table alias and the projection's own list indexes come first.
    assertThat(refusal("SELECT m.x, n.x FROM pq_names WHERE"))
        .startsWith("Statement wasn't well formed");
    assertThat(refusal("SELECT m.x, n.x FROM pq_names AS t WHERE pk = 'a'"))
        .isEqualTo("Aliasing is not supported");
    assertThat(refusal("SELECT l[-1], l[-1] FROM pq_names WHERE pk = 'a'"))
        .startsWith("List index is not within the allowable range");
  }

  @Test
  void clashingPaths_inABatch_areTheStatementsError_andInATransaction_nameIt() {
    BatchStatementResponse answer = dynamo.batchExecuteStatement(b -> b.statements(
        r -> r.statement("SELECT m.x, n.x" + KEY))).responses().get(0);
    assertThat(answer.error().codeAsString()).isEqualTo("ValidationError");
    assertThat(answer.error().message()).isEqualTo("Duplicate identifiers in select clause: x");

    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.executeTransaction(b -> b.transactStatements(st("SELECT m.a, m.a.b" + KEY))));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Validation failed in"
        + " TransactStatements[0]: Two document paths overlap with each other; must remove or"
        + " rewrite one of these paths; path one: [m, a, b], path two: [m, a]");
  }

  private List<Map<String, AttributeValue>> select(String projection) {
    return dynamo.executeStatement(b -> b.statement(projection + KEY)).items();
  }

  private String refusal(String statement) {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.executeStatement(b -> b.statement(statement)));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return error.awsErrorDetails().errorMessage();
  }

  private static ParameterizedStatement st(String statement) {
    return ParameterizedStatement.builder().statement(statement).build();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue l(AttributeValue... values) {
    return AttributeValue.fromL(List.of(values));
  }

  private static AttributeValue m(Map<String, AttributeValue> values) {
    return AttributeValue.fromM(values);
  }
}
