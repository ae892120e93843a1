package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PartiQL SELECTs that read a secondary index ({@code FROM "t"."index"}) through the SDK v2
 * client, as the 2026 DynamoDB conformance suite records AWS answering them
 * (tests/tier2/partiql/executeStatementIndex.test.ts).
 */
class PartiqlIndexReadSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void indexed() {
    dynamo.createTable(b -> b.tableName("indexed").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
            k -> k.attributeName("sk").keyType(KeyType.RANGE))
        .attributeDefinitions(
            d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("sk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("g").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("l").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(
            i -> i.indexName("gsiAll").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL)),
            i -> i.indexName("gsiData").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                    .nonKeyAttributes("data")))
        .localSecondaryIndexes(i -> i.indexName("lsiKeys")
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                k -> k.attributeName("l").keyType(KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    dynamo.putItem(b -> b.tableName("indexed").item(Map.of("pk", s("p1"), "sk", s("s1"),
        "g", s("g1"), "l", s("l1"), "data", s("one"), "alternate", s("alt"))));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private List<Map<String, AttributeValue>> select(String statement) {
    return dynamo.executeStatement(b -> b.statement(statement)).items();
  }

  private String refusal(String statement) {
    return validationMessage(() -> dynamo.executeStatement(b -> b.statement(statement)));
  }

  @Test
  void select_ofAttributesAGlobalIndexDoesNotProject_isRefused_inStatementOrder() {
    String keyed = refusal(
        "SELECT alternate, data, mymap FROM \"indexed\".\"gsiData\" WHERE g = 'g1'");
    String scanned = refusal("SELECT alternate FROM \"indexed\".\"gsiData\"");

    assertThat(keyed).isEqualTo("One or more parameter values were invalid: Global secondary"
        + " index gsiData does not project [alternate, mymap]");
    assertThat(scanned).isEqualTo("One or more parameter values were invalid: Global secondary"
        + " index gsiData does not project [alternate]");
  }

  @Test
  void select_ofProjectedAttributes_readsTheGlobalIndex() {
    assertThat(select("SELECT pk, g, data FROM \"indexed\".\"gsiData\" WHERE g = 'g1'"))
        .containsExactly(Map.of("pk", s("p1"), "g", s("g1"), "data", s("one")));
    assertThat(select("SELECT alternate FROM \"indexed\".\"gsiAll\""))
        .containsExactly(Map.of("alternate", s("alt")));
  }

  @Test
  void select_onALocalIndex_readsWhatItDoesNotProjectFromTheTableItem() {
    assertThat(select("SELECT data FROM \"indexed\".\"lsiKeys\" WHERE pk = 'p1' AND l = 'l1'"))
        .containsExactly(Map.of("data", s("one")));
    assertThat(select("SELECT data FROM \"indexed\".\"lsiKeys\""))
        .containsExactly(Map.of("data", s("one")));
  }

  @Test
  void batchSelect_onAnIndex_orWithoutTheWholeTableKey_failsItsOwnStatement() {
    List<BatchStatementResponse> responses = dynamo.batchExecuteStatement(b -> b.statements(
        BatchStatementRequest.builder()
            .statement("SELECT * FROM \"indexed\".\"gsiAll\" WHERE g = 'g1'").build(),
        BatchStatementRequest.builder()
            .statement("SELECT * FROM \"indexed\" WHERE pk = 'p1'").build(),
        BatchStatementRequest.builder()
            .statement("SELECT * FROM \"indexed\" WHERE pk = 'p1' AND sk = 's1'").build()))
        .responses();

    for (BatchStatementResponse refused : responses.subList(0, 2)) {
      assertThat(refused.error().codeAsString()).isEqualTo("ValidationError");
      assertThat(refused.error().message()).isEqualTo("Select statements within"
          + " BatchExecuteStatement must specify the primary key in the where clause.");
    }
    assertThat(responses.get(2).item()).containsEntry("data", s("one"));
  }

  @Test
  void consistentRead_onAGlobalIndex_isRefusedInExecuteStatementsWords_butServedOnALocalOne() {
    DynamoDbException global = catchThrowableOfType(() -> dynamo.executeStatement(b -> b
        .statement("SELECT * FROM \"indexed\".\"gsiAll\"").consistentRead(true)),
        DynamoDbException.class);
    DynamoDbException unknown = catchThrowableOfType(() -> dynamo.executeStatement(b -> b
        .statement("SELECT * FROM \"indexed\".\"nope\"").consistentRead(true)),
        DynamoDbException.class);

    assertThat(global.awsErrorDetails().errorMessage())
        .isEqualTo("Strongly consistent read is not supported on Global Secondary Indexes");
    assertThat(unknown.awsErrorDetails().errorMessage())
        .isEqualTo("The table does not have the specified index");
    assertThat(dynamo.executeStatement(b -> b.consistentRead(true)
        .statement("SELECT * FROM \"indexed\".\"lsiKeys\" WHERE pk = 'p1'")).items())
        .hasSize(1);
  }
}
