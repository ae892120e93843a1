package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Grouped conditions in a keyed PartiQL SELECT of a global index that projects one non-key
 * attribute: an OR of projected attributes runs, a NOT of a group reaches the projection check,
 * and the unprojected filter attributes are listed as DynamoDB lists them (floci's PartiQL
 * edge-case tests, every answer captured from DynamoDB in 2026; the same order for a Query's
 * FilterExpression).
 */
class PartiqlIndexFilterSdkTest {
  private static final String REFUSED = "One or more parameter values were invalid: Secondary"
      + " index gsi-inc does not project one or more filter attributes: ";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void indexedTable() {
    dynamo.createTable(b -> b.tableName("indexed").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(
            d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("gsiPk").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("gsi-inc")
            .keySchema(k -> k.attributeName("gsiPk").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes("projattr"))));
    dynamo.putItem(b -> b.tableName("indexed").item(Map.of("pk", AttributeValue.fromS("p"),
        "gsiPk", AttributeValue.fromS("y"), "projattr", AttributeValue.fromS("proj1"),
        "nonproj", AttributeValue.fromS("np1"))));
  }

  private String select(String condition) {
    return "SELECT pk FROM \"indexed\".\"gsi-inc\" WHERE gsiPk = 'y' AND " + condition;
  }

  @Test
  void anOrOfProjectedAttributes_runs() {
    assertThat(dynamo.executeStatement(b -> b.statement(
            select("(projattr = 'proj1' OR projattr = 'proj2')"))).items())
        .containsExactly(Map.of("pk", AttributeValue.fromS("p")));
    assertThat(dynamo.executeStatement(b -> b.statement(
            select("NOT (projattr = 'x' OR projattr = 'z')"))).items())
        .containsExactly(Map.of("pk", AttributeValue.fromS("p")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NOT (nonproj = 'np1' OR projattr = 'x')|[nonproj]",
      "b = '1' AND (a = '2' OR projattr = '3')|[a, b]",
      "(zz = '1' OR aa = '2' OR mm = '3')|[zz, aa, mm]"})
  void unprojectedFilterAttributes_areRefused_inDynamoDbsOrder(String condition, String names) {
    DynamoDbException thrown = catchThrowableOfType(
        () -> dynamo.executeStatement(b -> b.statement(select(condition))),
        DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(REFUSED + names);
  }

  @Test
  void aQueryFilterExpression_listsThemInTheSameOrder() {
    DynamoDbException thrown = catchThrowableOfType(() -> dynamo.query(b -> b
            .tableName("indexed").indexName("gsi-inc")
            .keyConditionExpression("gsiPk = :y")
            .filterExpression("b = :one AND (a = :two OR projattr = :three)")
            .expressionAttributeValues(Map.of(":y", AttributeValue.fromS("y"),
                ":one", AttributeValue.fromS("1"), ":two", AttributeValue.fromS("2"),
                ":three", AttributeValue.fromS("3")))),
        DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(REFUSED + "[a, b]");
  }
}
