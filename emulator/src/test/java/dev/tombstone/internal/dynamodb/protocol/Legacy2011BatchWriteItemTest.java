package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * BatchWriteItem of API 2011-12-05 over raw HTTP, its writes checked through the current API
 * (SDK v2): puts, deletes of present and missing items with their units, and refused batches
 * that write nothing.
 */
class Legacy2011BatchWriteItemTest {
  static final String BWI_2011 = "DynamoDB_20111205.BatchWriteItem";
  static final String RNF_2011 = Legacy2011ProtocolTest.RNF_2011;
  static final String VAL = Legacy2011VectorsTest.VAL;
  /** Deletes Mingus from comp-table: every refused batch below carries it, and must keep him. */
  static final String DELETE_MINGUS = "{\"DeleteRequest\":{\"Key\":{\"HashKeyElement\":"
      + "{\"S\":\"Mingus\"},\"RangeKeyElement\":{\"N\":\"200\"}}}}";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient sdk = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void fixtures() {
    Fixtures.create(tombstone.dynamoDb());
  }

  @Test
  void documentedSample_putsAndDeletes_andCountsAUnitForTheMissingItemsDelete() {
    createTable("Reply", "Id", "ReplyDateTime");
    createTable("Thread", "ForumName", "Subject");

    Wire.Response response = wire.post(BWI_2011, "{\"RequestItems\":{\"Reply\":["
        + "{\"PutRequest\":{\"Item\":{\"ReplyDateTime\":{\"S\":\"2012-04-03T11:04:47.034Z\"},"
        + "\"Id\":{\"S\":\"DynamoDB#DynamoDB Thread 5\"}}}},"
        + "{\"DeleteRequest\":{\"Key\":{\"HashKeyElement\":{\"S\":\"DynamoDB#DynamoDB Thread 4\"},"
        + "\"RangeKeyElement\":{\"S\":\"oops - accidental row\"}}}}],"
        + "\"Thread\":[{\"PutRequest\":{\"Item\":{\"ForumName\":{\"S\":\"DynamoDB\"},"
        + "\"Subject\":{\"S\":\"DynamoDB Thread 5\"}}}}]}}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"Responses\":{\"Reply\":{\"ConsumedCapacityUnits\":2},"
        + "\"Thread\":{\"ConsumedCapacityUnits\":1}},\"UnprocessedItems\":{}}");
    GetItemResponse thread = sdk.getItem(b -> b.tableName("Thread").consistentRead(true)
        .key(Map.of("ForumName", s("DynamoDB"), "Subject", s("DynamoDB Thread 5"))));
    assertThat(thread.item()).containsEntry("Subject", s("DynamoDB Thread 5"));
    assertThat(sdk.scan(b -> b.tableName("Reply")).items()).containsExactly(Map.of(
        "Id", s("DynamoDB#DynamoDB Thread 5"), "ReplyDateTime", s("2012-04-03T11:04:47.034Z")));
  }

  @Test
  void deletesItemsTheCurrentApiWrote_andPutsItReadsBack() {
    sdk.putItem(b -> b.tableName(Fixtures.T3).item(Map.of("bucket", s("b"),
        "object_key", s("k1"), "size", AttributeValue.fromN("10"))));

    Wire.Response response = wire.post(BWI_2011, "{\"RequestItems\":{\"" + Fixtures.T3 + "\":["
        + "{\"DeleteRequest\":{\"Key\":{\"HashKeyElement\":{\"S\":\"b\"},"
        + "\"RangeKeyElement\":{\"S\":\"k1\"}}}},"
        + "{\"PutRequest\":{\"Item\":{\"bucket\":{\"S\":\"b\"},\"object_key\":{\"S\":\"k2\"},"
        + "\"tags\":{\"SS\":[\"x\",\"y\"]},\"data\":{\"B\":\"AAE=\"}}}}],"
        + "\"" + Fixtures.T1 + "\":[{\"DeleteRequest\":{\"Key\":{\"HashKeyElement\":"
        + "{\"S\":\"user002\"}}}}]}}");

    assertThat(response.body()).isEqualTo("{\"Responses\":{\"" + Fixtures.T3 + "\":"
        + "{\"ConsumedCapacityUnits\":2},\"" + Fixtures.T1 + "\":{\"ConsumedCapacityUnits\":1}},"
        + "\"UnprocessedItems\":{}}");
    assertThat(sdk.scan(b -> b.tableName(Fixtures.T3)).items()).containsExactly(Map.of(
        "bucket", s("b"), "object_key", s("k2"), "tags", AttributeValue.fromSs(List.of("x", "y")),
        "data", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(
            new byte[] {0, 1}))));
    assertThat(sdk.scan(b -> b.tableName(Fixtures.T1)).items())
        .extracting(item -> item.get("UserId").s()).containsExactlyInAnyOrder("user001", "user003");
  }

  @Test
  void deletesOfMissingItemsOnly_succeed_andEachCostsAUnit() {
    Wire.Response response = wire.post(BWI_2011, "{\"RequestItems\":{\"" + Fixtures.T1 + "\":["
        + IntStream.range(0, 3).mapToObj(i -> "{\"DeleteRequest\":{\"Key\":{\"HashKeyElement\":"
            + "{\"S\":\"nobody" + i + "\"}}}}").collect(Collectors.joining(",")) + "]}}");

    assertThat(response.body()).isEqualTo("{\"Responses\":{\"" + Fixtures.T1 + "\":"
        + "{\"ConsumedCapacityUnits\":3}},\"UnprocessedItems\":{}}");
    assertThat(tombstone.dynamoDb().items(Fixtures.T1)).hasSize(3);
  }

  /**
   * Each request carries the delete of Mingus (a valid write), so a refused batch shows it wrote
   * nothing. {@code FAULT} is the faulty part, put beside it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "table that does not exist|\"comp-table\":[MINGUS],\"nope\":[{\"PutRequest\":{\"Item\":"
          + "{\"k\":{\"S\":\"v\"}}}}]|" + RNF_2011 + "|Requested resource not found",
      "BOOL in an item|\"comp-table\":[MINGUS],\"compare-yourself\":[{\"PutRequest\":{\"Item\":"
          + "{\"UserId\":{\"S\":\"u9\"},\"b\":{\"BOOL\":true}}}}]|" + VAL + "|"
          + AttributeValueDecoder.EMPTY,
      "NULL in an item|\"comp-table\":[MINGUS],\"compare-yourself\":[{\"PutRequest\":{\"Item\":"
          + "{\"UserId\":{\"S\":\"u9\"},\"n\":{\"NULL\":true}}}}]|" + VAL + "|"
          + AttributeValueDecoder.EMPTY,
      "M in an item|\"comp-table\":[MINGUS],\"compare-yourself\":[{\"PutRequest\":{\"Item\":"
          + "{\"UserId\":{\"S\":\"u9\"},\"m\":{\"M\":{}}}}}]|" + VAL + "|"
          + AttributeValueDecoder.EMPTY,
      "L in a key|\"comp-table\":[MINGUS],\"compare-yourself\":[{\"DeleteRequest\":{\"Key\":"
          + "{\"HashKeyElement\":{\"L\":[]}}}}]|" + VAL + "|" + AttributeValueDecoder.EMPTY,
      "same item put and deleted|\"comp-table\":[MINGUS,{\"PutRequest\":{\"Item\":{\"user\":"
          + "{\"S\":\"Mingus\"},\"time\":{\"N\":\"200\"}}}}]|" + VAL
          + "|Provided list of item keys contains duplicates",
      "key without its range element|\"comp-table\":[MINGUS,{\"DeleteRequest\":{\"Key\":"
          + "{\"HashKeyElement\":{\"S\":\"Dooley\"}}}}]|" + VAL
          + "|The provided key element does not match the schema",
      "key of the wrong type|\"comp-table\":[MINGUS],\"compare-yourself\":[{\"DeleteRequest\":"
          + "{\"Key\":{\"HashKeyElement\":{\"N\":\"1\"}}}}]|" + VAL
          + "|The provided key element does not match the schema",
      "item without its range key|\"comp-table\":[MINGUS,{\"PutRequest\":{\"Item\":{\"user\":"
          + "{\"S\":\"Dooley\"}}}}]|" + VAL + "|The provided key element does not match the schema",
      "neither put nor delete|\"comp-table\":[MINGUS,{}]|" + VAL + "|"
          + AttributeValueDecoder.SEVERAL,
      "put and delete in one request|\"comp-table\":[MINGUS],\"compare-yourself\":["
          + "{\"PutRequest\":{\"Item\":{\"UserId\":{\"S\":\"u9\"}}},\"DeleteRequest\":{\"Key\":"
          + "{\"HashKeyElement\":{\"S\":\"u9\"}}}}]|" + VAL + "|" + AttributeValueDecoder.SEVERAL,
      "put without its item|\"comp-table\":[MINGUS,{\"PutRequest\":{}}]|" + VAL + "|1 validation"
          + " error detected: Value null at 'requestItems.comp-table.member.2.member."
          + "putRequest.item' failed to satisfy constraint: Member must not be null",
      "table name the pattern refuses|\"comp-table\":[MINGUS],\"x!\":[MINGUS]|" + VAL
          + "|1 validation error detected: Value at 'requestItems' failed to satisfy constraint:"
          + " Map keys must satisfy constraint: [Member must have length less than or equal to"
          + " 255, Member must have length greater than or equal to 3, Member must satisfy"
          + " regular expression pattern: [a-zA-Z0-9_.-]+]",
      "table with no writes|\"comp-table\":[MINGUS],\"compare-yourself\":[]|" + VAL
          + "|1 validation error detected: Value at 'requestItems' failed to satisfy constraint:"
          + " Map value must satisfy constraint: [Member must have length less than or equal to"
          + " 25, Member must have length greater than or equal to 1]",
  })
  void refusedBatch_answersTheError_andWritesNothing(String why, String requestItems,
      String type, String message) {
    Wire.Response response = wire.post(BWI_2011,
        "{\"RequestItems\":{" + requestItems.replace("MINGUS", DELETE_MINGUS) + "}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(type, message));
    assertUnchanged();
  }

  @Test
  void moreThan25WritesInAll_isTooManyItems_andWritesNothing() {
    Wire.Response response = wire.post(BWI_2011, "{\"RequestItems\":{\"comp-table\":["
        + DELETE_MINGUS + "],\"compare-yourself\":[" + puts(25) + "]}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(VAL,
        "Too many items requested for the BatchWriteItem call"));
    assertUnchanged();
  }

  @Test
  void moreThan25WritesForOneTable_isTheListConstraint() {
    Wire.Response response = wire.post(BWI_2011,
        "{\"RequestItems\":{\"compare-yourself\":[" + puts(26) + "]}}");

    assertThat(ErrorBody.parse(response.body()).message()).endsWith("Map value must satisfy"
        + " constraint: [Member must have length less than or equal to 25, Member must have"
        + " length greater than or equal to 1]");
    assertUnchanged();
  }

  @Test
  void itemOverTheCurrentApisSizeLimit_isRefused_andWritesNothing() {
    Wire.Response response = wire.post(BWI_2011, "{\"RequestItems\":{\"comp-table\":["
        + DELETE_MINGUS + "],\"compare-yourself\":[{\"PutRequest\":{\"Item\":{\"UserId\":"
        + "{\"S\":\"u9\"},\"data\":{\"S\":\"" + "x".repeat(410 * 1024) + "\"}}}}]}}");

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(VAL,
        "Item size has exceeded the maximum allowed size"));
    assertUnchanged();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "{}|1 validation error detected: Value null at 'requestItems' failed to satisfy"
          + " constraint: Member must not be null",
      "{\"RequestItems\":{}}|1 validation error detected: Value at 'RequestItems' failed to"
          + " satisfy constraint: Member must have length greater than or equal to 1",
  })
  void missingOrEmptyRequestItems_isValidationError(String body, String message) {
    Wire.Response response = wire.post(BWI_2011, body);

    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(VAL, message));
  }

  @Test
  void requestItemsOfTheWrongJsonType_isSerializationException() {
    Wire.Response response = wire.post(BWI_2011, "{\"RequestItems\":[]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body()).type())
        .isEqualTo("com.amazon.coral.service#SerializationException");
    assertUnchanged();
  }

  private void assertUnchanged() {
    assertThat(tombstone.dynamoDb().getItem(Fixtures.T2, Legacy2011VectorsTest.MINGUS))
        .isPresent();
    assertThat(tombstone.dynamoDb().items(Fixtures.T1)).hasSize(3);
  }

  private static String puts(int count) {
    return IntStream.range(0, count).mapToObj(i -> "{\"PutRequest\":{\"Item\":{\"UserId\":"
        + "{\"S\":\"new" + i + "\"}}}}").collect(Collectors.joining(","));
  }

  private void createTable(String name, String hash, String range) {
    Wire.Response created = wire.post("DynamoDB_20111205.CreateTable", "{\"TableName\":\"" + name
        + "\",\"KeySchema\":{\"HashKeyElement\":{\"AttributeName\":\"" + hash + "\","
        + "\"AttributeType\":\"S\"},\"RangeKeyElement\":{\"AttributeName\":\"" + range + "\","
        + "\"AttributeType\":\"S\"}},\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,"
        + "\"WriteCapacityUnits\":5}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
