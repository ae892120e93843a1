package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API 2011-12-05 over raw HTTP: the documented sample (flow C), errors, companion operations. */
class Legacy2011ProtocolTest {
  static final String PREFIX = "DynamoDB_20111205.";
  static final String RNF_2011 = "com.amazonaws.dynamodb.v20111205#ResourceNotFoundException";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void fixtures() {
    Fixtures.create(tombstone.dynamoDb());
  }

  @Test
  void documentedSample_deletesMingus_andAnswersAsDocumented() {
    String sample = "{\"TableName\":\"comp-table\",\n    \"Key\":\n        {\"HashKeyElement\":"
        + "{\"S\":\"Mingus\"},\"RangeKeyElement\":{\"N\":\"200\"}},\n    \"Expected\":\n        "
        + "{\"status\":{\"Value\":{\"S\":\"shopping\"}}},\n    \"ReturnValues\":\"ALL_OLD\"\n}";

    Wire.Response response = wire.post(PREFIX + "DeleteItem", sample);

    assertThat(response.status()).isEqualTo(200);
    assertThat(JsonTrees.parse(response.body()))
        .isEqualTo(JsonTrees.parse(Legacy2011VectorsTest.MINGUS_DELETED));
    assertThat(response.body()).endsWith(",\"ConsumedCapacityUnits\":1}");
    assertThat(tombstone.dynamoDb().getItem(Fixtures.T2, Legacy2011VectorsTest.MINGUS)).isEmpty();
  }

  @Test
  void deleteItem_onMissingTable_isResourceNotFoundWithThe2011Prefix() {
    Wire.Response response = wire.post(PREFIX + "DeleteItem",
        "{\"TableName\":\"nope\",\"Key\":{\"HashKeyElement\":{\"S\":\"x\"}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(
        "{\"__type\":\"" + RNF_2011 + "\",\"message\":\"Requested resource not found\"}");
  }

  @Test
  void malformedBody_isSerializationException_andChangesNothing() {
    Wire.Response response = wire.post(PREFIX + "DeleteItem", "{\"TableName\":");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    assertThat(tombstone.dynamoDb().getItem(Fixtures.T2, Legacy2011VectorsTest.MINGUS))
        .isPresent();
  }

  @Test
  void unknown2011Operation_isUnknownOperationException() {
    Wire.Response response = wire.post(PREFIX + "TransactWriteItems", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(DynamoDbApiVectorsTest.UNKNOWN);
  }

  @Test
  void existsFalseWithValue_isValidationError() {
    Wire.Response response = wire.post(PREFIX + "DeleteItem", "{\"TableName\":\"comp-table\","
        + "\"Key\":{\"HashKeyElement\":{\"S\":\"Mingus\"},\"RangeKeyElement\":{\"N\":\"200\"}},"
        + "\"Expected\":{\"status\":{\"Exists\":false,\"Value\":{\"S\":\"x\"}}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "One or more parameter values were invalid: Value cannot be"
            + " used when Exists is false for Attribute: status"));
  }

  @Test
  void typesUnknownIn2011_areEmptyAttributeValues() {
    Wire.Response response = wire.post(PREFIX + "DeleteItem", "{\"TableName\":\"comp-table\","
        + "\"Key\":{\"HashKeyElement\":{\"BOOL\":true},\"RangeKeyElement\":{\"N\":\"200\"}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, AttributeValueDecoder.EMPTY));
  }

  @Test
  void tableLifecycleAndItems_in2011Shapes() {
    String created = wire.post(PREFIX + "CreateTable", "{\"TableName\":\"legacy\",\"KeySchema\":"
        + "{\"HashKeyElement\":{\"AttributeName\":\"user\",\"AttributeType\":\"S\"},"
        + "\"RangeKeyElement\":{\"AttributeName\":\"time\",\"AttributeType\":\"N\"}},"
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":10}}").body();
    assertThat(created).contains("\"KeySchema\":{\"HashKeyElement\":{\"AttributeName\":\"user\","
        + "\"AttributeType\":\"S\"},\"RangeKeyElement\":{\"AttributeName\":\"time\","
        + "\"AttributeType\":\"N\"}},\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,"
        + "\"WriteCapacityUnits\":10},\"TableName\":\"legacy\",\"TableStatus\":\"ACTIVE\"");

    Wire.Response put = wire.post(PREFIX + "PutItem", "{\"TableName\":\"legacy\",\"Item\":"
        + "{\"user\":{\"S\":\"a\"},\"time\":{\"N\":\"1\"},\"x\":{\"SS\":[\"y\"]}}}");
    Wire.Response get = wire.post(PREFIX + "GetItem", "{\"TableName\":\"legacy\",\"Key\":"
        + "{\"HashKeyElement\":{\"S\":\"a\"},\"RangeKeyElement\":{\"N\":\"1\"}}}");
    Wire.Response scan = wire.post(PREFIX + "Scan", "{\"TableName\":\"legacy\",\"Limit\":1}");
    Wire.Response describe = wire.post(PREFIX + "DescribeTable", "{\"TableName\":\"legacy\"}");
    Wire.Response list = wire.post(PREFIX + "ListTables", "{}");

    assertThat(put.body()).isEqualTo("{\"ConsumedCapacityUnits\":1}");
    assertThat(JsonTrees.parse(get.body())).isEqualTo(JsonTrees.parse("{\"Item\":{\"user\":"
        + "{\"S\":\"a\"},\"time\":{\"N\":\"1\"},\"x\":{\"SS\":[\"y\"]}},"
        + "\"ConsumedCapacityUnits\":0.5}"));
    assertThat(JsonTrees.parse(scan.body())).isEqualTo(JsonTrees.parse("{\"Count\":1,\"Items\":"
        + "[{\"user\":{\"S\":\"a\"},\"time\":{\"N\":\"1\"},\"x\":{\"SS\":[\"y\"]}}],"
        + "\"LastEvaluatedKey\":{\"HashKeyElement\":{\"S\":\"a\"},\"RangeKeyElement\":"
        + "{\"N\":\"1\"}},\"ScannedCount\":1,\"ConsumedCapacityUnits\":0.5}"));
    assertThat(describe.body()).contains("\"ItemCount\":1", "\"TableStatus\":\"ACTIVE\"");
    assertThat(list.body()).contains("\"legacy\"", "\"comp-table\"");
    assertThat(tombstone.dynamoDb().getItem("legacy", Map.of("user", s("a"), "time", n("1"))))
        .isPresent();

    Wire.Response deleted = wire.post(PREFIX + "DeleteTable", "{\"TableName\":\"legacy\"}");
    assertThat(deleted.body()).contains("\"TableStatus\":\"DELETING\"");
    assertThat(tombstone.dynamoDb().hasTable("legacy")).isFalse();
  }

  @Test
  void createTable_withoutThroughput_isValidationError() {
    Wire.Response response = wire.post(PREFIX + "CreateTable", "{\"TableName\":\"legacy\","
        + "\"KeySchema\":{\"HashKeyElement\":{\"AttributeName\":\"user\",\"AttributeType\":\"S\"}}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(
        Legacy2011VectorsTest.VAL, "1 validation error detected: Value null at"
            + " 'provisionedThroughput' failed to satisfy constraint: Member must not be null"));
    assertThat(tombstone.dynamoDb().hasTable("legacy")).isFalse();
  }
}
