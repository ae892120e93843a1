package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The SDK for Java v2's SecondaryIndexesIntegrationTest, replayed: a table with a KEYS_ONLY local
 * and global index, queried with legacy {@code KeyConditions}, {@code Select} and
 * {@code AttributesToGet}; items missing an index key stay out of that index.
 */
class SdkParityIndexQueryTest {
  private static final String TABLE = "indexed";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tableWithIndexes() {
    dynamo.createTable(b -> b.tableName(TABLE)
        .attributeDefinitions(a -> a.attributeName("hashKey").attributeType("S"),
            a -> a.attributeName("rangeKey").attributeType("N"),
            a -> a.attributeName("lsiRangeKey").attributeType("N"),
            a -> a.attributeName("gsiHashKey").attributeType("S"),
            a -> a.attributeName("gsiRangeKey").attributeType("N"))
        .keySchema(k -> k.attributeName("hashKey").keyType("HASH"),
            k -> k.attributeName("rangeKey").keyType("RANGE"))
        .localSecondaryIndexes(l -> l.indexName("lsi")
            .projection(p -> p.projectionType("KEYS_ONLY"))
            .keySchema(k -> k.attributeName("hashKey").keyType("HASH"),
                k -> k.attributeName("lsiRangeKey").keyType("RANGE")))
        .globalSecondaryIndexes(g -> g.indexName("gsi")
            .projection(p -> p.projectionType("KEYS_ONLY"))
            .keySchema(k -> k.attributeName("gsiHashKey").keyType("HASH"),
                k -> k.attributeName("gsiRangeKey").keyType("RANGE"))
            .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)))
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    for (int i = 0; i < 10; i++) {
      Map<String, AttributeValue> item = new HashMap<>(Map.of("hashKey", s("h"), "rangeKey", n(i),
          "gsiHashKey", s("g"), "attribute_" + i, s("value " + i)));
      if (i < 5) {   // only the first five carry the second key of each index
        item.put("lsiRangeKey", n(i));
        item.put("gsiRangeKey", n(i));
      }
      dynamo.putItem(b -> b.tableName(TABLE).item(item));
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }

  private static Condition eq(AttributeValue value) {
    return Condition.builder().comparisonOperator(ComparisonOperator.EQ)
        .attributeValueList(value).build();
  }

  private QueryResponse query(String index, String hashName, AttributeValue hash,
      Consumer<QueryRequest.Builder> more) {
    QueryRequest.Builder request = QueryRequest.builder().tableName(TABLE).indexName(index)
        .keyConditions(Map.of(hashName, eq(hash)));
    more.accept(request);
    return dynamo.query(request.build());
  }

  @Test
  void describeTable_showsKeysOnlyProjections_withoutNonKeyAttributes() {
    TableDescription table = dynamo.describeTable(b -> b.tableName(TABLE)).table();

    assertThat(table.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
      assertThat(lsi.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
      assertThat(lsi.projection().hasNonKeyAttributes()).isFalse();
    });
    assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
      assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
      assertThat(gsi.projection().hasNonKeyAttributes()).isFalse();
    });
  }

  @Test
  void globalIndexQuery_withKeyConditions_selectAndAttributesToGet() {
    QueryResponse all = query("gsi", "gsiHashKey", s("g"), q -> { });
    assertThat(all.count()).isEqualTo(5);
    assertThat(all.items().get(0)).containsOnlyKeys("hashKey", "rangeKey", "gsiHashKey",
        "gsiRangeKey");

    QueryResponse below = dynamo.query(b -> b.tableName(TABLE).indexName("gsi").keyConditions(
        Map.of("gsiHashKey", eq(s("g")), "gsiRangeKey", Condition.builder()
            .comparisonOperator(ComparisonOperator.LT).attributeValueList(n(2)).build())));
    assertThat(below.count()).isEqualTo(2);

    DynamoDbException allAttributes = catchThrowableOfType(DynamoDbException.class,
        () -> query("gsi", "gsiHashKey", s("g"), q -> q.select(Select.ALL_ATTRIBUTES)));
    assertThat(allAttributes.awsErrorDetails().errorMessage())
        .contains("Select type ALL_ATTRIBUTES is not supported for global secondary index gsi");

    assertThat(query("gsi", "gsiHashKey", s("g"), q -> q.attributesToGet("hashKey", "rangeKey"))
        .items()).allSatisfy(item -> assertThat(item).containsOnlyKeys("hashKey", "rangeKey"));
    assertThat(query("gsi", "gsiHashKey", s("g"), q -> q.attributesToGet("hashKey")
        .select(Select.SPECIFIC_ATTRIBUTES)).items())
        .allSatisfy(item -> assertThat(item).containsOnlyKeys("hashKey"));
    assertThat(catchThrowableOfType(DynamoDbException.class, () -> query("gsi", "gsiHashKey",
        s("g"), q -> q.attributesToGet("hashKey").select(Select.ALL_PROJECTED_ATTRIBUTES)))
        .statusCode()).isEqualTo(400);
  }

  @Test
  void localIndexQuery_withKeyConditions_selectAndAttributesToGet() {
    QueryResponse projected = query("lsi", "hashKey", s("h"), q -> { });
    assertThat(projected.count()).isEqualTo(5);
    assertThat(projected.items().get(0)).containsOnlyKeys("hashKey", "rangeKey", "lsiRangeKey");

    QueryResponse below = dynamo.query(b -> b.tableName(TABLE).indexName("lsi").keyConditions(
        Map.of("hashKey", eq(s("h")), "lsiRangeKey", Condition.builder()
            .comparisonOperator(ComparisonOperator.LT).attributeValueList(n(2)).build())));
    assertThat(below.count()).isEqualTo(2);

    QueryResponse fetched = query("lsi", "hashKey", s("h"), q -> q.select(Select.ALL_ATTRIBUTES));
    assertThat(fetched.count()).isEqualTo(5);
    assertThat(fetched.items().get(0)).hasSize(6);

    assertThat(query("lsi", "hashKey", s("h"), q -> q.attributesToGet("hashKey", "rangeKey"))
        .items()).allSatisfy(item -> assertThat(item).hasSize(2));
    assertThat(query("lsi", "hashKey", s("h"), q -> q.attributesToGet("hashKey")
        .select(Select.SPECIFIC_ATTRIBUTES)).items()).allSatisfy(item -> assertThat(item)
        .hasSize(1));
    assertThat(catchThrowableOfType(DynamoDbException.class, () -> query("lsi", "hashKey",
        s("h"), q -> q.attributesToGet("hashKey", "rangeKey", "lsiRangeKey")
            .select(Select.ALL_PROJECTED_ATTRIBUTES))).statusCode()).isEqualTo(400);
  }
}
