package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.VectorIndexSdkTest.table;
import static dev.tombstone.internal.dynamodb.protocol.VectorIndexSdkTest.vector;
import static dev.tombstone.internal.dynamodb.protocol.VectorIndexSdkTest.vectorIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsRequest;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsResponse;

/**
 * SearchVectors over HTTP with the SDK, whose client built with {@code endpointOverride} sends
 * the operation to the overridden endpoint like any other (no search host prefix).
 */
class SearchVectorsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void documents() {
    dynamo.createTable(table("docs")
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
            AttributeDefinition.builder().attributeName("lang").attributeType("S").build())
        .vectorIndexes(
            vectorIndex("cosine", 2, "COSINE").build(),
            vectorIndex("euclid", 2, "EUCLIDEAN")
                .projection(p -> p.projectionType("KEYS_ONLY")).build(),
            vectorIndex("dot", 2, "DOT_PRODUCT").build(),
            vectorIndex("by-lang", 2, "EUCLIDEAN")
                .searchSchema(s -> s.attributeName("lang").searchSchemaElementType("HASH"))
                .build())
        .build());
    put("east", "en", vector(1, 0));
    put("north", "en", vector(0, 1));
    put("far-east", "fr", vector(5, 0));
    put("north-east", "fr", vector(1, 1));
    put("west", "en", vector(-1, 0));
    dynamo.putItem(b -> b.tableName("docs").item(Map.of("pk", AttributeValue.fromS("short"),
        "lang", AttributeValue.fromS("en"), "embedding", vector(1))));
    dynamo.putItem(b -> b.tableName("docs").item(Map.of("pk", AttributeValue.fromS("none"),
        "lang", AttributeValue.fromS("en"))));
  }

  private void put(String pk, String lang, AttributeValue embedding) {
    dynamo.putItem(b -> b.tableName("docs").item(Map.of("pk", AttributeValue.fromS(pk),
        "lang", AttributeValue.fromS(lang), "title", AttributeValue.fromS("title of " + pk),
        "embedding", embedding)));
  }

  private SearchVectorsResponse search(String index, int topK, double... query) {
    return dynamo.searchVectors(request(index, topK, query).build());
  }

  private static SearchVectorsRequest.Builder request(String index, int topK, double... query) {
    return SearchVectorsRequest.builder().tableName("docs").indexName(index).topK(topK)
        .searchVector(vector(query).l());
  }

  private static List<String> keys(SearchVectorsResponse response) {
    return response.searchResults().stream().map(r -> r.item().get("pk").s()).toList();
  }

  private DynamoDbException refused(SearchVectorsRequest request) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.searchVectors(request));
    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return e;
  }

  @Test
  void cosine_returnsTheClosestDirectionsFirstWithTheirScores() {
    SearchVectorsResponse response = search("cosine", 3, 2, 0);

    assertThat(keys(response)).hasSize(3).startsWith("east", "far-east")
        .endsWith("north-east");
    List<Double> scores = response.searchResults().stream().map(SearchResultItem::score).toList();
    assertThat(scores.get(0)).isCloseTo(0.0, within(1e-9));
    assertThat(scores.get(2)).isCloseTo(1 - Math.sqrt(0.5), within(1e-6));
    assertThat(response.searchResults().get(0).item()).containsKeys("title", "lang");
  }

  @Test
  void euclidean_ordersByDistanceAndReturnsWhatTheIndexProjects() {
    SearchVectorsResponse response = search("euclid", 2, 0, 0);

    assertThat(keys(response)).containsExactlyInAnyOrder("east", "north");
    assertThat(response.searchResults()).allSatisfy(r -> {
      assertThat(r.score()).isEqualTo(1.0);
      assertThat(r.item()).containsOnlyKeys("pk", "embedding");
    });
  }

  @Test
  void dotProduct_returnsTheHighestScoresFirst() {
    SearchVectorsResponse response = search("dot", 5, 1, 0);

    assertThat(keys(response)).containsExactly("far-east", "east", "north-east", "north", "west");
    assertThat(response.searchResults().get(0).score()).isEqualTo(5.0);
    assertThat(response.searchResults().get(4).score()).isEqualTo(-1.0);
  }

  @Test
  void itemsWithoutAVectorOfTheRightLength_areNotInTheIndex() {
    assertThat(keys(search("cosine", 100, 1, 0))).hasSize(5).doesNotContain("short", "none");
  }

  @Test
  void searchCondition_filtersOnTheHashKeyBeforeTheTopK() {
    SearchVectorsResponse response = dynamo.searchVectors(request("by-lang", 1, 0, 0)
        .searchConditionExpression("#l = :lang")
        .expressionAttributeNames(Map.of("#l", "lang"))
        .expressionAttributeValues(Map.of(":lang", AttributeValue.fromS("fr"))).build());

    assertThat(keys(response)).containsExactly("north-east");
  }

  @Test
  void projectionExpression_picksReturnedAttributes() {
    SearchVectorsResponse response = dynamo.searchVectors(request("cosine", 1, 1, 0)
        .projectionExpression("title").build());

    assertThat(response.searchResults().get(0).item())
        .isEqualTo(Map.of("title", AttributeValue.fromS("title of east")));
  }

  @Test
  void deletedItems_leaveTheResultsWhateverPathDeletedThem() {
    dynamo.deleteItem(b -> b.tableName("docs").key(Map.of("pk", AttributeValue.fromS("east"))));
    dynamo.batchWriteItem(b -> b.requestItems(Map.of("docs", List.of(
        software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
            .deleteRequest(d -> d.key(Map.of("pk", AttributeValue.fromS("far-east")))).build()))));
    dynamo.transactWriteItems(b -> b.transactItems(t -> t.delete(d -> d.tableName("docs")
        .key(Map.of("pk", AttributeValue.fromS("north-east"))))));

    assertThat(keys(search("cosine", 100, 1, 0))).containsExactlyInAnyOrder("north", "west");
  }

  @Test
  void itemsExpiredByTtl_leaveTheResults() {
    dynamo.updateTimeToLive(b -> b.tableName("docs")
        .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
    long past = server.tombstone().clock().instant().getEpochSecond() - 10;
    dynamo.putItem(b -> b.tableName("docs").item(Map.of("pk", AttributeValue.fromS("gone"),
        "embedding", vector(1, 0), "expires", AttributeValue.fromN(Long.toString(past)))));
    assertThat(keys(search("cosine", 100, 1, 0))).contains("gone");
    server.tombstone().dynamoDb().expireItems();

    assertThat(keys(search("cosine", 100, 1, 0))).doesNotContain("gone").hasSize(5);
  }

  @Test
  void aDeletedIndex_isAnUnknownIndex() {
    dynamo.updateTable(b -> b.tableName("docs")
        .vectorIndexUpdates(u -> u.delete(d -> d.indexName("dot"))));

    assertThat(refused(request("dot", 1, 1, 0).build()).awsErrorDetails().errorMessage())
        .isEqualTo("The table does not have the specified index: dot");
  }

  @Test
  void refusals_useTheDocumentedTexts() {
    assertThat(refused(request("cosine", 0, 1, 0).build()).awsErrorDetails().errorMessage())
        .isEqualTo("Provided TopK value is out of valid range");
    assertThat(refused(request("cosine", 101, 1, 0).build()).awsErrorDetails().errorMessage())
        .isEqualTo("Provided TopK value is out of valid range");
    assertThat(refused(request("by-lang", 1, 1, 0).build()).awsErrorDetails().errorMessage())
        .isEqualTo("SearchConditionExpression must be provided when SearchSchema has a HASH key");
    assertThat(refused(request("cosine", 1, 1, 0, 0).build()).awsErrorDetails().errorMessage())
        .contains("SearchVector must be a list of 2 numbers");
    assertThat(refused(request("cosine", 1, 1, 0).searchConditionExpression("title = :t")
        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("x"))).build())
        .awsErrorDetails().errorMessage()).contains("SearchSchema attributes");
  }

  @Test
  void anUnknownTable_isResourceNotFound() {
    ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.searchVectors(request("cosine", 1, 1, 0).tableName("nothing").build()));

    assertThat(e.statusCode()).isEqualTo(400);
  }

  @Test
  void missingMembers_failTheModelConstraints() {
    DynamoDbException e = refused(SearchVectorsRequest.builder().tableName("docs")
        .indexName("cosine").build());

    assertThat(e.awsErrorDetails().errorMessage()).startsWith("2 validation errors detected: ")
        .contains("'searchVector' failed to satisfy constraint: Member must not be null")
        .contains("'topK' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void theTableArn_namesTheTable() {
    String arn = dynamo.describeTable(b -> b.tableName("docs")).table().tableArn();

    assertThat(keys(dynamo.searchVectors(request("cosine", 1, 1, 0).tableName(arn).build())))
        .containsExactly("east");
  }

  @Test
  void theSdkSendsTheSearchToTheOverriddenEndpoint() {
    server.tombstone().clearRequests();

    search("cosine", 1, 1, 0);

    assertThat(server.tombstone().requests()).singleElement().satisfies(r -> {
      assertThat(r.target()).isEqualTo("DynamoDB_20120810.SearchVectors");
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void aFaultRuleScopedToTheTable_firesForSearchesNamingItByNameOrArn() {
    String arn = dynamo.describeTable(b -> b.tableName("docs")).table().tableArn();
    for (String table : List.of("docs", arn)) {
      server.tombstone().clearRequests();
      server.tombstone().faults().dynamoDb("SearchVectors").table("docs").times(1)
          .respond(dev.tombstone.faults.Fault.INTERNAL_SERVER_ERROR);

      SearchVectorsResponse retried =
          dynamo.searchVectors(request("cosine", 1, 1, 0).tableName(table).build());

      assertThat(keys(retried)).containsExactly("east");
      assertThat(server.tombstone().requests()).extracting(r -> r.status())
          .containsExactly(500, 200);
    }
  }
}
