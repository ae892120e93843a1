package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;

/**
 * The restores' OnDemandThroughputOverride (and a global index override's OnDemandThroughput)
 * through the SDK v2: shown by the answer and by DescribeTable, checked as CreateTable checks
 * the same member; and VectorIndexOverride, refused rather than ignored.
 */
class RestoreOverridesSdkTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  ManualClock clock;
  Tombstone tombstone;
  DynamoDbClient dynamo;
  String backupArn;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    tombstone = Tombstone.builder().clock(clock).start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
    dynamo.createTable(table("orders"));
    dynamo.updateContinuousBackups(b -> b.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    backupArn = dynamo.createBackup(b -> b.tableName("orders").backupName("nightly"))
        .backupDetails().backupArn();
    clock.advance(Duration.ofMinutes(10));
  }

  @AfterEach
  void stop() {
    dynamo.close();
    tombstone.close();
  }

  static CreateTableRequest table(String name) {
    return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(byStatus(null)).build();
  }

  static GlobalSecondaryIndex byStatus(OnDemandThroughput limits) {
    return GlobalSecondaryIndex.builder().indexName("by-status")
        .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
        .projection(p -> p.projectionType(ProjectionType.ALL)).onDemandThroughput(limits)
        .build();
  }

  static OnDemandThroughput limits(Long read, Long write) {
    return OnDemandThroughput.builder().maxReadRequestUnits(read).maxWriteRequestUnits(write)
        .build();
  }

  TableDescription fromBackup(String target,
      Consumer<software.amazon.awssdk.services.dynamodb.model
          .RestoreTableFromBackupRequest.Builder> more) {
    return dynamo.restoreTableFromBackup(b -> {
      b.backupArn(backupArn).targetTableName(target);
      more.accept(b);
    }).tableDescription();
  }

  TableDescription toPointInTime(String target,
      Consumer<software.amazon.awssdk.services.dynamodb.model
          .RestoreTableToPointInTimeRequest.Builder> more) {
    return dynamo.restoreTableToPointInTime(b -> {
      b.sourceTableName("orders").targetTableName(target).useLatestRestorableTime(true);
      more.accept(b);
    }).tableDescription();
  }

  @Test
  void onDemandThroughputOverride_isShownByTheAnswerAndByDescribeTable() {
    TableDescription restored = fromBackup("restored", b -> b
        .onDemandThroughputOverride(limits(100L, 50L))
        .globalSecondaryIndexOverride(byStatus(limits(7L, null))));
    TableDescription pitr = toPointInTime("pitr", b -> b
        .onDemandThroughputOverride(limits(null, 9L)));

    assertThat(restored.onDemandThroughput()).isEqualTo(limits(100L, 50L));
    assertThat(restored.globalSecondaryIndexes().get(0).onDemandThroughput())
        .isEqualTo(limits(7L, null));
    TableDescription described = dynamo.describeTable(b -> b.tableName("restored")).table();
    assertThat(described.onDemandThroughput()).isEqualTo(limits(100L, 50L));
    assertThat(described.globalSecondaryIndexes().get(0).onDemandThroughput())
        .isEqualTo(limits(7L, null));
    assertThat(pitr.onDemandThroughput()).isEqualTo(limits(null, 9L));
    assertThat(dynamo.describeTable(b -> b.tableName("pitr")).table().onDemandThroughput())
        .isEqualTo(limits(null, 9L));
  }

  @Test
  void withoutTheOverride_theRestoredTableHasNoLimits() {
    TableDescription restored = fromBackup("restored", b -> { });

    assertThat(restored.onDemandThroughput()).isNull();
    assertThat(dynamo.describeTable(b -> b.tableName("restored")).table()
        .onDemandThroughput()).isNull();
  }

  /** The restore's refusal and CreateTable's for the same limits are one answer. */
  void refusedAsCreateTableRefuses(OnDemandThroughput table, OnDemandThroughput index,
      BillingMode mode) {
    CreateTableRequest.Builder create = table("created").toBuilder().billingMode(mode)
        .onDemandThroughput(table).globalSecondaryIndexes(byStatus(index));
    if (mode == BillingMode.PROVISIONED) {
      create.provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
          .globalSecondaryIndexes(byStatus(index).toBuilder()
              .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
              .build());
    }
    DynamoDbException created = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.createTable(create.build()));
    GlobalSecondaryIndex override = mode == BillingMode.PROVISIONED
        ? byStatus(index).toBuilder().provisionedThroughput(
            t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)).build()
        : byStatus(index);
    software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput units =
        mode == BillingMode.PROVISIONED
            ? software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput.builder()
                .readCapacityUnits(1L).writeCapacityUnits(1L).build() : null;
    DynamoDbException restored = catchThrowableOfType(DynamoDbException.class,
        () -> fromBackup("restored", b -> b.billingModeOverride(mode)
            .onDemandThroughputOverride(table).globalSecondaryIndexOverride(override)
            .provisionedThroughputOverride(units)));
    DynamoDbException pitr = catchThrowableOfType(DynamoDbException.class,
        () -> toPointInTime("pitr", b -> b.billingModeOverride(mode)
            .onDemandThroughputOverride(table).globalSecondaryIndexOverride(override)
            .provisionedThroughputOverride(units)));

    assertThat(created).isNotNull();
    assertThat(restored).isNotNull();
    assertThat(restored.statusCode()).isEqualTo(400);
    assertThat(restored.awsErrorDetails().errorCode())
        .isEqualTo(created.awsErrorDetails().errorCode());
    assertThat(restored.awsErrorDetails().errorMessage())
        .isEqualTo(created.awsErrorDetails().errorMessage());
    assertThat(pitr).isNotNull();
    assertThat(pitr.awsErrorDetails().errorMessage())
        .isEqualTo(created.awsErrorDetails().errorMessage());
  }

  @Test
  void badLimits_getCreateTablesAnswers_andRestoreNothing() {
    refusedAsCreateTableRefuses(limits(0L, null), null, BillingMode.PAY_PER_REQUEST);
    refusedAsCreateTableRefuses(limits(5L, -3L), null, BillingMode.PAY_PER_REQUEST);
    refusedAsCreateTableRefuses(null, limits(0L, 1L), BillingMode.PAY_PER_REQUEST);
    refusedAsCreateTableRefuses(limits(5L, null), null, BillingMode.PROVISIONED);
    refusedAsCreateTableRefuses(null, limits(5L, 5L), BillingMode.PROVISIONED);

    assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
  }

  @Test
  void vectorIndexOverride_isRefused_notIgnored() {
    VectorIndex vectors = VectorIndex.builder().indexName("v")
        .vectorAttribute(a -> a.attributeName("embedding")).dimensions(3L)
        .distanceFunction("COSINE").build();
    DynamoDbException fromBackup = catchThrowableOfType(DynamoDbException.class,
        () -> fromBackup("restored", b -> b.vectorIndexOverride(vectors)));
    DynamoDbException pitr = catchThrowableOfType(DynamoDbException.class,
        () -> toPointInTime("pitr", b -> b.vectorIndexOverride(vectors)));

    for (DynamoDbException refused : new DynamoDbException[] {fromBackup, pitr}) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(refused.awsErrorDetails().errorMessage())
          .isEqualTo(RestoreOverridesReader.VECTOR_OVERRIDE_REFUSED);
    }
    assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
  }
}
