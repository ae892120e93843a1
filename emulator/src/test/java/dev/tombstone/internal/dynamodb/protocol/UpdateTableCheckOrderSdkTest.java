package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * UpdateTable's request checks that come before the table lookup, and the index throughput
 * bounds that come after it, as dynalite's AWS-derived test/updateTable.js records them.
 */
class UpdateTableCheckOrderSdkTest {
  static final String NOTHING = "At least one of ProvisionedThroughput, BillingMode,"
      + " UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates,"
      + " MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency,"
      + " DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is"
      + " required";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @Test
  void emptyIndexUpdates_onAMissingTable_askForNothing() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("missing")
        .globalSecondaryIndexUpdates(List.of())))).isEqualTo(NOTHING);
  }

  @Test
  void twoUpdatesOfOneIndex_onAMissingTable_areRefusedFirst() {
    GlobalSecondaryIndexUpdate delete =
        GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("abc")).build();

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("missing")
        .globalSecondaryIndexUpdates(delete, delete))))
        .isEqualTo("One or more parameter values were invalid: Only one global secondary index"
            + " update per index is allowed simultaneously. Index: abc");
  }

  @Test
  void anEmptyIndexUpdate_namesTheThreeMembers() {
    Wire.Response response = wire.post("DynamoDB_20120810.UpdateTable",
        "{\"TableName\":\"missing\",\"GlobalSecondaryIndexUpdates\":[{},{},{}]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body()).message()).isEqualTo("One or more parameter"
        + " values were invalid: One of GlobalSecondaryIndexUpdate.Update,"
        + " GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be"
        + " null");
  }

  @Test
  void provisionedWithoutThroughput_isRefused_onAnyTableAndBeforeTheLookup() {
    dynamo.createTable(b -> b.tableName("ondemand").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.createTable(b -> b.tableName("provisioned").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
    String text = "One or more parameter values were invalid: ProvisionedThroughput must be"
        + " specified when BillingMode is PROVISIONED";

    for (String table : List.of("ondemand", "provisioned", "missing")) {
      assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName(table)
          .billingMode(BillingMode.PROVISIONED)))).isEqualTo(text);
    }
    assertThat(dynamo.describeTable(b -> b.tableName("ondemand")).table()
        .billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
  }

  @Test
  void outOfBoundsIndexThroughput_onAMissingTable_isNotFound() {
    ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.updateTable(b -> b.tableName("abc").globalSecondaryIndexUpdates(u -> u
            .update(x -> x.indexName("abc").provisionedThroughput(p -> p
                .readCapacityUnits(1000000000001L).writeCapacityUnits(1000000000001L))))));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Table: abc not found");
  }

  @Test
  void outOfBoundsIndexThroughput_onATableWithoutThatIndex_isBlocked() {
    dynamo.createTable(b -> b.tableName("plain").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("plain")
        .globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("abc")
            .provisionedThroughput(p -> p.readCapacityUnits(1000000000000L)
                .writeCapacityUnits(1000000000001L)))))))
        .isEqualTo("This operation cannot be performed with given input values. Please contact"
            + " DynamoDB service team for more info: Action Blocked: IndexUpdate");
  }

  @Test
  void outOfBoundsTableThroughput_isStillCheckedBeforeTheLookup() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("abc")
        .provisionedThroughput(p -> p.readCapacityUnits(1000000000001L)
            .writeCapacityUnits(1L)))))
        .isEqualTo("Given value 1000000000001 for ReadCapacityUnits is out of bounds");
  }
}
