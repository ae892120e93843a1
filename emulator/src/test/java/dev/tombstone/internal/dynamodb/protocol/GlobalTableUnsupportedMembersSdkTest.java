package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableSettingsReplicationMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The global table members Tombstone cannot honour without replicas (replica creation, update
 * and deletion with their TableClassOverride, MRSC witnesses, multi-account settings
 * replication) are refused naming the member, after the model's constraints, and change
 * nothing; until the twenty-ninth session they were dropped without a word.
 */
class GlobalTableUnsupportedMembersSdkTest {
  static final String NOT_SUPPORTED = " is not supported by Tombstone: it keeps no replicas or"
      + " witnesses, every table is a regional table in the emulator's one region";
  static final String NOTHING = "At least one of ProvisionedThroughput, BillingMode,"
      + " UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates,"
      + " MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency,"
      + " DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is"
      + " required";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void regionalTable() {
    dynamo.createTable(b -> b.tableName("music").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  private void assertUnchanged() {
    TableDescription table = dynamo.describeTable(b -> b.tableName("music")).table();
    assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    assertThat(table.hasReplicas()).isFalse();
    assertThat(table.hasGlobalTableWitnesses()).isFalse();
    assertThat(table.globalTableSettingsReplicationMode()).isNull();
    assertThat(table.tableClassSummary()).isNull();
  }

  @Test
  void replicaCreateUpdateDelete_areNotSupported_aloneOrBesideAnotherChange() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(ReplicationGroupUpdate.builder().create(c -> c.regionName("us-west-2")
            .tableClassOverride(TableClass.STANDARD_INFREQUENT_ACCESS)).build()))))
        .isEqualTo("ReplicaUpdates Create" + NOT_SUPPORTED);
    // Beside another change the replica update was dropped and the change applied.
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .replicaUpdates(ReplicationGroupUpdate.builder().update(u -> u.regionName("us-west-2")
            .tableClassOverride(TableClass.STANDARD)).build()))))
        .isEqualTo("ReplicaUpdates Update" + NOT_SUPPORTED);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(ReplicationGroupUpdate.builder().delete(d -> d.regionName("us-west-2"))
            .build())))).isEqualTo("ReplicaUpdates Delete" + NOT_SUPPORTED);
    assertUnchanged();
  }

  @Test
  void replicaUpdates_followTheModel_first() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(ReplicationGroupUpdate.builder().create(c -> c
            .tableClassOverride("COLD")).build()))))
        .isEqualTo("2 validation errors detected: Value null at"
            + " 'replicaUpdates.1.member.create.regionName' failed to satisfy constraint: Member"
            + " must not be null; Value 'COLD' at 'replicaUpdates.1.member.create"
            + ".tableClassOverride' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [STANDARD, STANDARD_INFREQUENT_ACCESS]");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(ReplicationGroupUpdate.builder().build()))))
        .isEqualTo("One or more parameter values were invalid: One of"
            + " ReplicationGroupUpdate.Create, ReplicationGroupUpdate.Update,"
            + " ReplicationGroupUpdate.Delete, ReplicationGroupUpdate.Disassociate must not be"
            + " null");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(ReplicationGroupUpdate.builder().create(c -> c.regionName("us-west-2"))
            .delete(d -> d.regionName("us-west-2")).build()))))
        .isEqualTo("One or more parameter values were invalid: Only one replica action is"
            + " allowed per ReplicationGroupUpdate object");
    assertUnchanged();
  }

  @Test
  void emptyLists_askForNothing_alone_andAreRefusedBesideAChange() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(List.of()).globalTableWitnessUpdates(List.of())))).isEqualTo(NOTHING);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(List.of()).deletionProtectionEnabled(true))))
        .isEqualTo("One or more parameter values were invalid: List of ReplicaUpdates is empty");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .globalTableWitnessUpdates(List.of()).deletionProtectionEnabled(true))))
        .isEqualTo("One or more parameter values were invalid: List of"
            + " GlobalTableWitnessUpdates is empty");
    assertThat(dynamo.describeTable(b -> b.tableName("music")).table()
        .deletionProtectionEnabled()).isFalse();
  }

  @Test
  void witnessUpdates_areNotSupported() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .globalTableWitnessUpdates(GlobalTableWitnessGroupUpdate.builder()
            .create(c -> c.regionName("us-east-2")).build()))))
        .isEqualTo("GlobalTableWitnessUpdates" + NOT_SUPPORTED);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .globalTableWitnessUpdates(GlobalTableWitnessGroupUpdate.builder()
            .delete(d -> d.build()).build()))))
        .isEqualTo("1 validation error detected: Value null at"
            + " 'globalTableWitnessUpdates.1.member.delete.regionName' failed to satisfy"
            + " constraint: Member must not be null");
    assertUnchanged();
  }

  @Test
  void multiRegionConsistency_besideAnotherChange_isNotSupported_andChangesNothing() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .multiRegionConsistency(MultiRegionConsistency.STRONG))))
        .isEqualTo("MultiRegionConsistency" + NOT_SUPPORTED);
    assertUnchanged();
  }

  @Test
  void settingsReplicationMode_onUpdateTable_isNotSupported() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .globalTableSettingsReplicationMode(GlobalTableSettingsReplicationMode.ENABLED))))
        .isEqualTo("GlobalTableSettingsReplicationMode" + NOT_SUPPORTED);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .globalTableSettingsReplicationMode("ON")))).isEqualTo("1 validation error detected:"
            + " Value 'ON' at 'globalTableSettingsReplicationMode' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_OVERRIDES]");
    assertUnchanged();
  }

  @Test
  void createTable_fromAGlobalTableSource_isNotSupported_andCreatesNothing() {
    CreateTableRequest.Builder replica = CreateTableRequest.builder().tableName("replica")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id",
            ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST);

    assertThat(validationMessage(() -> dynamo.createTable(replica.copy()
        .globalTableSourceArn("arn:aws:dynamodb:us-west-2:111122223333:table/replica")
        .globalTableSettingsReplicationMode(GlobalTableSettingsReplicationMode.ENABLED)
        .build()))).isEqualTo("GlobalTableSourceArn" + NOT_SUPPORTED);
    assertThat(validationMessage(() -> dynamo.createTable(replica.copy()
        .globalTableSettingsReplicationMode(GlobalTableSettingsReplicationMode.ENABLED)
        .build()))).isEqualTo("GlobalTableSettingsReplicationMode" + NOT_SUPPORTED);
    assertThat(validationMessage(() -> dynamo.createTable(replica.copy()
        .globalTableSettingsReplicationMode("ON").build())))
        .isEqualTo("1 validation error detected: Value 'ON' at"
            + " 'globalTableSettingsReplicationMode' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_OVERRIDES]");
    assertThat(dynamo.listTables().tableNames()).containsExactly("music");
  }
}
