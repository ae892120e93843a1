package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Timestamp members (RestoreDateTime, ExportTime) written as no SDK writes them, as raw JSON: a
 * number no date fits is refused as a SerializationException at once, and a long fraction is
 * read to the millisecond. TableManagementFuzzTest found a RestoreDateTime with an exponent of
 * 33 million that took 18 seconds to refuse. (The SDK for Java v2 sends epoch milliseconds of a
 * long, all within range.)
 */
class TimestampRangeHttpTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String RESTORE = "DynamoDB_20120810.RestoreTableToPointInTime";
  static final String EXPORT = "DynamoDB_20120810.ExportTableToPointInTime";
  static final String NOT_A_DATE = "{\"__type\":\"com.amazon.coral.service#"
      + "SerializationException\",\"Message\":\"%s cannot be converted to Date\"}";

  ManualClock clock;
  Tombstone tombstone;
  DynamoDbClient dynamo;
  Wire wire;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    tombstone = Tombstone.builder().clock(clock).start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
    wire = new Wire(tombstone.endpoint());
    dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
    dynamo.updateContinuousBackups(b -> b.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    clock.advance(Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    dynamo.close();
    tombstone.close();
  }

  @Test
  void restoreDateTime_withAnExponentOfMillions_isRefusedAtOnce() {
    Wire.Response response = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> wire.post(RESTORE, "{\"SourceTableName\":\"orders\",\"TargetTableName\":\"copy\","
            + "\"RestoreDateTime\":-60452248823070465.975765501E33503487}"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(NOT_A_DATE.formatted("DECIMAL_VALUE"));
    assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
  }

  @Test
  void restoreDateTime_withALongFraction_isReadToTheMillisecond() {
    String halfAnHourAgo = Long.toString(START.plus(Duration.ofMinutes(30)).getEpochSecond());

    Wire.Response response = wire.post(RESTORE, "{\"SourceTableName\":\"orders\","
        + "\"TargetTableName\":\"copy\",\"RestoreDateTime\":" + halfAnHourAgo + ".25"
        + "9".repeat(500) + "}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(dynamo.describeTable(b -> b.tableName("copy")).table().restoreSummary()
        .restoreDateTime()).isEqualTo(START.plus(Duration.ofMinutes(30)).plusMillis(259));
  }

  @Test
  void exportTime_pastWhatTheEmulatorCanDate_isRefused_notWrappedIntoAnotherDate() {
    // 10^19 seconds: its milliseconds overflow a long, and wrapped named the year 59 million.
    Wire.Response response = wire.post(EXPORT, "{\"TableArn\":"
        + "\"arn:aws:dynamodb:us-east-1:000000000000:table/orders\",\"S3Bucket\":\"exports\","
        + "\"ExportTime\":10000000000000000000}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(NOT_A_DATE.formatted("NUMBER_VALUE"));
    assertThat(dynamo.listExports(b -> b.tableArn(
        "arn:aws:dynamodb:us-east-1:000000000000:table/orders")).exportSummaries()).isEmpty();
  }
}
