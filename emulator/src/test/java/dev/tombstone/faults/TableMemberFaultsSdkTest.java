package dev.tombstone.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.RecordedRequest;
import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Rules scoped to a table fire for requests that name it outside {@code TableName}: by ARN in
 * {@code TableArn}, {@code ResourceArn} or a backup ARN, or by name in {@code SourceTableName}.
 * Until the twenty-third session such rules were taken and never fired. A rule scoped to a table
 * for an operation that names none (PartiQL, ListTables) is refused.
 */
class TableMemberFaultsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final DynamoDbClient dynamo = server.dynamoDb();
  private String ordersArn;

  @BeforeEach
  void tables() {
    for (String name : new String[] {"orders", "other"}) {
      dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
      dynamo.updateContinuousBackups(b -> b.tableName(name)
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    }
    ordersArn = dynamo.describeTable(b -> b.tableName("orders")).table().tableArn();
    server.s3().createBucket(b -> b.bucket("exports"));
    tombstone.clearRequests();
  }

  private void failOnce(String operation, String table) {
    tombstone.faults().dynamoDb(operation).table(table).times(1)
        .respond(Fault.INTERNAL_SERVER_ERROR);
  }

  /** The statuses the emulator answered for {@code operation}; the SDK retries a 500. */
  private List<Integer> statuses(String operation) {
    return tombstone.requests().stream().filter(r -> r.target().endsWith("." + operation))
        .map(RecordedRequest::status).toList();
  }

  @Test
  void exportByTableArn_firesTheOrdersRule_notAnotherTablesRule() {
    failOnce("ExportTableToPointInTime", "other");
    dynamo.exportTableToPointInTime(b -> b.tableArn(ordersArn).s3Bucket("exports"));
    failOnce("ExportTableToPointInTime", "orders");
    dynamo.exportTableToPointInTime(b -> b.tableArn(ordersArn).s3Bucket("exports"));

    assertThat(statuses("ExportTableToPointInTime")).containsExactly(200, 500, 200);
  }

  @Test
  void tagResourceByResourceArn_firesTheTablesRule() {
    failOnce("TagResource", "orders");

    dynamo.tagResource(b -> b.resourceArn(ordersArn).tags(t -> t.key("team").value("a")));

    assertThat(statuses("TagResource")).containsExactly(500, 200);
  }

  @Test
  void describeBackupByBackupArn_firesTheTablesRule() {
    String backup = dynamo.createBackup(b -> b.tableName("orders").backupName("nightly"))
        .backupDetails().backupArn();
    failOnce("DescribeBackup", "orders");

    dynamo.describeBackup(b -> b.backupArn(backup));

    assertThat(statuses("DescribeBackup")).containsExactly(500, 200);
  }

  @Test
  void restoreToPointInTime_firesTheSourcesRule_andTheTargetsRule() {
    failOnce("RestoreTableToPointInTime", "orders");
    failOnce("RestoreTableToPointInTime", "orders-copy");

    dynamo.restoreTableToPointInTime(b -> b.sourceTableName("orders")
        .targetTableName("orders-copy").useLatestRestorableTime(true));

    assertThat(statuses("RestoreTableToPointInTime")).containsExactly(500, 500, 200);
    assertThat(tombstone.faults().rules()).allSatisfy(r -> assertThat(r.fired()).isEqualTo(1));
  }

  @Test
  void aTableRuleForExecuteStatement_isRefused_overHttpAndInJava() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/_tombstone/faults"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"dynamodb\","
            + "\"operation\":\"ExecuteStatement\",\"table\":\"orders\","
            + "\"error\":\"InternalServerError\"}")).build(), HttpResponse.BodyHandlers.ofString());
    IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
        () -> failOnce("ListTables", "orders"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).startsWith("{\"error\":\"resource never matches ExecuteStatement,"
        + " which names no table;");
    assertThat(refused).hasMessageStartingWith(
        "resource never matches ListTables, which names no table;");
    assertThat(tombstone.faults().rules()).isEmpty();
  }
}
