package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Index write units are charged whichever write API writes the item: BatchWriteItem as
 * PutItem and DeleteItem; TransactWriteItems doubles the table's units (prepare and commit)
 * and counts the index writes that follow once, as reported figures of DynamoDB show.
 */
class IndexWriteCapacitySdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  static final ReturnConsumedCapacity INDEXES = ReturnConsumedCapacity.INDEXES;
  static final Map<String, Capacity> ONE_EACH_LSI = Map.of("byLocal", units(1.0));
  static final Map<String, Capacity> ONE_EACH_GSI = Map.of("byGlobal", units(1.0));

  /** lsit: pk + sk; LSI byLocal on lsk, GSI byGlobal on gpk, both projecting ALL. */
  @BeforeEach
  void lsitTable() {
    dynamo.createTable(b -> b.tableName("lsit")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk"), def("sk"), def("lsk"), def("gpk"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byLocal")
            .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGlobal")
            .keySchema(key("gpk", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build()));
  }

  @Test
  void putItem_chargesTheTableAndBothIndexes() {
    ConsumedCapacity put = dynamo.putItem(b -> b.tableName("lsit").item(item("1"))
        .returnConsumedCapacity(INDEXES)).consumedCapacity();

    assertThat(put).isEqualTo(indexed(1.0, 3.0));
  }

  @Test
  void batchWriteItem_chargesIndexWrites_forPutsAndDeletes_asPutItemAndDeleteItemDo() {
    dynamo.putItem(b -> b.tableName("lsit").item(item("old")));

    List<ConsumedCapacity> batch = dynamo.batchWriteItem(b -> b.requestItems(Map.of("lsit",
        List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(item("1")).build())
                .build(),
            WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key("old")).build())
                .build()))).returnConsumedCapacity(INDEXES)).consumedCapacity();

    assertThat(batch).containsExactly(ConsumedCapacity.builder().tableName("lsit")
        .capacityUnits(6.0).table(units(2.0))
        .localSecondaryIndexes(Map.of("byLocal", units(2.0)))
        .globalSecondaryIndexes(Map.of("byGlobal", units(2.0))).build());
  }

  @Test
  void batchWriteItem_total_includesIndexUnits() {
    List<ConsumedCapacity> batch = dynamo.batchWriteItem(b -> b.requestItems(Map.of("lsit",
        List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(item("1")).build())
            .build()))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertThat(batch).containsExactly(
        ConsumedCapacity.builder().tableName("lsit").capacityUnits(3.0).build());
  }

  @Test
  void transactWriteItems_doublesTheTableUnits_andChargesEachIndexOnce() {
    List<ConsumedCapacity> put = dynamo.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(Put.builder().tableName("lsit").item(item("1")).build())
            .build()).returnConsumedCapacity(INDEXES)).consumedCapacity();

    assertThat(put).containsExactly(indexed(2.0, 4.0));
  }

  @Test
  void transactWriteItems_delete_chargesTheIndexesItLeaves() {
    dynamo.putItem(b -> b.tableName("lsit").item(item("1")));

    List<ConsumedCapacity> delete = dynamo.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().delete(Delete.builder().tableName("lsit").key(key("1"))
            .build()).build()).returnConsumedCapacity(INDEXES)).consumedCapacity();

    assertThat(delete).containsExactly(indexed(2.0, 4.0));
  }

  @Test
  void transactWriteItems_conditionCheck_writesNoIndexEntry() {
    dynamo.putItem(b -> b.tableName("lsit").item(item("1")));

    List<ConsumedCapacity> check = dynamo.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("lsit")
            .key(key("1")).conditionExpression("attribute_exists(pk)").build()).build())
        .returnConsumedCapacity(INDEXES)).consumedCapacity();

    assertThat(check).containsExactly(ConsumedCapacity.builder().tableName("lsit")
        .capacityUnits(2.0).table(units(2.0)).build());
  }

  @Test
  void updateItem_changingAnIndexKey_costsTwoWritesOnThatIndex() {
    dynamo.putItem(b -> b.tableName("lsit").item(item("1")));

    ConsumedCapacity update = dynamo.updateItem(b -> b.tableName("lsit").key(key("1"))
        .updateExpression("SET gpk = :g").expressionAttributeValues(Map.of(":g",
            AttributeValue.fromS("moved"))).returnConsumedCapacity(INDEXES)).consumedCapacity();

    assertThat(update).isEqualTo(ConsumedCapacity.builder().tableName("lsit").capacityUnits(4.0)
        .table(units(1.0)).localSecondaryIndexes(ONE_EACH_LSI)
        .globalSecondaryIndexes(Map.of("byGlobal", units(2.0))).build());
  }

  @Test
  void everyWriteApi_chargesNothingToAnIndexWhoseEntryStaysTheSame() {
    createKeysOnlyTable();
    Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("p"),
        "sk", AttributeValue.fromS("1"), "lsk", AttributeValue.fromS("l"),
        "gpk", AttributeValue.fromS("g"), "note", AttributeValue.fromS("a"));
    dynamo.putItem(b -> b.tableName("keys").item(item));
    Map<String, AttributeValue> renoted = new java.util.HashMap<>(item);
    renoted.put("note", AttributeValue.fromS("b"));
    ConsumedCapacity tableOnly = ConsumedCapacity.builder().tableName("keys")
        .capacityUnits(1.0).table(units(1.0)).build();

    ConsumedCapacity update = dynamo.updateItem(b -> b.tableName("keys").key(key("1"))
        .updateExpression("SET note = :n").expressionAttributeValues(Map.of(":n",
            AttributeValue.fromS("c"))).returnConsumedCapacity(INDEXES)).consumedCapacity();
    ConsumedCapacity put = dynamo.putItem(b -> b.tableName("keys").item(renoted)
        .returnConsumedCapacity(INDEXES)).consumedCapacity();
    List<ConsumedCapacity> batch = dynamo.batchWriteItem(b -> b.requestItems(Map.of("keys",
        List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build())
            .build()))).returnConsumedCapacity(INDEXES)).consumedCapacity();
    List<ConsumedCapacity> transaction = dynamo.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(Put.builder().tableName("keys").item(renoted).build())
            .build()).returnConsumedCapacity(INDEXES)).consumedCapacity();

    assertThat(update).isEqualTo(tableOnly);
    assertThat(put).isEqualTo(tableOnly);
    assertThat(batch).containsExactly(tableOnly);
    assertThat(transaction).containsExactly(ConsumedCapacity.builder().tableName("keys")
        .capacityUnits(2.0).table(units(2.0)).build());
  }

  /** keys: pk + sk; LSI byLocal on lsk and GSI byGlobal on gpk, both KEYS_ONLY. */
  private void createKeysOnlyTable() {
    Projection keysOnly = Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
    dynamo.createTable(b -> b.tableName("keys")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk"), def("sk"), def("lsk"), def("gpk"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byLocal")
            .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
            .projection(keysOnly).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGlobal")
            .keySchema(key("gpk", KeyType.HASH)).projection(keysOnly).build()));
  }

  private static ConsumedCapacity indexed(double table, double total) {
    return ConsumedCapacity.builder().tableName("lsit").capacityUnits(total).table(units(table))
        .localSecondaryIndexes(ONE_EACH_LSI).globalSecondaryIndexes(ONE_EACH_GSI).build();
  }

  private static Capacity units(double units) {
    return Capacity.builder().capacityUnits(units).build();
  }

  private static Map<String, AttributeValue> key(String sk) {
    return Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS(sk));
  }

  private static Map<String, AttributeValue> item(String sk) {
    return Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS(sk),
        "lsk", AttributeValue.fromS("l" + sk), "gpk", AttributeValue.fromS("g" + sk));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition def(String name) {
    return AttributeDefinition.builder().attributeName(name)
        .attributeType(ScalarAttributeType.S).build();
  }
}
