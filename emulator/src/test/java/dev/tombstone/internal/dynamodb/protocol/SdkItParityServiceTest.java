package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The SDK for Java v2's low-level DynamoDB integration tests, replayed where the service answers:
 * DynamoServiceIntegrationTest (error framing, null keys and items in batches, 26 writes,
 * DescribeTable's throughput, empty answers), DynamoDbJavaClientExceptionIntegrationTest,
 * WaitersIntegrationTest and DynamoDbWaiterIntegrationTest, TableUtilsIntegrationTest,
 * NestedJsonDocumentIntegrationTest, streams.StreamsIntegrationTest,
 * GzipConfigurationIntegrationTest, and the enhanced client's
 * DeleteItemWithResponseIntegrationTest (its calls made with the low-level client).
 */
class SdkItParityServiceTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  private void table(String name) {
    dynamo.createTable(b -> b.tableName(name)
        .keySchema(k -> k.attributeName("key").keyType("HASH"))
        .attributeDefinitions(a -> a.attributeName("key").attributeType("S"))
        .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(5L)));
  }

  private static Map<String, AttributeValue> key(String value) {
    return Map.of("key", AttributeValue.fromS(value));
  }

  private static AttributeValue nested(int maps) {
    AttributeValue value = AttributeValue.fromS("leaf");
    for (int i = 0; i < maps; i++) {
      value = AttributeValue.fromM(Map.of("key", value));
    }
    return value;
  }

  private static int depth(AttributeValue value) {
    int maps = 0;
    for (AttributeValue v = value; v != null && v.hasM(); v = v.m().get("key")) {
      maps++;
    }
    return maps;
  }

  @Test
  void missingTables_answerResourceNotFound_asAClientErrorWithARequestId() {
    ResourceNotFoundException describe = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.describeTable(b -> b.tableName(UUID.randomUUID().toString())));
    assertThat(describe.statusCode()).isEqualTo(400);
    assertThat(describe.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(describe.awsErrorDetails().errorMessage()).isNotBlank();
    assertThat(describe.requestId()).isNotBlank();
    assertThat(describe.awsErrorDetails().rawResponse()).isNotNull();

    ResourceNotFoundException delete = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.deleteTable(b -> b.tableName("non-existant-table")));
    assertThat(delete.statusCode()).isEqualTo(400);
    assertThat(delete.awsErrorDetails().serviceName()).isEqualTo("DynamoDb");
    assertThat(delete.requestId()).isNotBlank();
  }

  @Test
  void aNullKeyInABatchGet_isLeftOutByTheSdk_andANullItemInABatchWrite_isAValidationError() {
    table("batches");
    dynamo.putItem(b -> b.tableName("batches").item(Map.of("key", AttributeValue.fromS("bar"),
        "age", AttributeValue.fromS("30"))));

    // The SDK sends the list without its null element, so the batch is answered.
    List<Map<String, AttributeValue>> keys = Arrays.asList(key("bar"), null);
    assertThat(dynamo.batchGetItem(b -> b.requestItems(
        Map.of("batches", KeysAndAttributes.builder().keys(keys).build())))
        .responses().get("batches")).hasSize(1);

    List<WriteRequest> writes = List.of(
        WriteRequest.builder().putRequest(p -> p.item(Map.of("key", AttributeValue.fromS("new"),
            "bar", AttributeValue.fromS("x")))).build(),
        WriteRequest.builder().putRequest(PutRequest.builder().item(null).build()).build());
    DynamoDbException write = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of("batches", writes))));
    assertThat(write.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(write.statusCode()).isEqualTo(400);
    assertThat(dynamo.getItem(b -> b.tableName("batches").key(key("new"))).hasItem()).isFalse();
  }

  @Test
  void twentySixWritesInOneBatch_areAValidationError() {
    table("many");
    List<WriteRequest> writes = IntStream.range(0, 26)
        .mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(key("k" + i))).build())
        .toList();
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of("many", writes))));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
    assertThat(e.requestId()).isNotBlank();
    assertThat(dynamo.scan(b -> b.tableName("many")).count()).isZero();
  }

  @Test
  void describeTable_answersTheKeyAndThroughput_withDecreasesToday() {
    table("described");
    TableDescription table = dynamo.describeTable(b -> b.tableName("described")).table();
    assertThat(table.tableName()).isEqualTo("described");
    assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
    assertThat(table.keySchema().get(0).attributeName()).isEqualTo("key");
    assertThat(table.keySchema().get(0).keyTypeAsString()).isEqualTo("HASH");
    assertThat(table.provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
    assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
  }

  @Test
  void emptyAnswers_areEmpty_notMissing_whereTheServiceSendsThem() {
    table("answers");
    BatchWriteItemResponse batch = dynamo.batchWriteItem(b -> b.requestItems(Map.of("answers",
        List.of(WriteRequest.builder().putRequest(p -> p.item(key("put"))).build(),
            WriteRequest.builder().deleteRequest(d -> d.key(key("toDelete"))).build()))));
    assertThat(batch.hasUnprocessedItems()).isTrue();
    assertThat(batch.unprocessedItems()).isEmpty();

    assertThat(dynamo.deleteItem(b -> b.tableName("answers").key(key("jeep"))
        .returnValues(ReturnValue.ALL_OLD)).hasAttributes()).isFalse();
    assertThat(dynamo.getItem(b -> b.tableName("answers").key(key("3")).consistentRead(true))
        .hasItem()).isFalse();
    assertThat(dynamo.scan(b -> b.tableName("answers").attributesToGet("key")).items())
        .containsExactly(key("put"));
  }

  @Test
  void mapsNestedThirtyOneDeepUnderAnAttribute_areStored_andThirtyTwoAreRefused() {
    table("nested");
    dynamo.putItem(b -> b.tableName("nested").item(Map.of("key", AttributeValue.fromS("foo"),
        "json", nested(31))));
    assertThat(depth(dynamo.getItem(b -> b.tableName("nested").key(key("foo"))).item()
        .get("json"))).isEqualTo(31);

    String message = SdkErrors.validationMessage(() -> dynamo.putItem(b -> b.tableName("nested")
        .item(Map.of("key", AttributeValue.fromS("foo"), "json", nested(32)))));
    assertThat(message).contains("Nesting Levels have exceeded supported limits");
    assertThat(depth(dynamo.getItem(b -> b.tableName("nested").key(key("foo"))).item()
        .get("json"))).isEqualTo(31);
  }

  @Test
  void waiters_matchAnExistingTable_andTheResourceNotFoundOfADeletedOne() {
    table("waited");
    WaiterResponse<DescribeTableResponse> exists =
        dynamo.waiter().waitUntilTableExists(b -> b.tableName("waited"));
    assertThat(exists.attemptsExecuted()).isEqualTo(1);
    assertThat(exists.matched().response().orElseThrow().table().tableName())
        .isEqualTo("waited");
    assertThat(exists.matched().exception()).isEmpty();

    try (DynamoDbAsyncClient async = DynamoDbAsyncClient.builder()
        .endpointOverride(server.tombstone().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("test", "test"))).build()) {
      WaiterResponse<DescribeTableResponse> asyncExists = async.waiter()
          .waitUntilTableExists(b -> b.tableName("waited")).join();
      assertThat(asyncExists.matched().response().orElseThrow().table().tableStatusAsString())
          .isEqualTo("ACTIVE");
    }

    dynamo.deleteTable(b -> b.tableName("waited"));
    WaiterResponse<DescribeTableResponse> gone =
        dynamo.waiter().waitUntilTableNotExists(b -> b.tableName("waited"));
    assertThat(gone.matched().response()).isEmpty();
    assertThat(gone.matched().exception().orElseThrow())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void creatingATableTwice_isResourceInUse_andDeletingAMissingOne_isResourceNotFound() {
    table("twice");
    ResourceInUseException again = catchThrowableOfType(ResourceInUseException.class,
        () -> table("twice"));
    assertThat(again.statusCode()).isEqualTo(400);
    dynamo.deleteTable(b -> b.tableName("twice"));
    assertThat(catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.deleteTable(b -> b.tableName("twice")))).isNotNull();
  }

  @Test
  void deletingAMissingKeyOfATableWithALocalIndex_reportsCapacityAndCollectionWhenAsked() {
    dynamo.createTable(b -> b.tableName("indexed")
        .keySchema(k -> k.attributeName("id_1").keyType("HASH"),
            k -> k.attributeName("id_2").keyType("RANGE"))
        .attributeDefinitions(a -> a.attributeName("id_1").attributeType("N"),
            a -> a.attributeName("id_2").attributeType("N"))
        .localSecondaryIndexes(l -> l.indexName("index1")
            .keySchema(k -> k.attributeName("id_1").keyType("HASH"),
                k -> k.attributeName("id_2").keyType("RANGE"))
            .projection(p -> p.projectionType("ALL")))
        .billingMode("PAY_PER_REQUEST"));
    Map<String, AttributeValue> missing =
        Map.of("id_1", AttributeValue.fromN("1"), "id_2", AttributeValue.fromN("10"));

    var plain = dynamo.deleteItem(b -> b.tableName("indexed").key(missing));
    assertThat(plain.consumedCapacity()).isNull();
    assertThat(plain.itemCollectionMetrics()).isNull();
    assertThat(dynamo.deleteItem(b -> b.tableName("indexed").key(missing)
        .returnConsumedCapacity("TOTAL")).consumedCapacity()).isNotNull();
    assertThat(dynamo.deleteItem(b -> b.tableName("indexed").key(missing)
        .returnItemCollectionMetrics("SIZE")).itemCollectionMetrics().itemCollectionKey())
        .isEqualTo(Map.of("id_1", AttributeValue.fromN("1")));
  }

  @Test
  void listStreams_ofATableThatDoesNotExist_answersNoStreams() {
    try (DynamoDbStreamsClient streams = SdkClients.streams(server.tombstone().endpoint())) {
      assertThat(streams.listStreams(b -> b.tableName("foo")).streams()).isEmpty();
    }
  }

  @Test
  void fiveHundredItems_scanInOnePage_forAClientThatAcceptsGzip() {
    table("gzip");
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      writes.add(WriteRequest.builder().putRequest(p -> p.item(Map.of(
          "key", AttributeValue.fromS(UUID.randomUUID().toString()),
          "value", AttributeValue.fromS(UUID.randomUUID().toString())))).build());
      if (writes.size() == 25) {
        List<WriteRequest> batch = List.copyOf(writes);
        dynamo.batchWriteItem(b -> b.requestItems(Map.of("gzip", batch)));
        writes.clear();
      }
    }
    assertThat(dynamo.scan(b -> b.tableName("gzip").overrideConfiguration(
        o -> o.putHeader("Accept-Encoding", "gzip"))).count()).isEqualTo(500);
  }
}
