package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DisassociationMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * UpdateTable's replica disassociation and disassociation protection, SDK v2 over HTTP.
 * Tombstone keeps no replicas, so the table in the emulator's region is always a regional table:
 * a Disassociate finds no replica to disassociate and disassociation protection has no replica
 * to protect. Both are refused, after the API reference's rules (the Disassociate action and the
 * protection change alone in their request), and the table, its settings and items stay.
 */
class GlobalTableMembersSdkTest {
  static final String PREFIX = "One or more parameter values were invalid: ";
  static final String ONLY_DISASSOCIATE =
      PREFIX + "The Disassociate action must be the only update in an UpdateTable request";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();
  String arn;
  String region;

  @BeforeEach
  void regionalTable() {
    arn = dynamo.createTable(b -> b.tableName("music").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().tableArn();
    region = arn.split(":")[3];
    dynamo.putItem(b -> b.tableName("music").item(Map.of("id", AttributeValue.fromS("a"))));
  }

  static ReplicationGroupUpdate disassociate(String region) {
    return ReplicationGroupUpdate.builder().disassociate(d -> d.regionName(region)
        .disassociationMode(DisassociationMode.WAIT_FOR_REPLICATION)).build();
  }

  private void assertUnchanged() {
    TableDescription table = dynamo.describeTable(b -> b.tableName("music")).table();
    assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
    assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    assertThat(table.hasReplicas()).isFalse();
    assertThat(table.globalTableVersion()).isNull();
    assertThat(table.disassociationProtectionEnabled()).isNull();
    assertThat(table.deletionProtectionEnabled()).isFalse();
    assertThat(dynamo.getItem(b -> b.tableName("music")
        .key(Map.of("id", AttributeValue.fromS("a")))).item()).containsKey("id");
  }

  @Test
  void disassociate_ofTheRegionalTable_findsNoReplica_byNameOrArn() {
    String expected = PREFIX + "Table music is not a replica of a global table (version"
        + " 2019.11.21, multi-Region eventual consistency): there is no replica to disassociate";

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(disassociate(region))))).isEqualTo(expected);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName(arn)
        .replicaUpdates(disassociate(region))))).isEqualTo(expected);
    assertUnchanged();
  }

  @Test
  void disassociate_ofAnotherRegion_namesTheLocalRegion() {
    String other = region.equals("eu-west-1") ? "us-east-1" : "eu-west-1";

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(disassociate(other))))).isEqualTo(PREFIX + "Disassociate can only"
            + " disassociate the local replica: RegionName must be the Region the request is sent"
            + " to (" + region + "), not " + other);
    assertUnchanged();
  }

  @Test
  void disassociate_besideAnyOtherUpdate_isRefusedBeforeTheTable_andNothingChanges() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .replicaUpdates(disassociate(region))))).isEqualTo(ONLY_DISASSOCIATE);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .deletionProtectionEnabled(true).replicaUpdates(disassociate(region)))))
        .isEqualTo(ONLY_DISASSOCIATE);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(disassociate(region),
            ReplicationGroupUpdate.builder().delete(d -> d.regionName("us-west-2")).build()))))
        .isEqualTo(ONLY_DISASSOCIATE);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .disassociationProtectionEnabled(false).replicaUpdates(disassociate(region)))))
        .isEqualTo(ONLY_DISASSOCIATE);
    // Refused for its shape, whatever the table: a missing one too.
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("missing")
        .deletionProtectionEnabled(true).replicaUpdates(disassociate(region)))))
        .isEqualTo(ONLY_DISASSOCIATE);
    assertUnchanged();
  }

  @Test
  void disassociate_ofAMissingTable_isResourceNotFound() {
    ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.updateTable(b -> b.tableName("missing")
            .replicaUpdates(disassociate(region))));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage()).contains("missing");
  }

  @Test
  void disassociate_membersFollowTheModel() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(ReplicationGroupUpdate.builder().disassociate(d -> d.regionName(region))
            .build())))).isEqualTo("1 validation error detected: Value null at"
                + " 'replicaUpdates.1.member.disassociate.disassociationMode' failed to satisfy"
                + " constraint: Member must not be null");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .replicaUpdates(ReplicationGroupUpdate.builder().disassociate(d -> d
            .disassociationMode("IMMEDIATE")).build())))).isEqualTo("2 validation errors"
                + " detected: Value null at 'replicaUpdates.1.member.disassociate.regionName'"
                + " failed to satisfy constraint: Member must not be null; Value 'IMMEDIATE' at"
                + " 'replicaUpdates.1.member.disassociate.disassociationMode' failed to satisfy"
                + " constraint: Member must satisfy enum value set: [WAIT_FOR_REPLICATION]");
    assertUnchanged();
  }

  @Test
  void disassociationProtection_ofTheRegionalTable_hasNoReplicaToProtect() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .disassociationProtectionEnabled(false)))).isEqualTo(PREFIX + "DisassociationProtection"
            + "Enabled applies only to the local replica of a global table (version 2019.11.21,"
            + " multi-Region eventual consistency), and table music is a regional table");
    ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.updateTable(b -> b.tableName("missing")
            .disassociationProtectionEnabled(true)));
    assertThat(e.awsErrorDetails().errorMessage()).contains("missing");
    assertUnchanged();
  }

  @Test
  void disassociationProtection_besideAnotherChange_isRefused_andNothingChanges() {
    String expected = PREFIX + "DisassociationProtectionEnabled cannot be combined with any"
        + " other change in an UpdateTable request";

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .disassociationProtectionEnabled(true).deletionProtectionEnabled(true))))
        .isEqualTo(expected);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("music")
        .disassociationProtectionEnabled(true).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)))))
        .isEqualTo(expected);
    assertUnchanged();
  }
}
