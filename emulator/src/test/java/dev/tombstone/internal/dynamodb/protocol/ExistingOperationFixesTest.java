package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The fixes of issue 13 to operations that already existed, each as a new user met it: through
 * the SDK where the SDK can send it, on the raw wire where only a hand-made body can.
 */
class ExistingOperationFixesTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("things").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void createTable_refusesAnAttributeDefinedTwice() {
    assertThat(validationMessage(() -> dynamo.createTable(b -> b.tableName("twice")
        .keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("id", ScalarAttributeType.N))
        .billingMode(BillingMode.PAY_PER_REQUEST))))
        .isEqualTo("Attribute Name is duplicated: id");
    assertThat(tombstone.dynamoDb().hasTable("twice")).isFalse();
  }

  @Test
  void createTable_keyAttributeNames_upTo255Characters() {
    String ok = "k".repeat(255);
    dynamo.createTable(b -> b.tableName("long255").keySchema(key(ok, KeyType.HASH))
        .attributeDefinitions(def(ok, ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    String tooLong = "k".repeat(256);

    assertThat(validationMessage(() -> dynamo.createTable(b -> b.tableName("long256")
        .keySchema(key(tooLong, KeyType.HASH))
        .attributeDefinitions(def(tooLong, ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST))))
        .isEqualTo("Names of key attributes and attributes projected into an index must be"
            + " between 1 and 255 characters, inclusive");
  }

  @Test
  void deleteTable_answersInItsDocumentedShape() {
    DeleteTableResponse response = dynamo.deleteTable(b -> b.tableName("things"));

    assertThat(response.tableDescription().tableName()).isEqualTo("things");
    assertThat(response.tableDescription().tableStatusAsString()).isEqualTo("DELETING");
    assertThat(response.tableDescription().hasKeySchema()).isFalse();
    assertThat(response.tableDescription().hasAttributeDefinitions()).isFalse();
    assertThat(response.tableDescription().creationDateTime()).isNull();
    assertThat(response.tableDescription().itemCount()).isZero();
  }

  @Test
  void attributeNames_upTo65535Bytes_areStored_longerAndEmptyAreRefused() {
    String longName = "n".repeat(65_535);
    dynamo.putItem(b -> b.tableName("things").item(Map.of("id", s("a"), longName, s("v"))));
    assertThat(dynamo.getItem(b -> b.tableName("things").key(Map.of("id", s("a")))).item())
        .containsKey(longName);

    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("things")
        .item(Map.of("id", s("b"), longName + "n", s("v"))))))
        .isEqualTo("Attribute name is too large, must be less than 65536 bytes");
    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("things")
        .item(Map.of("id", s("c"), "", s("v"))))))
        .isEqualTo("Empty attribute name");
    assertThat(tombstone.dynamoDb().items("things")).hasSize(1);
  }

  @Test
  void tooLargeItem_toAMissingTable_reportsTheSizeFirst() {
    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("missing")
        .item(Map.of("id", s("a"), "big", s("x".repeat(410_000)))))))
        .isEqualTo("Item size has exceeded the maximum allowed size");
  }

  @Test
  void base64WithBitsPastTheLastByte_isASerializationError() {
    Wire.Response response = wire.post("DynamoDB_20120810.PutItem",
        "{\"TableName\":\"things\",\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"B\":\"+/+=\"}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body()).type()).isEqualTo(DynamoDbApiVectorsTest.SER);
    assertThat(ErrorBody.parse(response.body()).message())
        .isEqualTo("Invalid last non-pad Base64 character dectected");
    assertThat(wire.post("DynamoDB_20120810.PutItem",
        "{\"TableName\":\"things\",\"Item\":{\"id\":{\"S\":\"a\"},\"b\":{\"B\":\"+/+A\"}}}")
        .status()).isEqualTo(200);
  }

  @Test
  void projectionIntoAKeyAttribute_isRefused() {
    assertThat(validationMessage(() -> dynamo.getItem(b -> b.tableName("things")
        .key(Map.of("id", s("a"))).projectionExpression("id[0]"))))
        .isEqualTo("Key attributes must be scalars; list random access '[]' and map lookup '.'"
            + " are not allowed: Key: id");
  }

  @Test
  void numberOf39DigitsInExpressionAttributeValues_isReportedAsDynamoDbDoes() {
    // condition-expressions.md §2.9 (E03), corrected 2026-12; DeleteItem adds the envelope
    // (paritysuite/dynamodb-conformance valueLayers.test.ts, 2026-10).
    assertThat(validationMessage(() -> dynamo.deleteItem(b -> b.tableName("things")
        .key(Map.of("id", s("a"))).conditionExpression("n < :v")
        .expressionAttributeValues(Map.of(":v",
            AttributeValue.fromN("10.0000000000000000000000000000000000001"))))))
        .isEqualTo("1 validation error detected: Attempting to store more than 38 significant"
            + " digits in a Number");
  }

  @Test
  void query_withEmptyKeyConditions_isAValidationError_notAnInternalError() {
    Wire.Response response = wire.post("DynamoDB_20120810.Query",
        "{\"TableName\":\"things\",\"KeyConditions\":{}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "Conditions can be of length 1 or 2 only"));
  }
}
