package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;

/**
 * SearchVectors, which AWS serves from search endpoints of their own, reaches the emulator
 * through the injected clients without any setting: with an endpoint override the SDK sends it
 * where it sends every other DynamoDB operation.
 */
@TombstoneTest
class VectorSearchInjectionTest {
  @BeforeEach
  void table(DynamoDbClient dynamo) {
    dynamo.createTable(b -> b.tableName("docs").billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
        .vectorIndexes(v -> v.indexName("by-meaning").dimensions(2L)
            .distanceFunction("EUCLIDEAN").vectorAttribute(a -> a.attributeName("embedding"))
            .projection(p -> p.projectionType("ALL"))));
    for (String[] doc : new String[][] {{"near", "1"}, {"far", "9"}}) {
      dynamo.putItem(b -> b.tableName("docs").item(Map.of("pk", AttributeValue.fromS(doc[0]),
          "embedding", AttributeValue.fromL(List.of(AttributeValue.fromN(doc[1]),
              AttributeValue.fromN("0"))))));
    }
  }

  @Test
  void syncClient_searches(DynamoDbClient dynamo) {
    List<SearchResultItem> results = dynamo.searchVectors(b -> b.tableName("docs")
        .indexName("by-meaning").topK(1)
        .searchVector(AttributeValue.fromN("0"), AttributeValue.fromN("0"))).searchResults();

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.item().get("pk").s()).isEqualTo("near");
      assertThat(r.score()).isEqualTo(1.0);
    });
  }

  @Test
  void asyncClient_searches(DynamoDbAsyncClient dynamo) {
    List<SearchResultItem> results = dynamo.searchVectors(b -> b.tableName("docs")
        .indexName("by-meaning").topK(2)
        .searchVector(AttributeValue.fromN("10"), AttributeValue.fromN("0"))).join()
        .searchResults();

    assertThat(results).extracting(r -> r.item().get("pk").s()).containsExactly("far", "near");
  }
}
