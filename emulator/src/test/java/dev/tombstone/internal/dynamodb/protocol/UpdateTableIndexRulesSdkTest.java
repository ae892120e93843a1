package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * UpdateTable's global index rules with AWS's texts as the ack-api-quirks catalogue recorded them
 * in 2026 (DDB-TABLE-359, -162, -152, -164, -169).
 */
class UpdateTableIndexRulesSdkTest {
  private static final String PREFIX = "One or more parameter values were invalid: ";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  private static GlobalSecondaryIndex gsi(String name) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(key("g", KeyType.HASH))
        .projection(p -> p.projectionType(ProjectionType.ALL)).build();
  }

  private void onDemandWithIndex(String table) {
    dynamo.createTable(b -> b.tableName(table).keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("g", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).globalSecondaryIndexes(gsi("byG")));
  }

  private TableDescription describe(String table) {
    return dynamo.describeTable(b -> b.tableName(table)).table();
  }

  @Test
  void anEmptyIndexUpdateList_besideAnotherChange_isRefused() {
    onDemandWithIndex("empty-list");

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("empty-list")
        .globalSecondaryIndexUpdates(List.of()).deletionProtectionEnabled(true))))
        .isEqualTo(PREFIX + "List of GlobalSecondaryIndexUpdates is empty");
    assertThat(describe("empty-list").deletionProtectionEnabled()).isFalse();
  }

  @Test
  void aNewIndex_withoutAttributeDefinitions_isRefused() {
    onDemandWithIndex("no-definitions");

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("no-definitions")
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byC")
            .keySchema(key("c", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)))))))
        .isEqualTo(PREFIX + "AttributeDefinitions is not specified for index: byC");
  }

  @Test
  void switchingToProvisioned_needsThroughputForEveryIndex_andNewIndexesNeedIt_too() {
    onDemandWithIndex("switch");

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("switch")
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)))))
        .isEqualTo(PREFIX + "ProvisionedThroughput must be specified for index: byG");
    assertThat(describe("switch").billingModeSummary().billingMode())
        .isEqualTo(BillingMode.PAY_PER_REQUEST);

    dynamo.updateTable(b -> b.tableName("switch").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byG")
            .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)))));
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("switch")
        .attributeDefinitions(def("c", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byC")
            .keySchema(key("c", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)))))))
        .isEqualTo(PREFIX + "Both ReadCapacityUnits and WriteCapacityUnits must be specified for"
            + " index: byC");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("switch")
        .globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byG")
            .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)))))))
        .isEqualTo("The provisioned throughput for the index byG will not change. The requested"
            + " value equals the current value. Current ReadCapacityUnits provisioned for index"
            + " byG: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned"
            + " for index byG: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB"
            + " Developer Guide for current limits and how to request higher limits.");
  }

  @Test
  void aTwentyFirstIndex_isALimitHere() {
    List<GlobalSecondaryIndex> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(gsi("g" + (100 + i)));
    }
    dynamo.createTable(b -> b.tableName("full").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("g", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).globalSecondaryIndexes(twenty));
    GlobalSecondaryIndexUpdate create = GlobalSecondaryIndexUpdate.builder()
        .create(c -> c.indexName("one-more").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)))
        .build();

    LimitExceededException e = catchThrowableOfType(() -> dynamo.updateTable(b -> b
        .tableName("full").attributeDefinitions(def("g", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(create)), LimitExceededException.class);

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Subscriber limit exceeded: Number"
        + " of global secondary indexes exceeds per-table limit of 20");
    assertThat(describe("full").globalSecondaryIndexes()).hasSize(20);
  }
}
