package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A structure member given a list names its shape; a structure inside a list or a map given a
 * scalar is an unexpected value type, as for an AttributeValue (dynalite's AWS-derived
 * test/createTable.js, updateTable.js, batchWriteItem.js, transactWriteItem.js, tagResource.js
 * and updateTimeToLive.js, the "is not a struct" serialization cases). Nothing is created.
 */
class StructureMemberTypesHttpTest {
  static final String KEYS = "\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
      + "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}]";
  static final String COLLECTION = "Unrecognized collection type class"
      + " com.amazonaws.dynamodb.v20120810.";
  static final String VALUE = "Unexpected value type in payload";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Wire wire = new Wire(server.tombstone().endpoint());

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("CreateTable", "{\"TableName\":\"abc\"," + KEYS
            + ",\"ProvisionedThroughput\":[]}", COLLECTION + "ProvisionedThroughput"),
        Arguments.of("CreateTable", "{\"TableName\":\"abc\",\"KeySchema\":[\"x\"]}", VALUE),
        Arguments.of("CreateTable", "{\"TableName\":\"abc\",\"AttributeDefinitions\":[true]}",
            VALUE),
        Arguments.of("CreateTable", "{\"TableName\":\"abc\",\"GlobalSecondaryIndexes\":[1]}",
            VALUE),
        Arguments.of("CreateTable", "{\"TableName\":\"abc\",\"LocalSecondaryIndexes\":"
            + "[{\"IndexName\":\"abc\",\"Projection\":[]}]}", COLLECTION + "Projection"),
        Arguments.of("CreateTable", "{\"TableName\":\"abc\",\"LocalSecondaryIndexes\":"
            + "[{\"KeySchema\":[[]]}]}", COLLECTION + "KeySchemaElement"),
        Arguments.of("UpdateTable", "{\"TableName\":\"abc\",\"GlobalSecondaryIndexUpdates\":"
            + "[\"x\"]}", VALUE),
        Arguments.of("UpdateTable", "{\"TableName\":\"abc\",\"GlobalSecondaryIndexUpdates\":"
            + "[[]]}", COLLECTION + "GlobalSecondaryIndexUpdate"),
        Arguments.of("UpdateTable", "{\"TableName\":\"abc\",\"GlobalSecondaryIndexUpdates\":"
            + "[{\"Create\":[]}]}", COLLECTION + "CreateGlobalSecondaryIndexAction"),
        Arguments.of("UpdateTable", "{\"TableName\":\"abc\",\"GlobalSecondaryIndexUpdates\":"
            + "[{\"Update\":[]}]}", COLLECTION + "UpdateGlobalSecondaryIndexAction"),
        Arguments.of("UpdateTable", "{\"TableName\":\"abc\",\"GlobalSecondaryIndexUpdates\":"
            + "[{\"Delete\":[]}]}", COLLECTION + "DeleteGlobalSecondaryIndexAction"),
        Arguments.of("UpdateTable", "{\"TableName\":\"abc\",\"GlobalSecondaryIndexUpdates\":"
            + "[{\"Update\":{\"ProvisionedThroughput\":[]}}]}",
            COLLECTION + "ProvisionedThroughput"),
        Arguments.of("UpdateTimeToLive", "{\"TableName\":\"abc\","
            + "\"TimeToLiveSpecification\":[]}", COLLECTION + "TimeToLiveSpecification"),
        Arguments.of("TagResource", "{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:1:table/abc\","
            + "\"Tags\":[\"x\"]}", VALUE),
        Arguments.of("BatchWriteItem", "{\"RequestItems\":{\"abc\":[\"x\"]}}", VALUE),
        Arguments.of("BatchWriteItem", "{\"RequestItems\":{\"abc\":[{\"PutRequest\":[]}]}}",
            COLLECTION + "PutRequest"),
        Arguments.of("BatchWriteItem", "{\"RequestItems\":{\"abc\":[{\"DeleteRequest\":[]}]}}",
            COLLECTION + "DeleteRequest"),
        Arguments.of("BatchGetItem", "{\"RequestItems\":{\"abc\":\"x\"}}", VALUE),
        Arguments.of("TransactWriteItems", "{\"TransactItems\":[{\"Put\":[]}]}",
            COLLECTION + "Put"),
        Arguments.of("TransactWriteItems", "{\"TransactItems\":[{\"Update\":[]}]}",
            COLLECTION + "Update"),
        Arguments.of("BatchWriteItem", "{\"RequestItems\":{\"abc\":\"x\"}}",
            Members.PARAMETERIZED_CAST),
        Arguments.of("BatchGetItem", "{\"RequestItems\":{\"abc\":{\"Keys\":[23]}}}",
            Members.PARAMETERIZED_CAST),
        Arguments.of("BatchGetItem", "{\"RequestItems\":{\"abc\":{\"Keys\":[[]]}}}",
            "Unrecognized collection type java.util.Map<java.lang.String,"
                + " com.amazonaws.dynamodb.v20120810.AttributeValue>"),
        Arguments.of("UpdateItem", "{\"TableName\":\"abc\",\"Key\":{\"a\":{\"S\":\"b\"}},"
            + "\"AttributeUpdates\":{\"a\":\"x\"}}", VALUE));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void answersDynamoDbsSerializationText(String operation, String body, String message) {
    Wire.Response response = wire.post("DynamoDB_20120810." + operation, body);

    assertThat(response.status()).isEqualTo(400);
    ErrorBody error = ErrorBody.parse(response.body());
    assertThat(error.type()).endsWith("SerializationException");
    assertThat(error.message()).isEqualTo(message);
    assertThat(server.tombstone().dynamoDb().hasTable("abc")).isFalse();
  }

  @Test
  void aStructureMemberGivenAScalar_isAnUnexpectedFieldType() {
    Wire.Response response = wire.post("DynamoDB_20120810.CreateTable",
        "{\"TableName\":\"abc\"," + KEYS + ",\"ProvisionedThroughput\":\"x\"}");

    assertThat(ErrorBody.parse(response.body()).message()).isEqualTo("Unexpected field type");
  }
}
