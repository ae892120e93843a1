package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** On-demand backups through the SDK v2: create, describe, list, delete, restore, and errors. */
class BackupsSdkTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String ARN_SHAPE =
      "arn:aws:dynamodb:us-east-1:000000000000:table/orders/backup/\\d{14}-[0-9a-f]{8}";

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

  /** Orders by customer and id, with a local index by date and a global one by status. */
  void createOrders(String name) {
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH),
            k -> k.attributeName("id").keyType(KeyType.RANGE))
        .attributeDefinitions(
            a -> a.attributeName("customer").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("date").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
        .localSecondaryIndexes(i -> i.indexName("by-date")
            .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH),
                k -> k.attributeName("date").keyType(KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL)))
        .globalSecondaryIndexes(i -> i.indexName("by-status")
            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
        .streamSpecification(s -> s.streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
  }

  static Map<String, AttributeValue> order(String id, String status) {
    return Map.of("customer", AttributeValue.fromS("c1"), "id", AttributeValue.fromS(id),
        "date", AttributeValue.fromS("2026-01-0" + id), "status", AttributeValue.fromS(status));
  }

  static Map<String, AttributeValue> key(String id) {
    return Map.of("customer", AttributeValue.fromS("c1"), "id", AttributeValue.fromS(id));
  }

  BackupDetails backup(String table, String name) {
    return dynamo.createBackup(b -> b.tableName(table).backupName(name)).backupDetails();
  }

  @Test
  void restoreFromBackup_bringsBackItemsAndIndexes_notStreamTtlOrTags() {
    createOrders("orders");
    dynamo.putItem(b -> b.tableName("orders").item(order("1", "NEW")));
    dynamo.putItem(b -> b.tableName("orders").item(order("2", "SHIPPED")));
    dynamo.updateTimeToLive(b -> b.tableName("orders")
        .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
    String tableArn = dynamo.describeTable(b -> b.tableName("orders")).table().tableArn();
    dynamo.tagResource(b -> b.resourceArn(tableArn).tags(t -> t.key("team").value("a")));
    BackupDetails backup = backup("orders", "before-cleanup");
    clock.advance(Duration.ofMinutes(1));
    dynamo.deleteItem(b -> b.tableName("orders").key(key("1")));
    dynamo.deleteTable(b -> b.tableName("orders"));

    TableDescription restored = dynamo.restoreTableFromBackup(b -> b
        .backupArn(backup.backupArn()).targetTableName("orders")).tableDescription();

    assertThat(restored.tableStatusAsString()).isEqualTo("ACTIVE");
    assertThat(restored.itemCount()).isEqualTo(2);
    assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(backup.backupArn());
    assertThat(restored.restoreSummary().sourceTableArn()).isEqualTo(tableArn);
    assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(START);
    assertThat(restored.restoreSummary().restoreInProgress()).isFalse();
    assertThat(restored.localSecondaryIndexes()).extracting(i -> i.indexName())
        .containsExactly("by-date");
    assertThat(restored.globalSecondaryIndexes()).extracting(i -> i.indexName())
        .containsExactly("by-status");
    assertThat(restored.streamSpecification()).isNull();
    assertThat(restored.sseDescription()).isNull();
    assertThat(dynamo.scan(b -> b.tableName("orders")).items())
        .containsExactlyInAnyOrder(order("1", "NEW"), order("2", "SHIPPED"));
    assertThat(dynamo.query(b -> b.tableName("orders").indexName("by-status")
        .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("NEW")))).items())
        .containsExactly(Map.of("customer", AttributeValue.fromS("c1"),
            "id", AttributeValue.fromS("1"), "status", AttributeValue.fromS("NEW")));
    assertThat(dynamo.query(b -> b.tableName("orders").indexName("by-date")
        .keyConditionExpression("customer = :c")
        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("c1")))).count())
        .isEqualTo(2);
    assertThat(dynamo.describeTimeToLive(b -> b.tableName("orders"))
        .timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(restored.tableArn())).tags())
        .isEmpty();
    assertThat(dynamo.describeTable(b -> b.tableName("orders")).table().restoreSummary()
        .sourceBackupArn()).isEqualTo(backup.backupArn());
  }

  @Test
  void restoreFromBackup_overridesBillingAndDropsIndexes() {
    createOrders("orders");
    dynamo.putItem(b -> b.tableName("orders").item(order("1", "NEW")));
    BackupDetails backup = backup("orders", "bk1");

    TableDescription restored = dynamo.restoreTableFromBackup(b -> b
        .backupArn(backup.backupArn()).targetTableName("orders-copy")
        .billingModeOverride(BillingMode.PROVISIONED)
        .provisionedThroughputOverride(p -> p.readCapacityUnits(5L).writeCapacityUnits(6L))
        .globalSecondaryIndexOverride(List.of())
        .sseSpecificationOverride(s -> s.enabled(true).sseType("KMS"))).tableDescription();

    assertThat(restored.billingModeSummary()).isNull();
    assertThat(restored.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(restored.provisionedThroughput().writeCapacityUnits()).isEqualTo(6);
    assertThat(restored.globalSecondaryIndexes()).isEmpty();
    assertThat(restored.localSecondaryIndexes()).hasSize(1);
    assertThat(restored.attributeDefinitions()).extracting(a -> a.attributeName())
        .containsExactly("customer", "date", "id");
    assertThat(restored.itemCount()).isEqualTo(1);
    assertThat(restored.sseDescription().statusAsString()).isEqualTo("ENABLED");
    assertThat(restored.sseDescription().sseTypeAsString()).isEqualTo("KMS");
    assertThat(restored.sseDescription().kmsMasterKeyArn()).startsWith("arn:aws:kms:");
    assertThat(dynamo.describeTable(b -> b.tableName("orders-copy")).table().sseDescription())
        .isEqualTo(restored.sseDescription());
  }

  @Test
  void restoreFromBackup_provisionedOverride_refusesOnDemandIndexesWithoutCapacity() {
    createOrders("orders");
    dynamo.putItem(b -> b.tableName("orders").item(order("1", "NEW")));
    BackupDetails backup = backup("orders", "bk1");

    String refused = error(() -> dynamo.restoreTableFromBackup(b -> b
        .backupArn(backup.backupArn()).targetTableName("orders-copy")
        .billingModeOverride(BillingMode.PROVISIONED)
        .provisionedThroughputOverride(p -> p.readCapacityUnits(3L).writeCapacityUnits(3L))));
    TableDescription restored = dynamo.restoreTableFromBackup(b -> b
        .backupArn(backup.backupArn()).targetTableName("orders-copy")
        .billingModeOverride(BillingMode.PROVISIONED)
        .provisionedThroughputOverride(p -> p.readCapacityUnits(3L).writeCapacityUnits(3L))
        .globalSecondaryIndexOverride(i -> i.indexName("by-status")
            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(4L))))
        .tableDescription();

    assertThat(refused).isEqualTo("ValidationException: One or more parameter values were"
        + " invalid: ProvisionedThroughput is not specified for index: by-status");
    assertThat(restored.globalSecondaryIndexes().get(0).provisionedThroughput()
        .readCapacityUnits()).isEqualTo(2);
    assertThat(restored.globalSecondaryIndexes().get(0).provisionedThroughput()
        .writeCapacityUnits()).isEqualTo(4);
    assertThat(restored.itemCount()).isEqualTo(1);
  }

  @Test
  void describeBackup_reportsDetailsSourceTableAndFeatures() {
    createOrders("orders");
    dynamo.putItem(b -> b.tableName("orders").item(order("1", "NEW")));
    dynamo.updateTimeToLive(b -> b.tableName("orders")
        .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
    BackupDetails created = backup("orders", "nightly");

    BackupDescription described =
        dynamo.describeBackup(b -> b.backupArn(created.backupArn())).backupDescription();

    assertThat(created.backupArn()).matches(ARN_SHAPE);
    assertThat(created.backupArn()).contains("/backup/0" + START.toEpochMilli() + "-");
    assertThat(created.backupName()).isEqualTo("nightly");
    assertThat(created.backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
    assertThat(created.backupType()).isEqualTo(BackupType.USER);
    assertThat(created.backupCreationDateTime()).isEqualTo(START);
    assertThat(created.backupExpiryDateTime()).isNull();
    assertThat(created.backupSizeBytes()).isPositive();
    assertThat(described.backupDetails()).isEqualTo(created);
    assertThat(described.sourceTableDetails().tableName()).isEqualTo("orders");
    assertThat(described.sourceTableDetails().itemCount()).isEqualTo(1);
    assertThat(described.sourceTableDetails().billingModeAsString())
        .isEqualTo("PAY_PER_REQUEST");
    assertThat(described.sourceTableDetails().keySchema()).hasSize(2);
    assertThat(described.sourceTableFeatureDetails().globalSecondaryIndexes())
        .extracting(i -> i.indexName()).containsExactly("by-status");
    assertThat(described.sourceTableFeatureDetails().localSecondaryIndexes())
        .extracting(i -> i.indexName()).containsExactly("by-date");
    assertThat(described.sourceTableFeatureDetails().streamDescription().streamViewType())
        .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(described.sourceTableFeatureDetails().timeToLiveDescription().attributeName())
        .isEqualTo("expires");
  }

  @Test
  void listBackups_filtersByTableTimeAndType_andPages() {
    createOrders("orders");
    createOrders("returns");
    String first = backup("orders", "bk1").backupArn();
    clock.advance(Duration.ofHours(1));
    String second = backup("orders", "bk2").backupArn();
    backup("returns", "rt1");
    clock.advance(Duration.ofHours(1));
    String third = backup("orders", "bk3").backupArn();

    ListBackupsResponse page1 = dynamo.listBackups(b -> b.tableName("orders").limit(2));
    ListBackupsResponse page2 = dynamo.listBackups(b -> b.tableName("orders").limit(2)
        .exclusiveStartBackupArn(page1.lastEvaluatedBackupArn()));
    List<BackupSummary> inTheHour = dynamo.listBackups(b -> b
        .timeRangeLowerBound(START.plus(Duration.ofHours(1)))
        .timeRangeUpperBound(START.plus(Duration.ofHours(2)))).backupSummaries();

    assertThat(page1.backupSummaries()).extracting(BackupSummary::backupArn)
        .containsExactly(first, second);
    assertThat(page1.lastEvaluatedBackupArn()).isEqualTo(second);
    assertThat(page2.backupSummaries()).extracting(BackupSummary::backupArn)
        .containsExactly(third);
    assertThat(page2.lastEvaluatedBackupArn()).isNull();
    assertThat(inTheHour).extracting(BackupSummary::backupName).containsExactly("bk2", "rt1");
    assertThat(inTheHour.get(1).tableName()).isEqualTo("returns");
    assertThat(dynamo.listBackups(b -> b.backupType(BackupTypeFilter.SYSTEM)).backupSummaries())
        .isEmpty();
    assertThat(dynamo.listBackups(b -> b.backupType(BackupTypeFilter.ALL)).backupSummaries())
        .hasSize(4);
  }

  @Test
  void listBackups_deletingWhilePaging_reachesEveryBackup() {
    createOrders("orders");
    for (int i = 0; i < 5; i++) {
      backup("orders", "bk" + i);
      clock.advance(Duration.ofSeconds(1));
    }

    List<String> deleted = new ArrayList<>();
    String start = null;
    do {
      String after = start;
      ListBackupsResponse page = dynamo.listBackups(b -> b.limit(2)
          .exclusiveStartBackupArn(after));
      for (BackupSummary summary : page.backupSummaries()) {
        dynamo.deleteBackup(b -> b.backupArn(summary.backupArn()));
        deleted.add(summary.backupName());
      }
      start = page.lastEvaluatedBackupArn();
    } while (start != null);

    assertThat(deleted).containsExactly("bk0", "bk1", "bk2", "bk3", "bk4");
    assertThat(dynamo.listBackups(b -> b.tableName("orders")).backupSummaries()).isEmpty();
  }

  @Test
  void listBackups_startArnFilteredOut_pagesOnFromWhereItStands() {
    createOrders("orders");
    createOrders("returns");
    String first = backup("orders", "bk1").backupArn();
    clock.advance(Duration.ofSeconds(1));
    String returns = backup("returns", "rt1").backupArn();
    clock.advance(Duration.ofSeconds(1));
    String second = backup("orders", "bk2").backupArn();
    String third = backup("orders", "bk3").backupArn();

    ListBackupsResponse afterReturns = dynamo.listBackups(b -> b.tableName("orders").limit(1)
        .exclusiveStartBackupArn(returns));
    ListBackupsResponse afterFirst = dynamo.listBackups(b -> b.tableName("orders")
        .exclusiveStartBackupArn(first));

    // bk2 and bk3 share a millisecond: their ARNs order them.
    List<String> sameMillisecond = second.compareTo(third) < 0 ? List.of(second, third)
        : List.of(third, second);
    assertThat(afterReturns.backupSummaries()).extracting(BackupSummary::backupArn)
        .containsExactly(sameMillisecond.get(0));
    assertThat(afterReturns.lastEvaluatedBackupArn()).isEqualTo(sameMillisecond.get(0));
    assertThat(afterFirst.backupSummaries()).extracting(BackupSummary::backupArn)
        .containsExactlyElementsOf(sameMillisecond);
    assertThat(dynamo.listBackups(b -> b.tableName("orders")).backupSummaries())
        .extracting(BackupSummary::backupArn)
        .containsExactly(first, sameMillisecond.get(0), sameMillisecond.get(1));
  }

  @Test
  void deleteBackup_answersItDeleted_thenItIsGone() {
    createOrders("orders");
    String arn = backup("orders", "bk1").backupArn();

    BackupDescription deleted = dynamo.deleteBackup(b -> b.backupArn(arn)).backupDescription();
    BackupNotFoundException thrown = catchThrowableOfType(
        () -> dynamo.describeBackup(b -> b.backupArn(arn)), BackupNotFoundException.class);

    assertThat(deleted.backupDetails().backupStatus()).isEqualTo(BackupStatus.DELETED);
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Backup not found: " + arn);
    assertThat(dynamo.listBackups(b -> b.tableName("orders")).backupSummaries()).isEmpty();
  }

  @Test
  void reset_forgetsBackups() {
    createOrders("orders");
    String arn = backup("orders", "bk1").backupArn();

    tombstone.reset();

    assertThat(dynamo.listBackups(b -> b.backupType(BackupTypeFilter.ALL)).backupSummaries())
        .isEmpty();
    assertThat(catchThrowableOfType(() -> dynamo.describeBackup(b -> b.backupArn(arn)),
        BackupNotFoundException.class)).isNotNull();
  }

  @Test
  void errors_haveDynamoDbsTypesAndTexts() {
    createOrders("orders");
    String arn = backup("orders", "bk1").backupArn();
    String unknown = arn.substring(0, arn.length() - 8) + "00000000";

    assertThat(catchThrowableOfType(() -> backup("missing", "bk2"),
        TableNotFoundException.class).awsErrorDetails().errorMessage())
        .isEqualTo("Table not found: missing");
    assertThat(error(() -> backup("orders", "no"))).isEqualTo("ValidationException: 1 validation"
        + " error detected: Value 'no' at 'backupName' failed to satisfy constraint: Member must"
        + " have length greater than or equal to 3");
    assertThat(error(() -> backup("orders", "a b"))).isEqualTo("ValidationException: 1"
        + " validation error detected: Value 'a b' at 'backupName' failed to satisfy constraint:"
        + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    assertThat(error(() -> dynamo.describeBackup(b -> b.backupArn(unknown))))
        .isEqualTo("BackupNotFoundException: Backup not found: " + unknown);
    // AWS's own text, not the model's minimum length (ack-api-quirks DDB-TABLE-457, 2026).
    assertThat(error(() -> dynamo.deleteBackup(b -> b.backupArn("arn:short"))))
        .isEqualTo("ValidationException: Invalid Backup ARN");
    assertThat(error(() -> dynamo.describeBackup(b -> b.backupArn(""))))
        .isEqualTo("ValidationException: Invalid Backup ARN");
    assertThat(catchThrowableOfType(() -> dynamo.restoreTableFromBackup(b -> b.backupArn(arn)
        .targetTableName("orders")), TableAlreadyExistsException.class)
        .awsErrorDetails().errorMessage()).isEqualTo("Table already exists: orders");
    assertThat(error(() -> dynamo.restoreTableFromBackup(b -> b.backupArn(arn)
        .targetTableName("copy").provisionedThroughputOverride(p -> p.readCapacityUnits(1L)
            .writeCapacityUnits(1L)))))
        .isEqualTo("ValidationException: One or more parameter values were invalid: Neither"
            + " ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
            + " PAY_PER_REQUEST");
    assertThat(error(() -> dynamo.restoreTableFromBackup(b -> b.backupArn(arn)
        .targetTableName("copy").billingModeOverride(BillingMode.PROVISIONED))))
        .isEqualTo("ValidationException: One or more parameter values were invalid:"
            + " ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode"
            + " is PROVISIONED");
    assertThat(error(() -> dynamo.listBackups(b -> b.limit(101))))
        .isEqualTo("ValidationException: 1 validation error detected: Value '101' at 'limit'"
            + " failed to satisfy constraint: Member must have value less than or equal to 100");
    assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CreateBackup|{\"TableName\":\"orders\",\"BackupName\":7}",
      "CreateBackup|{\"TableName\":\"orders\"}",
      "ListBackups|{\"TimeRangeLowerBound\":\"yesterday\"}",
      "ListBackups|{\"Limit\":\"x\",\"BackupType\":\"NONE\"}",
      "DescribeBackup|{}",
      "RestoreTableFromBackup|{\"TargetTableName\":\"t\",\"BackupArn\":[]}",
      "RestoreTableFromBackup|{\"TargetTableName\":\"copy\",\"BackupArn\":\"%s\","
          + "\"GlobalSecondaryIndexOverride\":[{\"IndexName\":\"x1\",\"KeySchema\":"
          + "[{\"AttributeName\":\"nope\",\"KeyType\":\"HASH\"}],"
          + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]}",
      "RestoreTableFromBackup|{\"TargetTableName\":\"copy\",\"BackupArn\":\"%s\","
          + "\"SSESpecificationOverride\":{\"SSEType\":\"DES\"}}",
      "RestoreTableFromBackup|{\"TargetTableName\":\"copy\",\"BackupArn\":\"%s\","
          + "\"SSESpecificationOverride\":{\"Enabled\":true,\"SSEType\":\"AES256\"}}",
      "UpdateContinuousBackups|{\"TableName\":\"orders\","
          + "\"PointInTimeRecoverySpecification\":{\"RecoveryPeriodInDays\":3}}",
      "RestoreTableToPointInTime|{\"SourceTableName\":\"orders\","
          + "\"TargetTableName\":\"copy\",\"RestoreDateTime\":true}",
  })
  void malformedRequests_are400s_andChangeNothing(String operation, String body) {
    createOrders("orders");
    String arn = backup("orders", "bk1").backupArn();

    Wire.Response response = new Wire(tombstone.endpoint())
        .post("DynamoDB_20120810." + operation, body.replace("%s", arn));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
    assertThat(dynamo.listBackups(b -> b.backupType(BackupTypeFilter.ALL)).backupSummaries())
        .hasSize(1);
  }

  String error(Runnable call) {
    DynamoDbException e = catchThrowableOfType(call::run, DynamoDbException.class);
    return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
  }
}
