package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.RecordedRequest;
import dev.tombstone.Tombstone;
import dev.tombstone.faults.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Point-in-time recovery through the SDK v2 on a manual clock: the window, restores to a time
 * between writes, the SYSTEM backup DeleteTable leaves, and the errors.
 */
class PointInTimeRecoverySdkTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  ManualClock clock;
  Tombstone tombstone;
  DynamoDbClient dynamo;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    tombstone = Tombstone.builder().clock(clock).start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
  }

  @AfterEach
  void stop() {
    dynamo.close();
    tombstone.close();
  }

  void createUsers(String name) {
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("team").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(i -> i.indexName("by-team")
            .keySchema(k -> k.attributeName("team").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
  }

  static Map<String, AttributeValue> user(String id, String team) {
    return Map.of("id", AttributeValue.fromS(id), "team", AttributeValue.fromS(team));
  }

  void put(String table, Map<String, AttributeValue> item) {
    dynamo.putItem(b -> b.tableName(table).item(item));
  }

  void delete(String table, String id) {
    dynamo.deleteItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
  }

  PointInTimeRecoveryDescription enable(String table, Integer days) {
    return dynamo.updateContinuousBackups(b -> b.tableName(table)
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)
            .recoveryPeriodInDays(days)))
        .continuousBackupsDescription().pointInTimeRecoveryDescription();
  }

  TableDescription restore(String source, String target, Instant time) {
    return dynamo.restoreTableToPointInTime(b -> b.sourceTableName(source)
        .targetTableName(target).restoreDateTime(time)).tableDescription();
  }

  @Test
  void restoreToPointInTime_undoesTheDeletesAndUpdatesAfterIt() {
    createUsers("users");
    enable("users", null);
    clock.advance(Duration.ofMinutes(1));
    put("users", user("u1", "red"));
    clock.advance(Duration.ofMinutes(10));
    put("users", user("u2", "blue"));
    put("users", user("u1", "green"));
    clock.advance(Duration.ofMinutes(10));
    Instant beforeTheScript = clock.instant();
    clock.advance(Duration.ofMinutes(1));
    delete("users", "u1");
    delete("users", "u2");
    put("users", user("u3", "red"));
    clock.advance(Duration.ofMinutes(30));

    TableDescription restored = restore("users", "users-restored", beforeTheScript);

    assertThat(dynamo.scan(b -> b.tableName("users-restored")).items())
        .containsExactlyInAnyOrder(user("u1", "green"), user("u2", "blue"));
    assertThat(dynamo.query(b -> b.tableName("users-restored").indexName("by-team")
        .keyConditionExpression("team = :t")
        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("green")))).items())
        .containsExactly(user("u1", "green"));
    assertThat(restored.restoreSummary().sourceBackupArn()).isNull();
    assertThat(restored.restoreSummary().sourceTableArn()).endsWith(":table/users");
    assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(beforeTheScript);
    assertThat(dynamo.scan(b -> b.tableName("users")).items()).containsExactly(user("u3", "red"));
    assertThat(restore("users", "users-at-start", START).itemCount()).isZero();
  }

  @Test
  void restoreToPointInTime_withoutIndexes_keepsOnlyTheTablesKeyDefinitions() {
    createUsers("users");
    enable("users", null);
    put("users", user("u1", "red"));
    clock.advance(Duration.ofMinutes(10));

    TableDescription restored = dynamo.restoreTableToPointInTime(b -> b.sourceTableName("users")
        .targetTableName("users-plain").useLatestRestorableTime(true)
        .globalSecondaryIndexOverride(List.of())).tableDescription();

    assertThat(restored.globalSecondaryIndexes()).isEmpty();
    assertThat(restored.attributeDefinitions()).extracting(a -> a.attributeName())
        .containsExactly("id");
    assertThat(dynamo.describeTable(b -> b.tableName("users-plain")).table()
        .attributeDefinitions()).extracting(a -> a.attributeName()).containsExactly("id");
    assertThat(restored.itemCount()).isEqualTo(1);
  }

  @Test
  void continuousBackups_windowFollowsTheClock_periodAndLag() {
    createUsers("users");
    ContinuousBackupsDescription off = dynamo.describeContinuousBackups(b -> b.tableName("users"))
        .continuousBackupsDescription();

    PointInTimeRecoveryDescription enabled = enable("users", 7);
    clock.advance(Duration.ofDays(10));
    PointInTimeRecoveryDescription later = dynamo.describeContinuousBackups(
        b -> b.tableName("users")).continuousBackupsDescription().pointInTimeRecoveryDescription();

    assertThat(off.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
    assertThat(off.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
        .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    assertThat(enabled.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    assertThat(enabled.recoveryPeriodInDays()).isEqualTo(7);
    assertThat(enabled.earliestRestorableDateTime()).isEqualTo(START);
    assertThat(enabled.latestRestorableDateTime()).isEqualTo(START);
    assertThat(later.earliestRestorableDateTime()).isEqualTo(clock.instant().minus(
        Duration.ofDays(7)));
    assertThat(later.latestRestorableDateTime()).isEqualTo(clock.instant().minus(
        Duration.ofMinutes(5)));
  }

  @Test
  void recoveryPeriod_raisedAfterALowerOne_doesNotBringBackWhatTheLowerOneDropped() {
    createUsers("users");
    enable("users", null);
    put("users", user("u1", "red"));
    clock.advance(Duration.ofDays(10));
    enable("users", 3);
    Instant lowered = clock.instant();
    clock.advance(Duration.ofHours(1));

    PointInTimeRecoveryDescription raised = enable("users", 35);

    assertThat(raised.recoveryPeriodInDays()).isEqualTo(35);
    assertThat(raised.earliestRestorableDateTime())
        .isEqualTo(lowered.plus(Duration.ofHours(1)).minus(Duration.ofDays(3)));
    assertThat(error(() -> restore("users", "copy", START.plus(Duration.ofDays(2)))))
        .isEqualTo("InvalidRestoreTimeException: RestoreDateTime must be between"
            + " EarliestRestorableDateTime and LatestRestorableDateTime");
    assertThat(restore("users", "copy", raised.earliestRestorableDateTime()).itemCount())
        .isEqualTo(1);
  }

  @Test
  void useLatestRestorableTime_leavesOutTheLastFiveMinutes() {
    createUsers("users");
    enable("users", null);
    clock.advance(Duration.ofHours(1));
    put("users", user("u1", "red"));
    clock.advance(Duration.ofMinutes(10));
    put("users", user("u2", "red"));
    clock.advance(Duration.ofMinutes(2));

    TableDescription restored = dynamo.restoreTableToPointInTime(b -> b
        .sourceTableArn(dynamo.describeTable(d -> d.tableName("users")).table().tableArn())
        .targetTableName("latest").useLatestRestorableTime(true)).tableDescription();

    assertThat(restored.restoreSummary().restoreDateTime())
        .isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
    assertThat(dynamo.scan(b -> b.tableName("latest")).items()).containsExactly(user("u1", "red"));
  }

  @Test
  void disablingRecovery_forgetsTheWindow() {
    createUsers("users");
    enable("users", null);
    clock.advance(Duration.ofHours(1));
    dynamo.updateContinuousBackups(b -> b.tableName("users")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));
    clock.advance(Duration.ofHours(1));
    Instant reenabled = clock.instant();

    PointInTimeRecoveryDescription again = enable("users", null);

    assertThat(again.earliestRestorableDateTime()).isEqualTo(reenabled);
    assertThat(error(() -> restore("users", "copy", START.plus(Duration.ofMinutes(30)))))
        .startsWith("InvalidRestoreTimeException: ");
  }

  @Test
  void deleteTable_withRecoveryOn_leavesASystemBackupThatRestores_for35Days() {
    createUsers("users");
    createUsers("scratch");
    enable("users", null);
    put("users", user("u1", "red"));
    put("scratch", user("s1", "red"));

    dynamo.deleteTable(b -> b.tableName("users"));
    dynamo.deleteTable(b -> b.tableName("scratch"));
    BackupSummary system = dynamo.listBackups(b -> b.backupType(BackupTypeFilter.SYSTEM))
        .backupSummaries().get(0);
    TableDescription restored = dynamo.restoreTableFromBackup(b -> b
        .backupArn(system.backupArn()).targetTableName("users")).tableDescription();

    assertThat(dynamo.listBackups(b -> b.backupType(BackupTypeFilter.ALL)).backupSummaries())
        .extracting(BackupSummary::backupName).containsExactly("users$DeletedTableBackup");
    assertThat(dynamo.listBackups(b -> b.tableName("users")).backupSummaries()).isEmpty();
    assertThat(system.backupType()).isEqualTo(BackupType.SYSTEM);
    assertThat(system.backupCreationDateTime()).isEqualTo(START);
    assertThat(system.backupExpiryDateTime()).isEqualTo(START.plus(Duration.ofDays(35)));
    assertThat(restored.itemCount()).isEqualTo(1);
    assertThat(restored.globalSecondaryIndexes()).hasSize(1);
    assertThat(dynamo.describeContinuousBackups(b -> b.tableName("users"))
        .continuousBackupsDescription().pointInTimeRecoveryDescription()
        .pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);

    clock.advance(Duration.ofDays(35));

    assertThat(catchThrowableOfType(() -> dynamo.describeBackup(b -> b
        .backupArn(system.backupArn())), BackupNotFoundException.class)).isNotNull();
    assertThat(dynamo.listBackups(b -> b.backupType(BackupTypeFilter.ALL)).backupSummaries())
        .isEmpty();
  }

  @Test
  void restoreToPointInTime_isNameableInFaultRules() {
    createUsers("users");
    enable("users", null);
    tombstone.clearRequests();
    tombstone.faults().dynamoDb("RestoreTableToPointInTime").times(1)
        .respond(Fault.INTERNAL_SERVER_ERROR);

    restore("users", "copy", START);

    assertThat(tombstone.requests()).extracting(RecordedRequest::status)
        .containsExactly(500, 200);
  }

  @Test
  void errors_haveDynamoDbsTypesAndTexts() {
    createUsers("users");
    createUsers("taken");

    assertThat(error(() -> restore("users", "copy", START))).isEqualTo(
        "PointInTimeRecoveryUnavailableException: Point in time recovery is not enabled for"
            + " table 'users'");
    enable("users", null);
    clock.advance(Duration.ofHours(1));
    assertThat(error(() -> restore("missing", "copy", START)))
        .isEqualTo("TableNotFoundException: Table not found: missing");
    assertThat(error(() -> restore("users", "taken", START)))
        .isEqualTo("TableAlreadyExistsException: Table already exists: taken");
    assertThat(error(() -> restore("users", "copy", START.minusSeconds(1))))
        .isEqualTo("InvalidRestoreTimeException: RestoreDateTime must be between"
            + " EarliestRestorableDateTime and LatestRestorableDateTime");
    assertThat(error(() -> restore("users", "copy", clock.instant().minusSeconds(60))))
        .startsWith("InvalidRestoreTimeException: ");
    assertThat(error(() -> dynamo.restoreTableToPointInTime(b -> b.sourceTableName("users")
        .targetTableName("copy").useLatestRestorableTime(true).restoreDateTime(START))))
        .isEqualTo("ValidationException: " + RestoreTableToPointInTimeOperation.TIME_BOTH);
    assertThat(error(() -> dynamo.restoreTableToPointInTime(b -> b.sourceTableName("users")
        .targetTableName("copy"))))
        .isEqualTo("ValidationException: " + RestoreTableToPointInTimeOperation.TIME_NEITHER);
    assertThat(error(() -> dynamo.restoreTableToPointInTime(b -> b.targetTableName("copy")
        .useLatestRestorableTime(true))))
        .isEqualTo("ValidationException: " + RestoreTableToPointInTimeOperation.SOURCE_NEITHER);
    assertThat(error(() -> dynamo.restoreTableToPointInTime(b -> b.sourceTableName("users")
        .targetTableName("copy").useLatestRestorableTime(true)
        .billingModeOverride(BillingMode.PROVISIONED)
        .provisionedThroughputOverride(p -> p.readCapacityUnits(3L).writeCapacityUnits(3L)))))
        .isEqualTo("ValidationException: One or more parameter values were invalid:"
            + " ProvisionedThroughput is not specified for index: by-team");
    assertThat(error(() -> enable("users", 36))).isEqualTo("ValidationException: 1 validation"
        + " error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays'"
        + " failed to satisfy constraint: Member must have value less than or equal to 35");
    assertThat(error(() -> enable("users", 0))).isEqualTo("ValidationException: 1 validation"
        + " error detected: Value '0' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays'"
        + " failed to satisfy constraint: Member must have value greater than or equal to 1");
    assertThat(error(() -> dynamo.updateContinuousBackups(b -> b.tableName("users"))))
        .isEqualTo("ValidationException: 1 validation error detected: Value null at"
            + " 'pointInTimeRecoverySpecification' failed to satisfy constraint: Member must not"
            + " be null");
    assertThat(error(() -> enable("missing", null)))
        .isEqualTo("TableNotFoundException: Table not found: missing");
    assertThat(error(() -> dynamo.describeContinuousBackups(b -> b.tableName("missing"))))
        .isEqualTo("TableNotFoundException: Table not found: missing");
    assertThat(dynamo.listTables().tableNames()).containsExactly("taken", "users");
  }

  @Test
  void turningPitrOff_withAPeriod_isRefused_andLeavesItOn() {
    createUsers("users");
    enable("users", 7);

    // AWS's text, whatever the period (ack-api-quirks DDB-TABLE-084, 2026).
    for (int days : new int[] {7, 35}) {
      assertThat(error(() -> dynamo.updateContinuousBackups(b -> b.tableName("users")
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)
              .recoveryPeriodInDays(days)))))
          .isEqualTo("ValidationException: Invalid Request: Cannot specify RecoveryPeriodInDays"
              + " when disabling point-in-time recovery.");
    }
    assertThat(dynamo.describeContinuousBackups(b -> b.tableName("users"))
        .continuousBackupsDescription().pointInTimeRecoveryDescription()
        .pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
  }

  @Test
  void restoreTimeAndSourceChoices_areRefusedWithAwsTexts() {
    createUsers("users");
    enable("users", null);

    // ack-api-quirks DDB-TABLE-100, -272, -442 (AWS, 2026).
    assertThat(error(() -> dynamo.restoreTableToPointInTime(b -> b.sourceTableName("users")
        .targetTableName("copy")))).isEqualTo("ValidationException: Invalid Request: Either one"
            + " of RestoreDateTime or UseLatestRestorableTime must be specified, but not both");
    assertThat(error(() -> dynamo.restoreTableToPointInTime(b -> b.sourceTableName("users")
        .targetTableName("copy").useLatestRestorableTime(true).restoreDateTime(START))))
        .startsWith("ValidationException: Invalid Request: Both RestoreDateTime and"
            + " UseLatestRestorableTime cannot be set for point-in-time restore request. Pleas");
    assertThat(error(() -> dynamo.restoreTableToPointInTime(b -> b.targetTableName("copy")
        .useLatestRestorableTime(true)))).isEqualTo("ValidationException: The parameter"
            + " 'TableName' is required but was not present in the request");
  }

  String error(Runnable call) {
    DynamoDbException e = catchThrowableOfType(call::run, DynamoDbException.class);
    return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
  }
}
