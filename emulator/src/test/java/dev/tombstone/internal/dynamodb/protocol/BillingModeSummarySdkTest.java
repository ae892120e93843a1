package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DescribeTable's BillingModeSummary: when the table last became PAY_PER_REQUEST, kept with
 * the current mode after a switch to PROVISIONED; absent for a table never on demand.
 * DeleteTable answers the same summary.
 */
class BillingModeSummarySdkTest {
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  private final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void onDemandTable_switchedToProvisioned_keepsTheSummaryWithTheNewMode() {
    create("ondemand", BillingMode.PAY_PER_REQUEST);
    clock.advance(Duration.ofHours(2));

    dynamo.updateTable(b -> b.tableName("ondemand").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));

    BillingModeSummary summary = summary("ondemand");
    assertThat(summary.billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(summary.lastUpdateToPayPerRequestDateTime()).isEqualTo(START);
  }

  @Test
  void provisionedTable_switchedToOnDemand_reportsTheSwitchTime() {
    create("provisioned", BillingMode.PROVISIONED);
    assertThat(summary("provisioned")).isNull();
    Instant switched = clock.advance(Duration.ofDays(1));

    dynamo.updateTable(b -> b.tableName("provisioned").billingMode(BillingMode.PAY_PER_REQUEST));

    BillingModeSummary summary = summary("provisioned");
    assertThat(summary.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(summary.lastUpdateToPayPerRequestDateTime()).isEqualTo(switched);
  }

  @Test
  void deleteTable_answersTheSummaryDescribeTableAnswers() {
    create("deleted", BillingMode.PAY_PER_REQUEST);
    BillingModeSummary described = summary("deleted");

    BillingModeSummary deleted = dynamo.deleteTable(b -> b.tableName("deleted"))
        .tableDescription().billingModeSummary();

    assertThat(deleted).isEqualTo(described);
    assertThat(deleted.lastUpdateToPayPerRequestDateTime()).isEqualTo(START);
  }

  @Test
  void deleteTable_ofATableNeverOnDemand_hasNoSummary() {
    create("neverondemand", BillingMode.PROVISIONED);

    assertThat(dynamo.deleteTable(b -> b.tableName("neverondemand")).tableDescription()
        .billingModeSummary()).isNull();
  }

  private void create(String name, BillingMode mode) {
    dynamo.createTable(b -> {
      b.tableName(name).billingMode(mode)
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S));
      if (mode == BillingMode.PROVISIONED) {
        b.provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L));
      }
    });
  }

  private BillingModeSummary summary(String name) {
    return dynamo.describeTable(b -> b.tableName(name)).table().billingModeSummary();
  }
}
