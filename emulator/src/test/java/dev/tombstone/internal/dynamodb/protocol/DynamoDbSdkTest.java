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
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The DynamoDB operations through the real SDK v2 client at default settings. */
class DynamoDbSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void usersTable() {
    dynamo.createTable(b -> b.tableName("users")
        .keySchema(KeySchemaElement.builder().attributeName("UserId").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("UserId")
            .attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    for (String user : List.of("user001", "user002", "user003")) {
      dynamo.putItem(b -> b.tableName("users").item(user(user)));
    }
  }

  static Map<String, AttributeValue> user(String id) {
    return Map.of("UserId", AttributeValue.fromS(id));
  }

  @Test
  void deleteItem_removesTheItem() {
    dynamo.deleteItem(b -> b.tableName("users").key(user("user003")));

    assertThat(dynamo.getItem(b -> b.tableName("users").key(user("user003"))).hasItem()).isFalse();
    assertThat(dynamo.scan(b -> b.tableName("users")).items())
        .containsExactly(user("user001"), user("user002"));
  }

  @Test
  void deleteItem_returnsTheOldItem_withAllOld() {
    dynamo.putItem(b -> b.tableName("users").item(Map.of(
        "UserId", AttributeValue.fromS("user004"),
        "score", AttributeValue.fromN("1.50"),
        "tags", AttributeValue.fromSs(List.of("a", "b")))));

    DeleteItemResponse response = dynamo.deleteItem(b -> b.tableName("users").key(user("user004"))
        .returnValues(ReturnValue.ALL_OLD));

    assertThat(response.attributes()).containsEntry("score", AttributeValue.fromN("1.5"))
        .containsEntry("UserId", AttributeValue.fromS("user004"));
    assertThat(response.attributes().get("tags").ss()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void deleteItem_ofAMissingItem_succeedsWithoutAttributes() {
    DeleteItemResponse response = dynamo.deleteItem(b -> b.tableName("users")
        .key(user("nobody")).returnValues(ReturnValue.ALL_OLD));

    assertThat(response.hasAttributes()).isFalse();
  }

  @Test
  void deleteItem_reportsConsumedCapacity() {
    DeleteItemResponse total = dynamo.deleteItem(b -> b.tableName("users").key(user("user001"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    DeleteItemResponse indexes = dynamo.deleteItem(b -> b.tableName("users").key(user("user002"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    DeleteItemResponse none = dynamo.deleteItem(b -> b.tableName("users").key(user("user003")));

    assertThat(total.consumedCapacity())
        .isEqualTo(ConsumedCapacity.builder().tableName("users").capacityUnits(1.0).build());
    assertThat(indexes.consumedCapacity().table().capacityUnits()).isEqualTo(1.0);
    assertThat(none.consumedCapacity()).isNull();
  }

  @Test
  void deleteItem_rejectsUpdatedReturnValues() {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.deleteItem(b -> b.tableName("users").key(user("user001"))
            .returnValues(ReturnValue.ALL_NEW)));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("1 validation error detected: ReturnValues can only be ALL_OLD or NONE");
    assertThat(error.statusCode()).isEqualTo(400);
  }

  @Test
  void deleteItem_onAMissingTable_isResourceNotFound() {
    ResourceNotFoundException error = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.deleteItem(b -> b.tableName("nope").key(user("user001"))));

    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
  }

  @Test
  void deleteItem_withAWrongKeyType_isAValidationError() {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.deleteItem(b -> b.tableName("users")
            .key(Map.of("UserId", AttributeValue.fromN("1")))));

    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("The provided key element does not match the schema");
  }

  @Test
  void errors_carryTheRequestId() {
    SdkServiceException error = catchThrowableOfType(SdkServiceException.class,
        () -> dynamo.describeTable(b -> b.tableName("nope")));

    assertThat(error.requestId()).matches("[0-9A-Z]{52}");
  }

  @Test
  void tables_canBeCreatedDescribedListedAndDeleted() {
    assertThat(dynamo.describeTable(b -> b.tableName("users")).table().tableStatus())
        .isEqualTo(TableStatus.ACTIVE);
    ResourceInUseException exists = catchThrowableOfType(ResourceInUseException.class,
        () -> dynamo.createTable(b -> b.tableName("users")
            .keySchema(KeySchemaElement.builder().attributeName("UserId").keyType(KeyType.HASH)
                .build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("UserId")
                .attributeType(ScalarAttributeType.S).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)));
    assertThat(exists.awsErrorDetails().errorMessage()).isEqualTo("Table already exists: users");

    for (String name : List.of("b-table", "a-table", "c-table")) {
      dynamo.createTable(b -> b.tableName(name)
          .keySchema(KeySchemaElement.builder().attributeName("k").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("k")
              .attributeType(ScalarAttributeType.N).build())
          .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    }
    ListTablesResponse first = dynamo.listTables(b -> b.limit(2));
    assertThat(first.tableNames()).containsExactly("a-table", "b-table");
    assertThat(first.lastEvaluatedTableName()).isEqualTo("b-table");
    assertThat(dynamo.listTables(b -> b.exclusiveStartTableName("b-table")).tableNames())
        .containsExactly("c-table", "users");
    assertThat(dynamo.listTablesPaginator().tableNames()).hasSize(4);

    dynamo.deleteTable(b -> b.tableName("users"));
    assertThat(dynamo.listTables().tableNames()).doesNotContain("users");
    dynamo.waiter().waitUntilTableNotExists(b -> b.tableName("users"));
  }

  @Test
  void createTable_waiterSeesTheTableActive() {
    dynamo.createTable(b -> b.tableName("fresh")
        .keySchema(KeySchemaElement.builder().attributeName("k").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("k")
            .attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));

    assertThat(dynamo.waiter().waitUntilTableExists(b -> b.tableName("fresh")).matched().response())
        .hasValueSatisfying(r -> assertThat(r.table().tableName()).isEqualTo("fresh"));
  }

  @Test
  void scan_pagesThroughEveryItem() {
    for (int i = 0; i < 40; i++) {
      String id = "u" + i;
      dynamo.putItem(b -> b.tableName("users").item(user(id)));
    }

    List<ScanResponse> pages = dynamo.scanPaginator(b -> b.tableName("users").limit(7)).stream()
        .toList();

    assertThat(pages.stream().mapToInt(ScanResponse::count).sum()).isEqualTo(43);
    assertThat(pages.stream().flatMap(p -> p.items().stream()).distinct().count()).isEqualTo(43);
  }

  @Test
  void batchWriteItem_putsAndDeletes() {
    dynamo.batchWriteItem(b -> b.requestItems(Map.of("users", List.of(
        WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(user("user001")).build())
            .build(),
        WriteRequest.builder().putRequest(PutRequest.builder().item(user("user009")).build())
            .build()))));

    assertThat(dynamo.scan(b -> b.tableName("users")).items())
        .containsExactly(user("user002"), user("user003"), user("user009"));
  }

  @Test
  void getItem_withAttributesToGet_returnsOnlyThoseAttributes() {
    dynamo.putItem(b -> b.tableName("users").item(Map.of(
        "UserId", AttributeValue.fromS("user005"),
        "a", AttributeValue.fromS("1"),
        "b", AttributeValue.fromBool(true))));

    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("users")
        .key(user("user005")).attributesToGet("b").consistentRead(true)).item();

    assertThat(item).containsOnlyKeys("b");
  }
}
