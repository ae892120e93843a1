package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Tags the SDK cannot send, as raw JSON: a tag without {@code Value}, without {@code Key}, or
 * empty. DynamoDB names the missing member {@code null} rather than failing a model constraint
 * (the ack-api-quirks catalogue, DDB-TABLE-107 and DDB-TABLE-457, 2026).
 */
class TagShapesHttpTest {
  static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  Wire wire;
  String arn;

  @BeforeEach
  void table() {
    wire = new Wire(tombstone.endpoint());
    arn = dynamo.createTable(b -> b.tableName("shapes").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().tableArn();
    dynamo.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("team").value("billing")));
  }

  @Test
  void aTagWithoutValue_namesTheValueNull() {
    assertRefused(tagResource("[{\"Key\":\"good\",\"Value\":\"1\"},{\"Key\":\"dog\"}]"),
        "The Tag Value provided is invalid, Value: null");
    assertTagsUnchanged();
  }

  @Test
  void anEmptyTag_orOneWithoutKey_namesTheKeyNull() {
    assertRefused(tagResource("[{}]"), "The Tag Key provided is invalid, Key: null");
    assertRefused(tagResource("[{\"Value\":\"v\"}]"), "The Tag Key provided is invalid, Key: null");
    assertTagsUnchanged();
  }

  @Test
  void untaggingAnEmptyKey_namesIt() {
    Wire.Response response = wire.post("DynamoDB_20120810.UntagResource",
        "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"\"]}");

    assertRefused(response, "The Tag Key provided is invalid, Key: ");
    assertTagsUnchanged();
  }

  @Test
  void createTable_withAnEmptyTag_orOneWithoutValue_createsNothing() {
    assertRefused(createTable("empty", "[{}]"), "The Tag Key provided is invalid, Key: null");
    assertRefused(createTable("novalue", "[{\"Key\":\"k\"}]"),
        "The Tag Value provided is invalid, Value: null");

    assertThat(tombstone.dynamoDb().tableNames()).containsExactly("shapes");
  }

  @Test
  void createTable_reportsItsOwnModelConstraints_beforeTheTags() {
    Wire.Response response = wire.post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"ab\","
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\",\"Tags\":[{}]}");

    assertRefused(response, "1 validation error detected: Value 'ab' at 'tableName' failed to"
        + " satisfy constraint: Member must have length greater than or equal to 3");
  }

  private Wire.Response tagResource(String tags) {
    return wire.post("DynamoDB_20120810.TagResource",
        "{\"ResourceArn\":\"" + arn + "\",\"Tags\":" + tags + "}");
  }

  private Wire.Response createTable(String name, String tags) {
    return wire.post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"" + name + "\","
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\",\"Tags\":" + tags + "}");
  }

  private static void assertRefused(Wire.Response response, String message) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"__type\":\"" + VALIDATION + "\",\"message\":\"" + message + "\"}");
  }

  private void assertTagsUnchanged() {
    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
        .singleElement().satisfies(tag -> {
          assertThat(tag.key()).isEqualTo("team");
          assertThat(tag.value()).isEqualTo("billing");
        });
  }
}
