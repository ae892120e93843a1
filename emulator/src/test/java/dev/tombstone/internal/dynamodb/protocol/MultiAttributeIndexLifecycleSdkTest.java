package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.MultiAttributeIndexQuerySdkTest.pks;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A multi-attribute global index through the rest of a table's life: added to a populated table
 * by UpdateTable, kept by writes, projected KEYS_ONLY, scanned page by page, read by PartiQL and
 * carried through a backup and its restore.
 */
class MultiAttributeIndexLifecycleSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void updateTable_addsTheIndexToAPopulatedTable_backfilled() {
    dynamo.createTable(MultiAttributeIndexSdkTest.table("players", List.of(def("p", "S")),
        null));
    for (int i = 0; i < 5; i++) {
      int round = i;
      dynamo.putItem(b -> b.tableName("players").item(Map.of("p", s("p" + round),
          "league", s("west"), "tier", n(round % 2), "score", n(100 - round))));
    }
    dynamo.putItem(b -> b.tableName("players").item(Map.of("p", s("sparse"),
        "league", s("west"), "score", n(1))));

    dynamo.updateTable(b -> b.tableName("players")
        .attributeDefinitions(def("league", "S"), def("tier", "N"), def("score", "N"))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byTier")
            .keySchema(key("league", KeyType.HASH), key("tier", KeyType.HASH),
                key("score", KeyType.RANGE))
            .projection(MultiAttributeIndexSdkTest.all()))));
    List<String> tierZero = dynamo.query(b -> b.tableName("players").indexName("byTier")
        .keyConditionExpression("league = :l AND tier = :t")
        .expressionAttributeValues(Map.of(":l", s("west"), ":t", n(0)))).items().stream()
        .map(item -> item.get("p").s()).toList();

    assertThat(tierZero).containsExactly("p4", "p2", "p0");
    assertThat(dynamo.describeTable(b -> b.tableName("players")).table()
        .globalSecondaryIndexes().get(0).itemCount()).isEqualTo(5);
  }

  @Test
  void keysOnly_projectsTheTableKeyAndEveryIndexKeyAttribute() {
    dynamo.createTable(motoTable("matches").toBuilder().globalSecondaryIndexes(
        motoTable("matches").globalSecondaryIndexes().get(0).toBuilder()
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
            .build()).build());
    dynamo.putItem(b -> b.tableName("matches").item(Map.of("pk", s("1"), "gsi_pk", s("a"),
        "gsi_sk", s("b"), "gsi_sk2", n(3), "extra", s("not projected"))));

    Map<String, AttributeValue> queried = dynamo.query(b -> b.tableName("matches")
        .indexName("test_gsi").keyConditionExpression("gsi_pk = :a")
        .expressionAttributeValues(Map.of(":a", s("a")))).items().get(0);
    Map<String, AttributeValue> scanned = dynamo.scan(b -> b.tableName("matches")
        .indexName("test_gsi")).items().get(0);

    assertThat(queried).containsOnlyKeys("pk", "gsi_pk", "gsi_sk", "gsi_sk2");
    assertThat(scanned).isEqualTo(queried);
  }

  @Test
  void writes_moveItemsInAndOutOfTheIndex() {
    dynamo.createTable(motoTable("matches"));
    dynamo.putItem(b -> b.tableName("matches").item(Map.of("pk", s("1"), "gsi_pk", s("a"),
        "gsi_sk", s("b"))));

    dynamo.updateItem(b -> b.tableName("matches").key(Map.of("pk", s("1")))
        .updateExpression("SET gsi_sk2 = :v").expressionAttributeValues(Map.of(":v", n(7))));
    int afterSet = countInIndex();
    dynamo.updateItem(b -> b.tableName("matches").key(Map.of("pk", s("1")))
        .updateExpression("REMOVE gsi_pk"));

    assertThat(afterSet).isEqualTo(1);
    assertThat(countInIndex()).isZero();
  }

  @Test
  void scan_pagesThroughTheIndex_andRefusesAForeignStartKey() {
    dynamo.createTable(motoTable("matches"));
    for (int i = 0; i < 7; i++) {
      int at = i;
      dynamo.putItem(b -> b.tableName("matches").item(Map.of("pk", s("k" + at),
          "gsi_pk", s(at % 2 == 0 ? "even" : "odd"), "gsi_sk", s("s"), "gsi_sk2", n(10 - at))));
    }
    List<String> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      ScanRequest.Builder request = ScanRequest.builder().tableName("matches")
          .indexName("test_gsi").limit(3);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse page = dynamo.scan(request.build());
      seen.addAll(pks(page.items()));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
          ? page.lastEvaluatedKey() : null;
    } while (start != null);

    assertThat(seen).containsExactly("k6", "k4", "k2", "k0", "k5", "k3", "k1");
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("matches").indexName("test_gsi")
        .exclusiveStartKey(Map.of("pk", s("k1"), "gsi_pk", s("odd"), "gsi_sk", s("s"))))))
        .isEqualTo("The provided starting key is invalid: The provided key element does not"
            + " match the schema");
  }

  @Test
  void backupAndRestore_keepTheIndexAndItsEntries() {
    dynamo.createTable(motoTable("matches"));
    dynamo.putItem(b -> b.tableName("matches").item(Map.of("pk", s("1"), "gsi_pk", s("a"),
        "gsi_sk", s("b"), "gsi_sk2", n(1))));
    String arn = dynamo.createBackup(b -> b.tableName("matches").backupName("before"))
        .backupDetails().backupArn();

    dynamo.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("restored"));

    assertThat(dynamo.describeTable(b -> b.tableName("restored")).table()
        .globalSecondaryIndexes().get(0).keySchema())
        .isEqualTo(motoTable("matches").globalSecondaryIndexes().get(0).keySchema());
    assertThat(dynamo.query(b -> b.tableName("restored").indexName("test_gsi")
        .keyConditionExpression("gsi_pk = :a AND gsi_sk = :b AND gsi_sk2 = :c")
        .expressionAttributeValues(Map.of(":a", s("a"), ":b", s("b"), ":c", n(1)))).count())
        .isEqualTo(1);
  }

  private int countInIndex() {
    return dynamo.scan(b -> b.tableName("matches").indexName("test_gsi")).count();
  }
}
