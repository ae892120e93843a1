package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.index;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexSdkTest.table;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PartiQL on tables with a multi-attribute global index key, as the 2026 DynamoDB conformance
 * suite records AWS answering (tests/tier2/partiql/multiAttributeIndex.test.ts and
 * tests/tier3/error-messages/partiqlMultiAttributeIndex.test.ts): a statement reading such an
 * index is refused, the rest of the table is served.
 */
class MultiAttributeIndexPartiqlSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  static final String REFUSED = "PartiQL statements cannot be executed on tables with"
      + " multi-attribute HASH keys or multi-attribute RANGE keys.";

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    dynamo.createTable(withIndex("hhrr", List.of("h1", "h2"), List.of("r1", "r2")));
    dynamo.createTable(withIndex("hhr", List.of("h1", "h2"), List.of("r1")));
    dynamo.createTable(withIndex("hrr", List.of("h1"), List.of("r1", "r2")));
    for (String table : List.of("hhrr", "hhr", "hrr")) {
      dynamo.putItem(b -> b.tableName(table).item(Map.of("id", s("i1"), "h1", s("a"),
          "h2", s("x"), "r1", s("m"), "r2", s("n"))));
    }
  }

  private static CreateTableRequest withIndex(
      String name, List<String> hash, List<String> range) {
    List<KeySchemaElement> elements = new ArrayList<>();
    hash.forEach(h -> elements.add(key(h, KeyType.HASH)));
    range.forEach(r -> elements.add(key(r, KeyType.RANGE)));
    List<AttributeDefinition> definitions =
        new ArrayList<>(List.of(def("id", "S")));
    hash.forEach(h -> definitions.add(def(h, "S")));
    range.forEach(r -> definitions.add(def(r, "S")));
    return table(name, definitions, index("gsi", elements));
  }

  private List<Map<String, AttributeValue>> select(String statement) {
    return dynamo.executeStatement(b -> b.statement(statement)).items();
  }

  private String refusal(String statement) {
    return validationMessage(() -> dynamo.executeStatement(b -> b.statement(statement)));
  }

  @Test
  void select_onAMultiAttributeIndex_isRefused_whateverTheWhereClause() {
    assertThat(refusal("SELECT * FROM \"hhrr\".\"gsi\" WHERE h1 = 'a'")).isEqualTo(REFUSED);
    assertThat(refusal("SELECT * FROM \"hhr\".\"gsi\" WHERE h1 = 'a' AND h2 = 'x'"))
        .isEqualTo(REFUSED);
    assertThat(refusal("SELECT * FROM \"hrr\".\"gsi\" WHERE h1 = 'a' AND r1 = 'm'"))
        .isEqualTo(REFUSED);
    assertThat(refusal(
        "SELECT id FROM \"hhrr\".\"gsi\" WHERE h1 = 'a' AND h2 = 'x' ORDER BY r1 DESC"))
        .isEqualTo(REFUSED);
  }

  @Test
  void theRefusal_comesAheadOfKeyTypes_theWhereClause_andOrderBy() {
    assertThat(refusal("SELECT * FROM \"hhr\".\"gsi\" WHERE h1 = 5")).isEqualTo(REFUSED);
    assertThat(refusal("SELECT * FROM \"hhr\".\"gsi\" WHERE id = 'i1'")).isEqualTo(REFUSED);
    assertThat(refusal("SELECT * FROM \"hhr\".\"gsi\"")).isEqualTo(REFUSED);
    assertThat(refusal("SELECT * FROM \"hhr\".\"gsi\" ORDER BY r1")).isEqualTo(REFUSED);
  }

  @Test
  void theRefusal_comesAfterAParseErrorAndAnUnknownIndex() {
    assertThat(refusal("SELECT * FROM \"hhr\".\"gsi\" WHERE"))
        .startsWith("Statement wasn't well formed, can't be processed: ");
    assertThat(refusal("SELECT * FROM \"hhr\".\"other\" WHERE h1 = 'a'"))
        .isEqualTo("The table does not have the specified index");
  }

  @Test
  void theTable_aSingleAttributeIndex_andALocalIndex_stillServeStatements() {
    dynamo.createTable(b -> b.tableName("mixed").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH),
            k -> k.attributeName("sk").keyType(KeyType.RANGE))
        .attributeDefinitions(Stream.of("id", "sk", "g", "h1", "h2", "r1", "l")
            .map(n -> AttributeDefinition.builder()
                .attributeName(n).attributeType(ScalarAttributeType.S).build())
            .toList())
        .globalSecondaryIndexes(
            i -> i.indexName("single").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL)),
            i -> i.indexName("multi").keySchema(k -> k.attributeName("h1").keyType(KeyType.HASH),
                k -> k.attributeName("h2").keyType(KeyType.HASH),
                k -> k.attributeName("r1").keyType(KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)))
        .localSecondaryIndexes(i -> i.indexName("local")
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH),
                k -> k.attributeName("l").keyType(KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    dynamo.putItem(b -> b.tableName("mixed").item(Map.of("id", s("i1"), "sk", s("s"),
        "g", s("g1"), "h1", s("a"), "h2", s("x"), "r1", s("m"), "l", s("l1"))));

    assertThat(select("SELECT * FROM \"mixed\" WHERE id = 'i1'")).hasSize(1);
    assertThat(select("SELECT * FROM \"mixed\".\"single\" WHERE g = 'g1'")).hasSize(1);
    assertThat(select("SELECT * FROM \"mixed\".\"local\" WHERE id = 'i1'")).hasSize(1);
    assertThat(refusal("SELECT * FROM \"mixed\".\"multi\" WHERE h1 = 'a' AND h2 = 'x'"))
        .isEqualTo(REFUSED);
  }

  @Test
  void writesAndReadsOfTheTable_run() {
    select("INSERT INTO \"hhrr\" VALUE {'id': 'n1'}");
    select("UPDATE \"hhrr\" SET a = 1 WHERE id = 'i1'");
    select("DELETE FROM \"hhrr\" WHERE id = 'zz'");

    assertThat(select("SELECT id, a FROM \"hhrr\" WHERE id = 'i1'"))
        .containsExactly(Map.of("id", s("i1"), "a", AttributeValue.fromN("1")));
    assertThat(select("SELECT id FROM \"hhrr\" WHERE id = 'n1'")).hasSize(1);
  }

  @Test
  void inABatch_onlyTheStatementReadingTheIndexFails() {
    List<BatchStatementResponse> responses = dynamo.batchExecuteStatement(b -> b.statements(
        BatchStatementRequest.builder()
            .statement("SELECT * FROM \"hhr\".\"gsi\" WHERE h1 = 'a' AND h2 = 'x' AND r1 = 'm'")
            .build(),
        BatchStatementRequest.builder().statement("SELECT * FROM \"hhr\" WHERE id = 'i1'")
            .build())).responses();

    assertThat(responses.get(0).error().codeAsString()).isEqualTo("ValidationError");
    assertThat(responses.get(0).error().message()).isEqualTo(REFUSED);
    assertThat(responses.get(1).error()).isNull();
    assertThat(responses.get(1).item()).containsEntry("id", s("i1"));
  }
}
