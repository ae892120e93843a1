package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * UpdateTable takes one logical change per call, with AWS's texts and precedence as the
 * ack-api-quirks catalogue recorded them in 2026 (DDB-TABLE-433, -382, -174, -156, -456, -449).
 */
class UpdateTableCombinationsSdkTest {
  private static final String PREFIX = "One or more parameter values were invalid: ";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  private void onDemand(String name) {
    dynamo.createTable(b -> b.tableName(name).keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  private void provisioned(String name) {
    dynamo.createTable(b -> b.tableName(name).keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L)));
  }

  private TableDescription describe(String name) {
    return dynamo.describeTable(b -> b.tableName(name)).table();
  }

  @Test
  void deletionProtection_withAnotherChange_isRefusedAndNothingIsApplied() {
    onDemand("dp-stream");

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("dp-stream")
        .deletionProtectionEnabled(true)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))))
        .isEqualTo(PREFIX + "DeletionProtection modification must be the only operation in the"
            + " request");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("dp-stream")
        .deletionProtectionEnabled(true).billingMode(BillingMode.PAY_PER_REQUEST))))
        .isEqualTo(PREFIX + "DeletionProtection modification must be the only operation in the"
            + " request");
    TableDescription table = describe("dp-stream");
    assertThat(table.deletionProtectionEnabled()).isFalse();
    assertThat(table.streamSpecification()).isNull();
  }

  @Test
  void theMessageNamesEncryptionThenTableClassThenDeletionProtectionThenWarmThroughput() {
    onDemand("precedence");

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("precedence")
        .deletionProtectionEnabled(true).sseSpecification(s -> s.enabled(true)))))
        .isEqualTo(PREFIX + "Server-Side Encryption modification must be the only operation in"
            + " the request");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("precedence")
        .deletionProtectionEnabled(true).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS))))
        .isEqualTo(PREFIX + "TableClass modification must be the only operation in the request");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("precedence")
        .deletionProtectionEnabled(true).warmThroughput(w -> w.readUnitsPerSecond(13_000L)))))
        .isEqualTo(PREFIX + "DeletionProtection modification must be the only operation in the"
            + " request");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("precedence")
        .warmThroughput(w -> w.readUnitsPerSecond(13_000L))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))))
        .isEqualTo(PREFIX + "WarmThroughput must be the only operation in the request");
  }

  @Test
  void streamAndTableThroughput_cannotShareACall_evenOnAnIdleTable() {
    provisioned("iops-stream");

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("iops-stream")
        .provisionedThroughput(p -> p.readCapacityUnits(11L).writeCapacityUnits(11L))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))))
        .isEqualTo(PREFIX + "You cannot modify stream status while updating table IOPS");
    assertThat(describe("iops-stream").provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
  }

  @Test
  void aNewIndex_cannotShareACall_withThroughputStreamOrWarmThroughput() {
    provisioned("new-index");
    GlobalSecondaryIndexUpdate create = GlobalSecondaryIndexUpdate.builder()
        .create(c -> c.indexName("byA").keySchema(key("a", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)))
        .build();

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("new-index")
        .attributeDefinitions(def("a", ScalarAttributeType.S)).globalSecondaryIndexUpdates(create)
        .provisionedThroughput(p -> p.readCapacityUnits(11L).writeCapacityUnits(11L)))))
        .isEqualTo(PREFIX + "You cannot create or delete index while updating table IOPS");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("new-index")
        .attributeDefinitions(def("a", ScalarAttributeType.S)).globalSecondaryIndexUpdates(create)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))))
        .isEqualTo(PREFIX + "You cannot create or delete index while changing stream status");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("new-index")
        .attributeDefinitions(def("a", ScalarAttributeType.S)).globalSecondaryIndexUpdates(create)
        .warmThroughput(w -> w.readUnitsPerSecond(20L)))))
        .isEqualTo(PREFIX + "Create global secondary index cannot be specified when updating"
            + " WarmThroughput");
    assertThat(describe("new-index").globalSecondaryIndexes()).isEmpty();
  }

  @Test
  void onDemandBilling_withAStreamChange_isTakenAndBothApply() {
    provisioned("switch-and-stream");

    dynamo.updateTable(b -> b.tableName("switch-and-stream")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));

    TableDescription table = describe("switch-and-stream");
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
  }

  @Test
  void onDemandThroughput_comesAloneOrWithBillingMode() {
    onDemand("odt-stream");

    Wire.Response response = wire.post("DynamoDB_20120810.UpdateTable", "{\"TableName\":"
        + "\"odt-stream\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":100},"
        + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_IMAGE\"}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body()).message()).isEqualTo(PREFIX
        + "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
  }

  @Test
  void anEmptyWarmThroughput_besideAnotherChange_isTakenAsAbsent() {
    onDemand("empty-warm");

    dynamo.updateTable(b -> b.tableName("empty-warm").warmThroughput(w -> { })
        .deletionProtectionEnabled(true));

    assertThat(describe("empty-warm").deletionProtectionEnabled()).isTrue();
    Wire.Response alone = wire.post("DynamoDB_20120810.UpdateTable",
        "{\"TableName\":\"empty-warm\",\"WarmThroughput\":{}}");
    assertThat(alone.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(alone.body()).message()).isEqualTo(PREFIX + "WarmThroughput must"
        + " have at least one of ReadUnitsPerSecond or WriteUnitsPerSecond specified");
  }

  @Test
  void multiRegionConsistencyAlone_isLeftOutOfTheList() {
    onDemand("consistency");

    Wire.Response response = wire.post("DynamoDB_20120810.UpdateTable",
        "{\"TableName\":\"consistency\",\"MultiRegionConsistency\":\"EVENTUAL\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body()).message()).isEqualTo("At least one of"
        + " ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates,"
        + " SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn,"
        + " DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is"
        + " required");
  }
}
