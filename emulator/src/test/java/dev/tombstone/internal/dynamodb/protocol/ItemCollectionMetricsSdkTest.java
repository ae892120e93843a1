package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ReturnItemCollectionMetrics=SIZE: each item written to a table with a local secondary index
 * is reported with its partition key and a size estimate; other tables report nothing.
 */
class ItemCollectionMetricsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  static final ReturnItemCollectionMetrics SIZE = ReturnItemCollectionMetrics.SIZE;
  static final String ENUM_MESSAGE = "1 validation error detected: Value 'ALL' at"
      + " 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum"
      + " value set: [SIZE, NONE]";

  /** lsit: pk + sk with LSI byLocal on lsk; plain: the same keys and no index. */
  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("lsit")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk"), def("sk"), def("lsk"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byLocal")
            .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build()));
    dynamo.createTable(b -> b.tableName("plain")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk"), def("sk"))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void singleItemWrites_onATableWithALocalIndex_reportTheItemsCollection() {
    ItemCollectionMetrics put = dynamo.putItem(b -> b.tableName("lsit").item(item("p", "1"))
        .returnItemCollectionMetrics(SIZE)).itemCollectionMetrics();
    ItemCollectionMetrics update = dynamo.updateItem(b -> b.tableName("lsit").key(item("q", "1"))
        .updateExpression("SET lsk = :v").expressionAttributeValues(Map.of(":v", s("x")))
        .returnItemCollectionMetrics(SIZE)).itemCollectionMetrics();
    ItemCollectionMetrics delete = dynamo.deleteItem(b -> b.tableName("lsit")
        .key(item("p", "1")).returnItemCollectionMetrics(SIZE)).itemCollectionMetrics();

    assertThat(put).isEqualTo(metrics("p"));
    assertThat(update).isEqualTo(metrics("q"));
    assertThat(delete).isEqualTo(metrics("p"));
  }

  @Test
  void putItem_writesTheMetricsInDynamoDbsShape() {
    Wire.Response response = new Wire(tombstone.endpoint()).post("DynamoDB_20120810.PutItem",
        "{\"TableName\":\"lsit\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"}},"
            + "\"ReturnItemCollectionMetrics\":\"SIZE\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ItemCollectionMetrics\":{\"ItemCollectionKey\":"
        + "{\"pk\":{\"S\":\"p\"}},\"SizeEstimateRangeGB\":[0.0,1.0]}}");
  }

  @Test
  void deleteItem_ofAMissingKey_stillReportsTheCollectionItAddressed() {
    ItemCollectionMetrics delete = dynamo.deleteItem(b -> b.tableName("lsit")
        .key(item("nobody", "1")).returnItemCollectionMetrics(SIZE)).itemCollectionMetrics();

    assertThat(delete).isEqualTo(metrics("nobody"));
  }

  @Test
  void writes_reportNothing_withoutALocalIndex_orWithoutSize() {
    ItemCollectionMetrics plain = dynamo.putItem(b -> b.tableName("plain").item(item("p", "1"))
        .returnItemCollectionMetrics(SIZE)).itemCollectionMetrics();
    ItemCollectionMetrics none = dynamo.putItem(b -> b.tableName("lsit").item(item("p", "1"))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.NONE)).itemCollectionMetrics();
    ItemCollectionMetrics absent = dynamo.deleteItem(b -> b.tableName("lsit")
        .key(item("p", "1"))).itemCollectionMetrics();

    assertThat(plain).isNull();
    assertThat(none).isNull();
    assertThat(absent).isNull();
  }

  @Test
  void anUnknownValue_isRefusedWithTheEnumMessage_andWritesNothing() {
    DynamoDbException put = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.putItem(b -> b.tableName("lsit").item(item("p", "1"))
            .returnItemCollectionMetrics("ALL")));
    DynamoDbException transact = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
            .put(Put.builder().tableName("lsit").item(item("p", "2")).build()).build())
            .returnItemCollectionMetrics("ALL")));

    assertThat(List.of(put, transact)).allSatisfy(e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(ENUM_MESSAGE);
    });
    assertThat(dynamo.scan(b -> b.tableName("lsit")).count()).isZero();
  }

  @Test
  void batchWriteItem_reportsEachItemWrittenToATableWithALocalIndex() {
    dynamo.putItem(b -> b.tableName("lsit").item(item("old", "1")));

    Map<String, List<ItemCollectionMetrics>> metrics = dynamo.batchWriteItem(b -> b
        .requestItems(Map.of(
            "lsit", List.of(putRequest(item("p", "1")), WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(item("old", "1")).build()).build()),
            "plain", List.of(putRequest(item("p", "1")))))
        .returnItemCollectionMetrics(SIZE)).itemCollectionMetrics();

    assertThat(metrics).containsOnlyKeys("lsit");
    assertThat(metrics.get("lsit")).containsExactlyInAnyOrder(metrics("p"), metrics("old"));
  }

  @Test
  void transactWriteItems_reportsWrittenItems_butNotConditionChecks() {
    dynamo.putItem(b -> b.tableName("lsit").item(item("old", "1")));
    dynamo.putItem(b -> b.tableName("lsit").item(item("checked", "1")));

    Map<String, List<ItemCollectionMetrics>> metrics = dynamo.transactWriteItems(b -> b
        .transactItems(
            TransactWriteItem.builder().put(Put.builder().tableName("lsit")
                .item(item("p", "1")).build()).build(),
            TransactWriteItem.builder().update(Update.builder().tableName("lsit")
                .key(item("q", "1")).updateExpression("SET lsk = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))).build()).build(),
            TransactWriteItem.builder().delete(Delete.builder().tableName("lsit")
                .key(item("old", "1")).build()).build(),
            TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName("lsit").key(item("checked", "1"))
                .conditionExpression("attribute_exists(pk)").build()).build(),
            TransactWriteItem.builder().put(Put.builder().tableName("plain")
                .item(item("p", "1")).build()).build())
        .returnItemCollectionMetrics(SIZE)).itemCollectionMetrics();

    assertThat(metrics).containsOnlyKeys("lsit");
    assertThat(metrics.get("lsit"))
        .containsExactly(metrics("p"), metrics("q"), metrics("old"));
  }

  private static ItemCollectionMetrics metrics(String pk) {
    return ItemCollectionMetrics.builder().itemCollectionKey(Map.of("pk", s(pk)))
        .sizeEstimateRangeGB(0.0, 1.0).build();
  }

  private static WriteRequest putRequest(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static Map<String, AttributeValue> item(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition def(String name) {
    return AttributeDefinition.builder().attributeName(name)
        .attributeType(ScalarAttributeType.S).build();
  }
}
