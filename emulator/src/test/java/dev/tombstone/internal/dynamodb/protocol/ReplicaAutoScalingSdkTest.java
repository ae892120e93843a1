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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Describe/UpdateTableReplicaAutoScaling, SDK v2 over HTTP, on regional tables: AWS serves them
 * for 2019.11.21 global tables only (ack-api-quirks catalogue, DDB-TABLE-187, -231, -232, -253
 * and -254, AWS 2026).
 */
class ReplicaAutoScalingSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();
  String tableArn;

  @BeforeEach
  void provisionedTable() {
    tableArn = dynamo.createTable(b -> b.tableName("orders")
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id",
            ScalarAttributeType.S))).tableDescription().tableArn();
  }

  static String notFound(Runnable call) {
    ResourceNotFoundException e = catchThrowableOfType(call::run,
        ResourceNotFoundException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    return e.awsErrorDetails().errorMessage();
  }

  static String validation(Runnable call) {
    DynamoDbException e = catchThrowableOfType(call::run, DynamoDbException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return e.awsErrorDetails().errorMessage();
  }

  @Test
  void describe_ofARegionalTable_byNameOrArn_isNotAGlobalTable() {
    assertThat(notFound(() -> dynamo.describeTableReplicaAutoScaling(
        b -> b.tableName("orders")))).isEqualTo("Global table with name: 'orders' does not exist.");
    assertThat(notFound(() -> dynamo.describeTableReplicaAutoScaling(
        b -> b.tableName(tableArn)))).isEqualTo("Global table with name: 'orders' does not exist.");
  }

  @Test
  void describe_ofAMissingTable_hasTheSameAnswer() {
    assertThat(notFound(() -> dynamo.describeTableReplicaAutoScaling(b -> b.tableName("nope"))))
        .isEqualTo("Global table with name: 'nope' does not exist.");
  }

  @Test
  void describe_withANameBreakingTheModel_isAValidationError() {
    assertThat(validation(() -> dynamo.describeTableReplicaAutoScaling(b -> b.tableName(""))))
        .isEqualTo("1 validation error detected: Value '' at 'tableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
  }

  @Test
  void update_ofARegionalOrMissingTable_isNotAGlobalTable_andChangesNothing() {
    assertThat(notFound(() -> dynamo.updateTableReplicaAutoScaling(b -> b.tableName("orders")
        .provisionedWriteCapacityAutoScalingUpdate(a -> a.minimumUnits(1L).maximumUnits(10L)))))
        .isEqualTo("Global table with name: 'orders' does not exist.");
    assertThat(notFound(() -> dynamo.updateTableReplicaAutoScaling(b -> b.tableName("nope")
        .replicaUpdates(r -> r.regionName("us-east-1")))))
        .isEqualTo("Global table with name: 'nope' does not exist.");
    // Scaling values AWS would refuse are not looked at before the table (DDB-TABLE-253).
    assertThat(notFound(() -> dynamo.updateTableReplicaAutoScaling(b -> b.tableName("orders")
        .provisionedWriteCapacityAutoScalingUpdate(a -> a.minimumUnits(10L).maximumUnits(1L)))))
        .isEqualTo("Global table with name: 'orders' does not exist.");

    var table = dynamo.describeTable(b -> b.tableName("orders")).table();
    assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
    assertThat(table.hasReplicas()).isFalse();
  }

  @Test
  void update_breakingTheModel_isReportedBeforeTheTable() {
    assertThat(validation(() -> dynamo.updateTableReplicaAutoScaling(b -> b.tableName("nope")
        .provisionedWriteCapacityAutoScalingUpdate(a -> a.minimumUnits(0L)
            .scalingPolicyUpdate(p -> p.policyName("p")))
        .replicaUpdates(r -> { }))))
        .isEqualTo("3 validation errors detected: Value '0' at"
            + " 'provisionedWriteCapacityAutoScalingUpdate.minimumUnits' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1; Value null at"
            + " 'provisionedWriteCapacityAutoScalingUpdate.scalingPolicyUpdate"
            + ".targetTrackingScalingPolicyConfiguration' failed to satisfy constraint: Member"
            + " must not be null; Value null at 'replicaUpdates.1.member.regionName' failed to"
            + " satisfy constraint: Member must not be null");
  }
}
