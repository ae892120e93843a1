package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DescribeTable's {@code ItemCount} and {@code IndexSizeBytes} of secondary indexes: the items
 * each index holds and the sum of their sizes as projected, exact at the time of the call.
 * Sizes are worked out by hand: each attribute counts its name's bytes plus its value's.
 */
class IndexStatisticsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  /**
   * posts: pk (S) + sk (S); LSI byDate (pk, date) KEYS_ONLY; GSI byStatus (status) INCLUDE
   * note. Three items, each missing some index key.
   */
  @BeforeEach
  void posts() {
    dynamo.createTable(b -> b.tableName("posts")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
            def("date", ScalarAttributeType.S), def("status", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byDate")
            .keySchema(key("pk", KeyType.HASH), key("date", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
            .keySchema(key("status", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note"))
            .build()));
    // 37 bytes in the table; 12 in byDate (pk 3, sk 3, date 6); 22 in byStatus (+status 10,
    // note 6).
    dynamo.putItem(b -> b.tableName("posts").item(Map.of("pk", s("a"), "sk", s("1"),
        "date", s("d1"), "status", s("open"), "note", s("xx"), "other", s("yyyy"))));
    // 12 bytes, in byDate only.
    dynamo.putItem(b -> b.tableName("posts").item(Map.of("pk", s("a"), "sk", s("2"),
        "date", s("d2"))));
    // 23 bytes, in byStatus only (pk 3, sk 3, status 12, note 5).
    dynamo.putItem(b -> b.tableName("posts").item(Map.of("pk", s("b"), "sk", s("1"),
        "status", s("closed"), "note", s("z"))));
  }

  private TableDescription describe() {
    return dynamo.describeTable(b -> b.tableName("posts")).table();
  }

  private static LocalSecondaryIndexDescription byDate(TableDescription table) {
    return table.localSecondaryIndexes().get(0);
  }

  private static GlobalSecondaryIndexDescription byStatus(TableDescription table) {
    return table.globalSecondaryIndexes().stream()
        .filter(i -> i.indexName().equals("byStatus")).findFirst().orElseThrow();
  }

  @Test
  void describeTable_countsAndSizesWhatEachIndexHolds() {
    TableDescription table = describe();

    assertThat(table.itemCount()).isEqualTo(3);
    assertThat(table.tableSizeBytes()).isEqualTo(37 + 12 + 23);
    assertThat(byDate(table).itemCount()).isEqualTo(2);
    assertThat(byDate(table).indexSizeBytes()).isEqualTo(12 + 12);
    assertThat(byStatus(table).itemCount()).isEqualTo(2);
    assertThat(byStatus(table).indexSizeBytes()).isEqualTo(22 + 23);
    // The same figures without HTTP, for tests that seed and inspect the state directly.
    assertThat(tombstone.dynamoDb().describeTable("posts").index("byDate"))
        .isEqualTo(new dev.tombstone.dynamodb.TableDescription.IndexStatistics(2, 24));
  }

  @Test
  void figuresFollowDeletesAndUpdates_atOnce() {
    dynamo.deleteItem(b -> b.tableName("posts").key(Map.of("pk", s("a"), "sk", s("1"))));
    dynamo.updateItem(b -> b.tableName("posts").key(Map.of("pk", s("a"), "sk", s("2")))
        .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", s("open"))));

    TableDescription table = describe();

    assertThat(byDate(table).itemCount()).isEqualTo(1);
    assertThat(byDate(table).indexSizeBytes()).isEqualTo(12);
    assertThat(byStatus(table).itemCount()).isEqualTo(2);
    // The updated item now has a status: pk 3 + sk 3 + status 10; the other is unchanged.
    assertThat(byStatus(table).indexSizeBytes()).isEqualTo(16 + 23);
  }

  @Test
  void globalIndexCreatedLater_reportsWhatItsBackfillHolds() {
    TableDescription table = dynamo.updateTable(b -> b.tableName("posts")
        .attributeDefinitions(def("other", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
            .indexName("byOther").keySchema(key("other", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build()))
        .tableDescription();

    GlobalSecondaryIndexDescription byOther = table.globalSecondaryIndexes().stream()
        .filter(i -> i.indexName().equals("byOther")).findFirst().orElseThrow();
    assertThat(byOther.itemCount()).isEqualTo(1);
    // pk 3 + sk 3 + other 9.
    assertThat(byOther.indexSizeBytes()).isEqualTo(15);
  }

  @Test
  void emptyTable_reportsZeroForEveryIndex() {
    tombstone.dynamoDb().items("posts").forEach(item -> tombstone.dynamoDb().deleteItem("posts",
        Map.of("pk", item.get("pk"), "sk", item.get("sk"))));

    TableDescription table = describe();

    assertThat(byDate(table).itemCount()).isZero();
    assertThat(byDate(table).indexSizeBytes()).isZero();
    assertThat(byStatus(table).itemCount()).isZero();
    assertThat(byStatus(table).indexSizeBytes()).isZero();
  }
}
