package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The current API's {@code ProvisionedThroughput} descriptions of a table and its global index:
 * the dates of the last increase and decrease, the decreases of the UTC day on the emulator's
 * clock, and the daily limit on decreases, over HTTP with the SDK v2.
 */
class ThroughputChangeDatesSdkTest {
  private static final Instant START = Instant.parse("2026-10-08T22:00:00Z");
  private static final ManualClock clock = ManualClock.allowingBackward(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  // Sends each request once: the SDK retries a LimitExceededException as throttling.
  static DynamoDbClient dynamo;
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeAll
  static void client() {
    dynamo = SdkClients.dynamoDbWithoutRetries(server.tombstone().endpoint());
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @BeforeEach
  void provisionedTableWithIndex() {
    clock.set(START);
    dynamo.createTable(b -> b.tableName("orders")
        .keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("state", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(50L).writeCapacityUnits(50L))
        .globalSecondaryIndexes(g -> g.indexName("byState").keySchema(key("state", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .provisionedThroughput(p -> p.readCapacityUnits(50L).writeCapacityUnits(50L))));
  }

  @Test
  void tableNeverUpdated_describesNoDates_andNoDecreases() {
    clock.advance(Duration.ofHours(1));

    String body = wire.post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"orders\"}")
        .body();

    String units = "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,"
        + "\"ReadCapacityUnits\":50,\"WriteCapacityUnits\":50}";
    assertThat(body).contains("\"CreationDateTime\":1791496800.000," + units + ",")
        .contains("\"IndexStatus\":\"ACTIVE\"," + units + ",")
        .doesNotContain("LastIncreaseDateTime").doesNotContain("LastDecreaseDateTime");
  }

  @Test
  void increaseThenDecrease_areDated_inTheAnswerAndLaterDescriptions() {
    clock.advance(Duration.ofMinutes(10));
    ProvisionedThroughputDescription raised = tableUnits(60, 60);
    clock.advance(Duration.ofMinutes(10));

    ProvisionedThroughputDescription lowered = tableUnits(40, 40);

    assertThat(raised.lastIncreaseDateTime()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    assertThat(raised.lastDecreaseDateTime()).isNull();
    assertThat(raised.numberOfDecreasesToday()).isZero();
    assertThat(lowered.lastIncreaseDateTime()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    assertThat(lowered.lastDecreaseDateTime()).isEqualTo(START.plus(Duration.ofMinutes(20)));
    assertThat(lowered.numberOfDecreasesToday()).isEqualTo(1L);
    assertThat(described()).isEqualTo(lowered);
    assertThat(wire.post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"orders\"}").body())
        .contains("\"ProvisionedThroughput\":{\"LastDecreaseDateTime\":1791498000.000,"
            + "\"LastIncreaseDateTime\":1791497400.000,\"NumberOfDecreasesToday\":1,"
            + "\"ReadCapacityUnits\":40,\"WriteCapacityUnits\":40}");
  }

  @Test
  void oneUnitUpAndTheOtherDown_isBothAnIncreaseAndOneDecrease() {
    ProvisionedThroughputDescription mixed = tableUnits(70, 30);

    assertThat(mixed.lastIncreaseDateTime()).isEqualTo(START);
    assertThat(mixed.lastDecreaseDateTime()).isEqualTo(START);
    assertThat(mixed.numberOfDecreasesToday()).isEqualTo(1L);
  }

  @Test
  void fifthDecreaseOfTheDay_isRefusedUntilAnHourAfterTheFourth_andChangesNothing() {
    for (int units = 49; units >= 46; units--) {
      tableUnits(units, units);
      clock.advance(Duration.ofMinutes(1));
    }
    clock.advance(Duration.ofMinutes(58));

    LimitExceededException refused = catchThrowableOfType(() -> tableUnits(45, 46),
        LimitExceededException.class);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Subscriber limit exceeded:"
        + " Provisioned throughput decreases are limited within a given UTC day. After the first"
        + " 4 decreases, each subsequent decrease in the same UTC day can be performed at most"
        + " once every 3600 seconds. Number of decreases today: 4. Last decrease at Thursday,"
        + " October 8, 2026 at 10:03:00 PM Coordinated Universal Time. Next decrease can be made"
        + " at Thursday, October 8, 2026 at 11:03:00 PM Coordinated Universal Time");
    ProvisionedThroughputDescription kept = described();
    assertThat(kept.readCapacityUnits()).isEqualTo(46L);
    assertThat(kept.numberOfDecreasesToday()).isEqualTo(4L);
    assertThat(kept.lastDecreaseDateTime()).isEqualTo(Instant.parse("2026-10-08T22:03:00Z"));
    // An increase is never limited; a mixed change with a falling unit is a decrease.
    assertThat(tableUnits(47, 47).numberOfDecreasesToday()).isEqualTo(4L);
    catchThrowableOfType(() -> tableUnits(48, 46), LimitExceededException.class);

    clock.set(Instant.parse("2026-10-08T23:03:00Z"));
    assertThat(tableUnits(45, 45).numberOfDecreasesToday()).isEqualTo(5L);
    clock.advance(Duration.ofMinutes(5));
    assertThat(catchThrowableOfType(() -> tableUnits(44, 44), LimitExceededException.class)
        .awsErrorDetails().errorMessage()).endsWith("Number of decreases today: 5. Last decrease"
            + " at Thursday, October 8, 2026 at 11:03:00 PM Coordinated Universal Time. Next"
            + " decrease can be made at Friday, October 9, 2026 at 12:00:00 AM Coordinated"
            + " Universal Time");
  }

  @Test
  void decreasesToday_resetAtMidnightUtc_keepingTheDates() {
    clock.set(Instant.parse("2026-10-08T23:20:00Z"));
    for (int units = 49; units >= 46; units--) {
      tableUnits(units, units);
    }
    assertThat(catchThrowableOfType(() -> tableUnits(45, 45), LimitExceededException.class)
        .awsErrorDetails().errorMessage()).endsWith("Next decrease can be made at Friday,"
            + " October 9, 2026 at 12:00:00 AM Coordinated Universal Time");
    clock.set(Instant.parse("2026-10-08T23:59:59.999Z"));
    assertThat(described().numberOfDecreasesToday()).isEqualTo(4L);

    clock.set(Instant.parse("2026-10-09T00:00:00Z"));

    ProvisionedThroughputDescription after = described();
    assertThat(after.numberOfDecreasesToday()).isZero();
    assertThat(after.lastDecreaseDateTime()).isEqualTo(Instant.parse("2026-10-08T23:20:00Z"));
    for (int units = 45; units >= 42; units--) {
      assertThat(tableUnits(units, units).numberOfDecreasesToday()).isEqualTo(50L - units - 4);
    }
  }

  @Test
  void indexThroughputUpdate_isDatedAndCountedApartFromTheTable() {
    clock.advance(Duration.ofMinutes(5));

    GlobalSecondaryIndexDescription index = indexUnits(30, 60).tableDescription()
        .globalSecondaryIndexes().get(0);

    ProvisionedThroughputDescription units = index.provisionedThroughput();
    assertThat(units.lastIncreaseDateTime()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(units.lastDecreaseDateTime()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(units.numberOfDecreasesToday()).isEqualTo(1L);
    assertThat(describedIndex()).isEqualTo(units);
    ProvisionedThroughputDescription table = described();
    assertThat(table.numberOfDecreasesToday()).isZero();
    assertThat(table.lastIncreaseDateTime()).isNull();
  }

  @Test
  void spentTableBudget_refusesATableAndIndexDecreaseAtomically_butNotTheIndexAlone() {
    for (int units = 49; units >= 46; units--) {
      tableUnits(units, units);
    }

    catchThrowableOfType(() -> dynamo.updateTable(b -> b.tableName("orders")
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .globalSecondaryIndexUpdates(indexUpdate(40, 40))), LimitExceededException.class);

    assertThat(describedIndex().readCapacityUnits()).isEqualTo(50L);
    assertThat(describedIndex().numberOfDecreasesToday()).isZero();
    for (int units = 40; units >= 37; units--) {
      indexUnits(units, units);
    }
    assertThat(describedIndex().numberOfDecreasesToday()).isEqualTo(4L);
    assertThat(catchThrowableOfType(() -> indexUnits(36, 36), LimitExceededException.class)
        .awsErrorDetails().errorMessage()).contains("Number of decreases today: 4.");
  }

  @Test
  void switchToOnDemand_keepsTheLastIncrease_forgetsTheDecreases_andBackStartsAfresh() {
    tableUnits(60, 60);
    for (int units = 59; units >= 56; units--) {
      tableUnits(units, units);
    }
    clock.advance(Duration.ofMinutes(1));

    ProvisionedThroughputDescription onDemand = dynamo.updateTable(b -> b.tableName("orders")
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().provisionedThroughput();

    assertThat(onDemand.readCapacityUnits()).isZero();
    assertThat(onDemand.lastIncreaseDateTime()).isEqualTo(START);
    assertThat(onDemand.lastDecreaseDateTime()).isNull();
    assertThat(onDemand.numberOfDecreasesToday()).isZero();
    assertThat(described()).isEqualTo(onDemand);

    clock.advance(Duration.ofMinutes(1));
    dynamo.updateTable(b -> b.tableName("orders").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(20L).writeCapacityUnits(20L))
        .globalSecondaryIndexUpdates(indexUpdate(20, 20)));
    assertThat(described().lastIncreaseDateTime()).isEqualTo(START);
    assertThat(described().lastDecreaseDateTime()).isNull();
    for (int units = 19; units >= 16; units--) {
      assertThat(tableUnits(units, units).numberOfDecreasesToday()).isEqualTo(20L - units);
    }
  }

  @Test
  void indexCreatedAgainUnderItsName_andTableCreatedAgain_startWithoutDates() {
    indexUnits(40, 40);
    dynamo.updateTable(b -> b.tableName("orders").globalSecondaryIndexUpdates(
        GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("byState")).build()));
    dynamo.updateTable(b -> b.tableName("orders")
        .attributeDefinitions(def("state", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
            .indexName("byState").keySchema(key("state", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .provisionedThroughput(p -> p.readCapacityUnits(40L).writeCapacityUnits(40L)))
            .build()));
    assertThat(describedIndex().lastDecreaseDateTime()).isNull();
    assertThat(describedIndex().numberOfDecreasesToday()).isZero();

    tableUnits(10, 10);
    String deleted = wire.post("DynamoDB_20120810.DeleteTable", "{\"TableName\":\"orders\"}")
        .body();
    assertThat(deleted).contains("\"ProvisionedThroughput\":{\"LastDecreaseDateTime\":"
        + "1791496800.000,\"NumberOfDecreasesToday\":1,\"ReadCapacityUnits\":10,"
        + "\"WriteCapacityUnits\":10}");
    provisionedTableWithIndex();
    assertThat(described().lastDecreaseDateTime()).isNull();
    assertThat(described().numberOfDecreasesToday()).isZero();
  }

  @Test
  void decreasesOfThe2011Api_countInTheSameBudget() {
    for (int units = 49; units >= 46; units--) {
      Wire.Response r = wire.post("DynamoDB_20111205.UpdateTable", "{\"TableName\":\"orders\","
          + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":" + units
          + ",\"WriteCapacityUnits\":50}}");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    Wire.Response refused = wire.post("DynamoDB_20111205.UpdateTable", "{\"TableName\":"
        + "\"orders\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":45,"
        + "\"WriteCapacityUnits\":50}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(refused.body()).type())
        .isEqualTo("com.amazonaws.dynamodb.v20111205#LimitExceededException");
    assertThat(described().numberOfDecreasesToday()).isEqualTo(4L);
    catchThrowableOfType(() -> tableUnits(45, 45), LimitExceededException.class);
  }

  private ProvisionedThroughputDescription tableUnits(long read, long write) {
    return dynamo.updateTable(b -> b.tableName("orders")
        .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)))
        .tableDescription().provisionedThroughput();
  }

  private software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse indexUnits(
      long read, long write) {
    return dynamo.updateTable(b -> b.tableName("orders")
        .globalSecondaryIndexUpdates(indexUpdate(read, write)));
  }

  private static GlobalSecondaryIndexUpdate indexUpdate(long read, long write) {
    return GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("byState")
        .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)))
        .build();
  }

  private ProvisionedThroughputDescription described() {
    return dynamo.describeTable(b -> b.tableName("orders")).table().provisionedThroughput();
  }

  private ProvisionedThroughputDescription describedIndex() {
    return dynamo.describeTable(b -> b.tableName("orders")).table().globalSecondaryIndexes()
        .get(0).provisionedThroughput();
  }
}
