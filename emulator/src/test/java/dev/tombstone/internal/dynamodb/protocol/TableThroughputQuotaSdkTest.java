package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.CreateTableValidationSdkTest.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;

/**
 * A provisioned table above the per-table quota DescribeLimits reports (40,000 read and write
 * units) is refused with LimitExceededException and AWS's text, by CreateTable and UpdateTable
 * (the ack-api-quirks catalogue, DDB-TABLE-171 and -393, AWS 2026).
 */
class TableThroughputQuotaSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  static DynamoDbClient dynamo;

  @BeforeAll
  static void client() {
    dynamo = SdkClients.dynamoDbWithoutRetries(server.tombstone().endpoint());
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @Test
  void createTable_aboveTheQuota_isRefused_readsFirst_andCreatesNothing() {
    String region = regionOf(dynamo.createTable(provisioned("probe", 1L, 1L))
        .tableDescription().tableArn());

    assertThat(limitMessage(() -> dynamo.createTable(provisioned("big", 40_001L, 40_002L))))
        .isEqualTo(aboveQuota("ReadCapacityUnits", 40_001L, region));
    assertThat(limitMessage(() -> dynamo.createTable(provisioned("big", 40_000L, 1_000_000L))))
        .isEqualTo(aboveQuota("WriteCapacityUnits", 1_000_000L, region));
    assertThat(dynamo.listTables().tableNames()).containsExactly("probe");

    dynamo.createTable(provisioned("big", 40_000L, 40_000L));
    assertThat(dynamo.describeTable(b -> b.tableName("big")).table().provisionedThroughput()
        .readCapacityUnits()).isEqualTo(40_000L);
  }

  @Test
  void updateTable_aboveTheQuota_isRefused_andChangesNothing() {
    String region = regionOf(dynamo.createTable(provisioned("grow", 5L, 5L))
        .tableDescription().tableArn());

    assertThat(limitMessage(() -> dynamo.updateTable(b -> b.tableName("grow")
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(40_001L)))))
        .isEqualTo(aboveQuota("WriteCapacityUnits", 40_001L, region));
    ProvisionedThroughputDescription kept =
        dynamo.describeTable(b -> b.tableName("grow")).table().provisionedThroughput();
    assertThat(kept.readCapacityUnits()).isEqualTo(5L);
    assertThat(kept.writeCapacityUnits()).isEqualTo(5L);

    dynamo.updateTable(b -> b.tableName("grow")
        .provisionedThroughput(p -> p.readCapacityUnits(40_000L).writeCapacityUnits(5L)));
    assertThat(dynamo.describeTable(b -> b.tableName("grow")).table().provisionedThroughput()
        .readCapacityUnits()).isEqualTo(40_000L);
  }

  @Test
  void switchingToProvisioned_aboveTheQuota_isRefused() {
    String region = regionOf(dynamo.createTable(b -> b.tableName("flex")
        .keySchema(QuerySdkTest.key("id", software.amazon.awssdk.services.dynamodb.model.KeyType
            .HASH))
        .attributeDefinitions(QuerySdkTest.def("id",
            software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().tableArn());

    assertThat(limitMessage(() -> dynamo.updateTable(b -> b.tableName("flex")
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(50_000L).writeCapacityUnits(1L)))))
        .isEqualTo(aboveQuota("ReadCapacityUnits", 50_000L, region));
    assertThat(dynamo.describeTable(b -> b.tableName("flex")).table().billingModeSummary()
        .billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
  }

  private static String aboveQuota(String member, long units, String region) {
    return "The requested " + member + ", " + units + ", is above the per table maximum for"
        + " the account in " + region + ". Per table maximum: 40000. Refer to the Amazon"
        + " DynamoDB Developer Guide for current limits and how to request higher limits.";
  }

  private static String regionOf(String arn) {
    return arn.split(":")[3];
  }

  private static String limitMessage(ThrowingCallable call) {
    LimitExceededException e = catchThrowableOfType(LimitExceededException.class, call);
    assertThat(e).as("expected a LimitExceededException").isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e.awsErrorDetails().errorMessage();
  }
}
