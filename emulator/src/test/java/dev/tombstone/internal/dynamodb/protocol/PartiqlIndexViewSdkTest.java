package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A PartiQL SELECT that scans a secondary index filters the index's view of each item: an
 * attribute the index does not project is missing there, on a global index (no refusal) and on
 * a local one (no fetch from the table); the same filter on the table sees it (floci's
 * DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB 2026-09-17).
 */
class PartiqlIndexViewSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void indexedTable() {
    dynamo.createTable(b -> b.tableName("viewed").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
            k -> k.attributeName("sk").keyType(KeyType.RANGE))
        .attributeDefinitions(
            d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("sk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("gsiPk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("lsiSk").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("gsi-inc")
            .keySchema(k -> k.attributeName("gsiPk").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes("projattr")))
        .localSecondaryIndexes(l -> l.indexName("lsi-keys")
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                k -> k.attributeName("lsiSk").keyType(KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    for (List<String> item : List.of(List.of("s1", "y", "k1", "np1"),
        List.of("s2", "y2", "k2", "np2"))) {
      dynamo.putItem(b -> b.tableName("viewed").item(Map.of("pk", AttributeValue.fromS("p"),
          "sk", AttributeValue.fromS(item.get(0)), "gsiPk", AttributeValue.fromS(item.get(1)),
          "lsiSk", AttributeValue.fromS(item.get(2)),
          "nonproj", AttributeValue.fromS(item.get(3)))));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"viewed\".\"gsi-inc\"|nonproj = 'np1'|",
      "\"viewed\".\"lsi-keys\"|nonproj = 'np1'|",
      "\"viewed\".\"gsi-inc\"|NOT nonproj = 'np1'|s1,s2",
      "\"viewed\".\"gsi-inc\"|(gsiPk = 'y' AND nonproj = 'np1') OR (gsiPk = 'y2')|s2",
      "\"viewed\"|nonproj = 'np1'|s1"})
  void anUnkeyedIndexRead_filtersWhatTheIndexProjects(String from, String where,
      String expected) {
    List<String> sortKeys = dynamo.executeStatement(
            b -> b.statement("SELECT sk FROM " + from + " WHERE " + where))
        .items().stream().map(i -> i.get("sk").s()).sorted().toList();

    assertThat(sortKeys).isEqualTo(expected == null ? List.of() : List.of(expected.split(",")));
  }
}
