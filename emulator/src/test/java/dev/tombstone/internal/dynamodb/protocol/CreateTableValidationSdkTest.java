package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * CreateTable requests DynamoDB refuses, through the SDK v2 client: each answers 400
 * ValidationException with DynamoDB's text and creates nothing.
 */
class CreateTableValidationSdkTest {
  static Tombstone tombstone;
  static DynamoDbClient dynamo;
  static Wire wire;

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
    wire = new Wire(tombstone.endpoint());
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    tombstone.close();
  }

  @BeforeEach
  void reset() {
    tombstone.reset();
  }

  @Test
  void threeKeySchemaElements_areEchoedAsDynamoDbPrintsThem() {
    String message = message(() -> dynamo.createTable(b -> b.tableName("three")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE), key("x", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)));

    assertThat(message).isEqualTo("1 validation error detected: Value '["
        + "KeySchemaElement(attributeName=pk, keyType=HASH), "
        + "KeySchemaElement(attributeName=sk, keyType=RANGE), "
        + "KeySchemaElement(attributeName=x, keyType=RANGE)]' at 'keySchema' failed to satisfy"
        + " constraint: Member must have length less than or equal to 2");
    assertThat(tombstone.dynamoDb().hasTable("three")).isFalse();
  }

  @Test
  void keySchemaElementWithoutAKeyType_isEchoedWithNull() {
    Wire.Response response = wire.post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"three\","
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"sk\"},{\"KeyType\":\"RANGE\",\"AttributeName\":null}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body()).message()).isEqualTo(
        "3 validation errors detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH),"
            + " KeySchemaElement(attributeName=sk, keyType=null),"
            + " KeySchemaElement(attributeName=null, keyType=RANGE)]' at 'keySchema' failed to"
            + " satisfy constraint: Member must have length less than or equal to 2;"
            + " Value null at 'keySchema.2.member.keyType' failed to satisfy constraint:"
            + " Member must not be null;"
            + " Value null at 'keySchema.3.member.attributeName' failed to satisfy constraint:"
            + " Member must not be null");
  }

  @Test
  void capacityUnits_aboveOneTrillion_areOutOfBounds_readsReportedFirst() {
    assertThat(message(() -> dynamo.createTable(provisioned("big", 1_000_000_000_001L,
        1_000_000_000_001L))))
        .isEqualTo("Given value 1000000000001 for ReadCapacityUnits is out of bounds");
    assertThat(message(() -> dynamo.createTable(provisioned("big", 1L, 1_000_000_000_001L))))
        .isEqualTo("Given value 1000000000001 for WriteCapacityUnits is out of bounds");
    assertThat(tombstone.dynamoDb().hasTable("big")).isFalse();

    dynamo.createTable(provisioned("big", 1_000_000_000_000L, 1_000_000_000_000L));
    assertThat(tombstone.dynamoDb().tableDefinition("big").readCapacityUnits())
        .isEqualTo(1_000_000_000_000L);
  }

  @Test
  void capacityUnits_outOfBounds_isReportedBeforeTheTableIsFoundToExist() {
    dynamo.createTable(provisioned("taken", 1L, 1L));

    assertThat(message(() -> dynamo.createTable(provisioned("taken", 1_000_000_000_001L, 1L))))
        .isEqualTo("Given value 1000000000001 for ReadCapacityUnits is out of bounds");
  }

  static CreateTableRequest provisioned(String name, long read, long write) {
    return CreateTableRequest.builder().tableName(name).keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S))
        .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write))
        .build();
  }

  static String message(Runnable call) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return e.awsErrorDetails().errorMessage();
  }
}
