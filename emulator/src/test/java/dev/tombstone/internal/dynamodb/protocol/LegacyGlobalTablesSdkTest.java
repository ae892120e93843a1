package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ReplicaUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The legacy global table operations (version 2017.11.29), SDK v2 over HTTP, in an account
 * whose tables are all regional. The texts are AWS's as the ack-api-quirks catalogue recorded
 * them in 2026 (DDB-GLOBALTABLE-001 to -004, DDB-GLOBALTABLESETTINGS-001, DDB-TABLE-457).
 */
class LegacyGlobalTablesSdkTest {
  static final String VERSION = "One or more parameter values were invalid: DynamoDB global"
      + " tables version 2017.11.29 is not supported. We recommend using DynamoDB global tables"
      + " version 2019.11.21, instead of version 2017.11.29 (Legacy).";
  static final String NAME_LENGTH =
      "TableName must be at least 3 characters long and at most 255 characters long";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();
  String region;

  @BeforeEach
  void streamEnabledTable() {
    String arn = dynamo.createTable(b -> b.tableName("orders")
        .billingMode(BillingMode.PAY_PER_REQUEST).keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .streamSpecification(s -> s.streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
        .tableDescription().tableArn();
    region = arn.split(":")[3];
  }

  static DynamoDbException error(Runnable call, String code) {
    DynamoDbException e = catchThrowableOfType(call::run, DynamoDbException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    return e;
  }

  static String validation(Runnable call) {
    return error(call, "ValidationException").awsErrorDetails().errorMessage();
  }

  static String notFound(Runnable call) {
    DynamoDbException e = error(call, "GlobalTableNotFoundException");
    assertThat(e).isInstanceOf(GlobalTableNotFoundException.class);
    return e.awsErrorDetails().errorMessage();
  }

  TableDescription orders() {
    return dynamo.describeTable(b -> b.tableName("orders")).table();
  }

  @Test
  void listGlobalTables_listsNone_forTheDefault_aRegion_aLimit_andAStartName() {
    ListGlobalTablesResponse all = dynamo.listGlobalTables(b -> { });
    ListGlobalTablesResponse inRegion = dynamo.listGlobalTables(b -> b.regionName(region));
    ListGlobalTablesResponse paged = dynamo.listGlobalTables(
        b -> b.limit(1).exclusiveStartGlobalTableName("orders"));

    for (ListGlobalTablesResponse response : new ListGlobalTablesResponse[] {all, inRegion,
        paged}) {
      assertThat(response.hasGlobalTables()).isTrue();
      assertThat(response.globalTables()).isEmpty();
      assertThat(response.lastEvaluatedGlobalTableName()).isNull();
    }
  }

  @Test
  void listGlobalTables_ofARegionAwsDoesNotKnow_listsNone_ratherThanAServerError() {
    assertThat(dynamo.listGlobalTables(b -> b.regionName("us-fake-9")).globalTables()).isEmpty();
  }

  @Test
  void listGlobalTables_withALimitBelowOne_breaksTheModel() {
    assertThat(validation(() -> dynamo.listGlobalTables(b -> b.limit(0))))
        .isEqualTo("1 validation error detected: Value '0' at 'limit' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1");
  }

  @Test
  void describeGlobalTable_ofARegionalTableOrAMissingName_isGlobalTableNotFound() {
    assertThat(notFound(() -> dynamo.describeGlobalTable(b -> b.globalTableName("orders"))))
        .isEqualTo("Global table not found: Global table with name: 'orders' does not exist.");
    assertThat(notFound(() -> dynamo.describeGlobalTable(b -> b.globalTableName("nope"))))
        .isEqualTo("Global table not found: Global table with name: 'nope' does not exist.");
  }

  @Test
  void describeGlobalTableSettings_ofARegionalTableOrAMissingName_isGlobalTableNotFound() {
    assertThat(notFound(() -> dynamo.describeGlobalTableSettings(
        b -> b.globalTableName("orders"))))
        .isEqualTo("Global table with name: 'orders' does not exist.");
    assertThat(notFound(() -> dynamo.describeGlobalTableSettings(
        b -> b.globalTableName("nope"))))
        .isEqualTo("Global table with name: 'nope' does not exist.");
  }

  @Test
  void aNameOfTheWrongLength_hasTheLegacyOperationsOwnText() {
    String tooLong = "t".repeat(256);

    assertThat(validation(() -> dynamo.describeGlobalTable(b -> b.globalTableName(""))))
        .isEqualTo(NAME_LENGTH);
    assertThat(validation(() -> dynamo.describeGlobalTableSettings(b -> b.globalTableName(""))))
        .isEqualTo(NAME_LENGTH);
    assertThat(validation(() -> dynamo.describeGlobalTable(b -> b.globalTableName(tooLong))))
        .isEqualTo(NAME_LENGTH);
    assertThat(validation(() -> dynamo.updateGlobalTableSettings(
        b -> b.globalTableName("ab").globalTableBillingMode(BillingMode.PAY_PER_REQUEST))))
        .isEqualTo(NAME_LENGTH);
  }

  @Test
  void aMissingName_breaksTheModel() {
    assertThat(validation(() -> dynamo.describeGlobalTable(b -> { })))
        .isEqualTo("1 validation error detected: Value null at 'globalTableName' failed to"
            + " satisfy constraint: Member must not be null");
    assertThat(validation(() -> dynamo.createGlobalTable(b -> { })))
        .isEqualTo("2 validation errors detected: Value null at 'globalTableName' failed to"
            + " satisfy constraint: Member must not be null; Value null at 'replicationGroup'"
            + " failed to satisfy constraint: Member must not be null");
  }

  @Test
  void createGlobalTable_isRefusedForItsVersion_whateverTheRegions_andChangesNothing() {
    assertThat(validation(() -> dynamo.createGlobalTable(b -> b.globalTableName("orders")
        .replicationGroup(r -> r.regionName(region))))).isEqualTo(VERSION);
    assertThat(validation(() -> dynamo.createGlobalTable(b -> b.globalTableName("orders")
        .replicationGroup(r -> r.regionName(region), r -> r.regionName("eu-west-1")))))
        .isEqualTo(VERSION);
    // Checked before any table is looked up: a missing table meets the same refusal.
    assertThat(validation(() -> dynamo.createGlobalTable(b -> b.globalTableName("nope")
        .replicationGroup(r -> r.regionName(region))))).isEqualTo(VERSION);

    assertThat(orders().globalTableVersion()).isNull();
    assertThat(orders().hasReplicas()).isFalse();
    assertThat(notFound(() -> dynamo.describeGlobalTable(b -> b.globalTableName("orders"))))
        .contains("'orders'");
    assertThat(dynamo.listGlobalTables(b -> { }).globalTables()).isEmpty();
  }

  @Test
  void updateGlobalTable_delete_findsNoGlobalTable() {
    assertThat(notFound(() -> dynamo.updateGlobalTable(b -> b.globalTableName("orders")
        .replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1"))))))
        .isEqualTo("Global table with name: 'orders' does not exist.");
  }

  @Test
  void updateGlobalTable_create_isRefusedForItsVersion_beforeTheNameIsLookedUp() {
    assertThat(validation(() -> dynamo.updateGlobalTable(b -> b.globalTableName("nope")
        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))))).isEqualTo(VERSION);
    assertThat(validation(() -> dynamo.updateGlobalTable(b -> b.globalTableName("orders")
        .replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1")),
            u -> u.create(c -> c.regionName("eu-west-2")))))).isEqualTo(VERSION);
    assertThat(orders().hasReplicas()).isFalse();
  }

  @Test
  void updateGlobalTable_withoutOneActionPerUpdate_isInvalidWithoutDetail() {
    String bare = "One or more parameter values were invalid";

    assertThat(validation(() -> dynamo.updateGlobalTable(b -> b.globalTableName("orders")
        .replicaUpdates(new ReplicaUpdate[0])))).isEqualTo(bare);
    assertThat(validation(() -> dynamo.updateGlobalTable(b -> b.globalTableName("orders")
        .replicaUpdates(u -> { })))).isEqualTo(bare);
  }

  @Test
  void updateGlobalTable_anActionWithoutItsRegion_breaksTheModel() {
    assertThat(validation(() -> dynamo.updateGlobalTable(b -> b.globalTableName("orders")
        .replicaUpdates(u -> u.delete(d -> { }))))).isEqualTo("1 validation error detected:"
            + " Value null at 'replicaUpdates.1.member.delete.regionName' failed to satisfy"
            + " constraint: Member must not be null");
  }

  @Test
  void updateGlobalTableSettings_findsNoGlobalTable_forABillingModeOrAReplicaUpdate() {
    assertThat(notFound(() -> dynamo.updateGlobalTableSettings(b -> b.globalTableName("orders")
        .globalTableBillingMode(BillingMode.PROVISIONED))))
        .isEqualTo("Global table with name: 'orders' does not exist.");
    assertThat(notFound(() -> dynamo.updateGlobalTableSettings(b -> b.globalTableName("nope")
        .replicaSettingsUpdate(r -> r.regionName(region).replicaProvisionedReadCapacityUnits(5L)))))
        .isEqualTo("Global table with name: 'nope' does not exist.");
  }

  @Test
  void updateGlobalTableSettings_breakingTheModel_isReportedFirst() {
    assertThat(validation(() -> dynamo.updateGlobalTableSettings(b -> b.globalTableName("orders")
        .replicaSettingsUpdate(r -> { })))).isEqualTo("1 validation error detected: Value null"
            + " at 'replicaSettingsUpdate.1.member.regionName' failed to satisfy constraint:"
            + " Member must not be null");
    assertThat(validation(() -> dynamo.updateGlobalTableSettings(b -> b.globalTableName("orders")
        .globalTableProvisionedWriteCapacityUnits(0L)
        .globalTableProvisionedWriteCapacityAutoScalingSettingsUpdate(a -> a.minimumUnits(0L)))))
        .isEqualTo("2 validation errors detected: Value '0' at"
            + " 'globalTableProvisionedWriteCapacityUnits' failed to satisfy constraint: Member"
            + " must have value greater than or equal to 1; Value '0' at"
            + " 'globalTableProvisionedWriteCapacityAutoScalingSettingsUpdate.minimumUnits'"
            + " failed to satisfy constraint: Member must have value greater than or equal to 1");
    assertThat(validation(() -> dynamo.updateGlobalTableSettings(b -> b.globalTableName("orders")
        .globalTableGlobalSecondaryIndexSettingsUpdate(i -> i.indexName("by-date")
            .provisionedWriteCapacityUnits(5L))
        .replicaSettingsUpdate(r -> r.regionName(region).replicaTableClass("COLD")))))
        .isEqualTo("1 validation error detected: Value 'COLD' at"
            + " 'replicaSettingsUpdate.1.member.replicaTableClass' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [STANDARD, STANDARD_INFREQUENT_ACCESS]");
  }
}
