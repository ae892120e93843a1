package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;

/**
 * UpdateTable of API 2011-12-05 over raw HTTP: the new units in both dialects' descriptions,
 * the dates of the last increase and decrease (from either dialect's UpdateTable), and the
 * refusals, which change nothing.
 */
class Legacy2011UpdateTableTest {
  static final String UT_2011 = "DynamoDB_20111205.UpdateTable";
  static final String DT_2011 = "DynamoDB_20111205.DescribeTable";
  static final String VAL = Legacy2011VectorsTest.VAL;
  /** 2026-03-01T08:00:00Z, the table's creation, in the 2011 descriptions' epoch seconds. */
  static final String CREATED = "1772352000.000";

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final ManualClock clock = ManualClock.allowingBackward(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final DynamoDbClient sdk = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void compTable() {
    clock.set(START);
    Wire.Response created = wire.post("DynamoDB_20111205.CreateTable", "{\"TableName\":"
        + "\"comp1\",\"KeySchema\":{\"HashKeyElement\":{\"AttributeName\":\"user\","
        + "\"AttributeType\":\"S\"},\"RangeKeyElement\":{\"AttributeName\":\"time\","
        + "\"AttributeType\":\"N\"}},\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,"
        + "\"WriteCapacityUnits\":10}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
  }

  @Test
  void documentedSample_answersTheNewUnits_activeAndDatedAsAnIncrease() {
    clock.advance(Duration.ofHours(1));

    Wire.Response response = wire.post(UT_2011, "{\"TableName\":\"comp1\","
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":15}}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"TableDescription\":{\"CreationDateTime\":"
        + CREATED + ",\"KeySchema\":{\"HashKeyElement\":{\"AttributeName\":\"user\","
        + "\"AttributeType\":\"S\"},\"RangeKeyElement\":{\"AttributeName\":\"time\","
        + "\"AttributeType\":\"N\"}},\"ProvisionedThroughput\":{\"LastIncreaseDateTime\":"
        + "1772355600.000,\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":15},\"TableName\":"
        + "\"comp1\",\"TableStatus\":\"ACTIVE\"}}");
  }

  @Test
  void newUnits_areWhatBothDialectsDescribe() {
    wire.post(UT_2011, "{\"TableName\":\"comp1\","
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":20,\"WriteCapacityUnits\":2}}");

    String legacy = wire.post(DT_2011, "{\"TableName\":\"comp1\"}").body();
    ProvisionedThroughputDescription current =
        sdk.describeTable(b -> b.tableName("comp1")).table().provisionedThroughput();

    assertThat(legacy).contains("\"ProvisionedThroughput\":{\"LastDecreaseDateTime\":"
        + CREATED + ",\"LastIncreaseDateTime\":" + CREATED
        + ",\"ReadCapacityUnits\":20,\"WriteCapacityUnits\":2}");
    assertThat(current.readCapacityUnits()).isEqualTo(20L);
    assertThat(current.writeCapacityUnits()).isEqualTo(2L);
  }

  @Test
  void tableNeverUpdated_hasNoDates_andADecreaseKeepsTheEarlierIncreasesDate() {
    assertThat(wire.post(DT_2011, "{\"TableName\":\"comp1\"}").body())
        .contains("\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":10}");
    wire.post(UT_2011, "{\"TableName\":\"comp1\","
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":6,\"WriteCapacityUnits\":10}}");
    clock.advance(Duration.ofMinutes(30));

    wire.post(UT_2011, "{\"TableName\":\"comp1\","
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":6,\"WriteCapacityUnits\":1}}");

    assertThat(wire.post(DT_2011, "{\"TableName\":\"comp1\"}").body())
        .contains("\"ProvisionedThroughput\":{\"LastDecreaseDateTime\":1772353800.000,"
            + "\"LastIncreaseDateTime\":" + CREATED + ",\"ReadCapacityUnits\":6,"
            + "\"WriteCapacityUnits\":1}");
  }

  @Test
  void currentApisUpdateTable_isDatedToo() {
    clock.advance(Duration.ofHours(1));

    sdk.updateTable(b -> b.tableName("comp1")
        .provisionedThroughput(p -> p.readCapacityUnits(50L).writeCapacityUnits(10L)));

    assertThat(wire.post(DT_2011, "{\"TableName\":\"comp1\"}").body())
        .contains("\"ProvisionedThroughput\":{\"LastIncreaseDateTime\":1772355600.000,"
            + "\"ReadCapacityUnits\":50,\"WriteCapacityUnits\":10}");
  }

  @Test
  void tableCreatedAgainUnderItsName_startsWithoutDates() {
    wire.post(UT_2011, "{\"TableName\":\"comp1\","
        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":50,\"WriteCapacityUnits\":50}}");
    wire.post("DynamoDB_20111205.DeleteTable", "{\"TableName\":\"comp1\"}");

    compTable();

    assertThat(wire.post(DT_2011, "{\"TableName\":\"comp1\"}").body())
        .contains("\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":10}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "missing table|{\"TableName\":\"nope\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,"
          + "\"WriteCapacityUnits\":1}}|com.amazonaws.dynamodb.v20111205#"
          + "ResourceNotFoundException|Requested resource not found: Table: nope not found",
      "same units as now|{\"TableName\":\"comp1\",\"ProvisionedThroughput\":"
          + "{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":10}}|" + VAL + "|The provisioned"
          + " throughput for the table will not change. The requested value equals the current"
          + " value. Current ReadCapacityUnits provisioned for the table: 5. Requested"
          + " ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 10."
          + " Requested WriteCapacityUnits: 10. Refer to the Amazon DynamoDB Developer Guide for"
          + " current limits and how to request higher limits.",
      "no throughput|{\"TableName\":\"comp1\"}|" + VAL + "|1 validation error detected: Value"
          + " null at 'provisionedThroughput' failed to satisfy constraint: Member must not be"
          + " null",
      "no table name|{\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,"
          + "\"WriteCapacityUnits\":1}}|" + VAL + "|1 validation error detected: Value null at"
          + " 'tableName' failed to satisfy constraint: Member must not be null",
      "unit missing and unit zero|{\"TableName\":\"comp1\",\"ProvisionedThroughput\":"
          + "{\"ReadCapacityUnits\":0}}|" + VAL + "|2 validation errors detected: Value null at"
          + " 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member"
          + " must not be null; Value '0' at 'provisionedThroughput.readCapacityUnits' failed to"
          + " satisfy constraint: Member must have value greater than or equal to 1",
      "units beyond any bound|{\"TableName\":\"comp1\",\"ProvisionedThroughput\":"
          + "{\"ReadCapacityUnits\":1000000000001,\"WriteCapacityUnits\":1}}|" + VAL + "|Given"
          + " value 1000000000001 for ReadCapacityUnits is out of bounds",
      "units above the table quota|{\"TableName\":\"comp1\",\"ProvisionedThroughput\":"
          + "{\"ReadCapacityUnits\":40001,\"WriteCapacityUnits\":1}}|com.amazonaws.dynamodb."
          + "v20111205#LimitExceededException|The requested ReadCapacityUnits, 40001, is above"
          + " the per table maximum for the account in us-east-1. Per table maximum: 40000."
          + " Refer to the Amazon DynamoDB Developer Guide for current limits and how to request"
          + " higher limits.",
  })
  void refusal_answersTheError_andChangesNothing(String why, String body, String type,
      String message) {
    Wire.Response response = wire.post(UT_2011, body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body())).isEqualTo(new ErrorBody(type, message));
    assertThat(wire.post(DT_2011, "{\"TableName\":\"comp1\"}").body())
        .contains("\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":10}");
  }

  @Test
  void throughputOfTheWrongJsonType_isSerializationException() {
    Wire.Response response = wire.post(UT_2011,
        "{\"TableName\":\"comp1\",\"ProvisionedThroughput\":[]}");

    assertThat(ErrorBody.parse(response.body()).type())
        .isEqualTo("com.amazon.coral.service#SerializationException");
  }
}
