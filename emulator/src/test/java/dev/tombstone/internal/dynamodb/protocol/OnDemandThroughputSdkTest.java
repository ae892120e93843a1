package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.CreateTableValidationSdkTest.provisioned;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A table's {@code OnDemandThroughput}: stored and described as AWS did in 2026 (the
 * ack-api-quirks catalogue, DDB-TABLE-028, -038, -039, -051, -059, -154, -178, -182, -153).
 */
class OnDemandThroughputSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  static DynamoDbClient dynamo;

  @BeforeAll
  static void client() {
    dynamo = SdkClients.dynamoDbWithoutRetries(server.tombstone().endpoint());
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  static CreateTableRequest onDemand(String name, Consumer<OnDemandThroughput.Builder> limits) {
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name)
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST);
    return limits == null ? b.build() : b.onDemandThroughput(limits).build();
  }

  OnDemandThroughput described(String table) {
    return dynamo.describeTable(b -> b.tableName(table)).table().onDemandThroughput();
  }

  @Test
  void createTable_storesAndDescribesIt_partialAsSent_absentUnlessSent() {
    assertThat(dynamo.createTable(onDemand("capped", o -> o.maxReadRequestUnits(100L)
        .maxWriteRequestUnits(50L))).tableDescription().onDemandThroughput())
        .isEqualTo(OnDemandThroughput.builder().maxReadRequestUnits(100L)
            .maxWriteRequestUnits(50L).build());
    assertThat(described("capped").maxReadRequestUnits()).isEqualTo(100L);
    assertThat(described("capped").maxWriteRequestUnits()).isEqualTo(50L);

    dynamo.createTable(onDemand("readOnly", o -> o.maxReadRequestUnits(100L)));
    assertThat(described("readOnly").maxReadRequestUnits()).isEqualTo(100L);
    assertThat(described("readOnly").maxWriteRequestUnits()).isNull();

    dynamo.createTable(onDemand("emptyLimits", o -> { }));
    assertThat(described("emptyLimits")).isNull();
    dynamo.createTable(onDemand("uncapped", null));
    assertThat(described("uncapped")).isNull();
  }

  @Test
  void createTable_refusesValuesBelowOne_andAProvisionedTable() {
    for (long units : new long[] {0, -1, -2}) {
      assertThat(validationMessage(() -> dynamo.createTable(onDemand("bad",
          o -> o.maxReadRequestUnits(units).maxWriteRequestUnits(units)))))
          .isEqualTo("One or more parameter values were invalid: Requested MaxReadRequestUnits"
              + " for OnDemandThroughput for table is outside of valid range");
    }
    assertThat(validationMessage(() -> dynamo.createTable(provisioned("bad", 1L, 1L).toBuilder()
        .onDemandThroughput(o -> o.maxReadRequestUnits(10L).maxWriteRequestUnits(10L)).build())))
        .isEqualTo("One or more parameter values were invalid: MaxReadRequestUnits for"
            + " OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.");
    assertThat(dynamo.listTables().tableNames()).doesNotContain("bad");
  }

  @Test
  void updateTable_mergesMemberByMember_andMinusOneClears() {
    dynamo.createTable(onDemand("merge", null));

    assertThat(dynamo.updateTable(b -> b.tableName("merge").onDemandThroughput(o -> o
        .maxReadRequestUnits(1000L).maxWriteRequestUnits(500L))).tableDescription()
        .onDemandThroughput()).isEqualTo(OnDemandThroughput.builder()
        .maxReadRequestUnits(1000L).maxWriteRequestUnits(500L).build());
    dynamo.updateTable(b -> b.tableName("merge").onDemandThroughput(o -> o
        .maxReadRequestUnits(2000L)));
    assertThat(described("merge")).isEqualTo(OnDemandThroughput.builder()
        .maxReadRequestUnits(2000L).maxWriteRequestUnits(500L).build());

    // The clearing update echoes -1; descriptions after it leave the member out.
    assertThat(dynamo.updateTable(b -> b.tableName("merge").onDemandThroughput(o -> o
        .maxReadRequestUnits(-1L))).tableDescription().onDemandThroughput())
        .isEqualTo(OnDemandThroughput.builder().maxReadRequestUnits(-1L)
            .maxWriteRequestUnits(500L).build());
    assertThat(described("merge")).isEqualTo(OnDemandThroughput.builder()
        .maxWriteRequestUnits(500L).build());
    assertThat(dynamo.updateTable(b -> b.tableName("merge").onDemandThroughput(o -> o
        .maxWriteRequestUnits(-1L))).tableDescription().onDemandThroughput())
        .isEqualTo(OnDemandThroughput.builder().maxWriteRequestUnits(-1L).build());
    assertThat(described("merge")).isNull();
  }

  @Test
  void updateTable_refusesZero_belowMinusOne_aboveTheQuota_andAProvisionedTable() {
    dynamo.createTable(onDemand("strict", o -> o.maxReadRequestUnits(10L)));

    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("strict")
        .onDemandThroughput(o -> o.maxWriteRequestUnits(0L)))))
        .isEqualTo("One or more parameter values were invalid: Requested MaxWriteRequestUnits"
            + " for OnDemandThroughput for table is outside of valid range");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("strict")
        .onDemandThroughput(o -> o.maxReadRequestUnits(-2L)))))
        .isEqualTo("One or more parameter values were invalid: Requested MaxReadRequestUnits"
            + " for OnDemandThroughput for table is outside of valid range");
    String region = dynamo.describeTable(b -> b.tableName("strict")).table().tableArn()
        .split(":")[3];
    LimitExceededException above = catchThrowableOfType(LimitExceededException.class,
        () -> dynamo.updateTable(b -> b.tableName("strict").onDemandThroughput(o -> o
            .maxReadRequestUnits(40_001L).maxWriteRequestUnits(1000L))));
    assertThat(above.awsErrorDetails().errorMessage()).isEqualTo("Subscriber limit exceeded:"
        + " Requested MaxReadRequestUnits for OnDemandThroughput for table exceeds"
        + " TableMaxReadCapacityUnits of the account in region " + region);
    assertThat(described("strict")).isEqualTo(OnDemandThroughput.builder()
        .maxReadRequestUnits(10L).build());
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("strict")
        .onDemandThroughput(o -> { }))))
        .isEqualTo("One or more parameter values were invalid: OnDemandThroughput must have at"
            + " least one of MaxReadRequestUnits or MaxWriteRequestUnits specified");

    dynamo.createTable(provisioned("fixed", 1L, 1L));
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("fixed")
        .onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(100L)))))
        .isEqualTo("One or more parameter values were invalid: MaxReadRequestUnits for"
            + " OnDemandThroughput cannot be specified when the table BillingMode is"
            + " PROVISIONED");
    ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.updateTable(b -> b.tableName("nope").onDemandThroughput(o -> o
            .maxReadRequestUnits(5L))));
    assertThat(missing.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Table: nope not found");
  }

  @Test
  void aSwitchToOnDemand_takesIt_andASwitchToProvisioned_dropsIt() {
    dynamo.createTable(provisioned("flip", 1L, 1L));

    dynamo.updateTable(b -> b.tableName("flip").billingMode(BillingMode.PAY_PER_REQUEST)
        .onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(100L)));
    assertThat(described("flip")).isEqualTo(OnDemandThroughput.builder()
        .maxReadRequestUnits(100L).maxWriteRequestUnits(100L).build());

    dynamo.updateTable(b -> b.tableName("flip").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L)));
    assertThat(described("flip")).isNull();
    dynamo.updateTable(b -> b.tableName("flip").billingMode(BillingMode.PAY_PER_REQUEST));
    assertThat(described("flip")).isNull();
  }

  static CreateTableRequest withIndex(String name, BillingMode mode,
      Consumer<OnDemandThroughput.Builder> indexLimits) {
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name)
        .keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("g", ScalarAttributeType.S))
        .billingMode(mode)
        .globalSecondaryIndexes(i -> {
          i.indexName("byG").keySchema(key("g", KeyType.HASH))
              .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
              .onDemandThroughput(indexLimits);
          if (mode == BillingMode.PROVISIONED) {
            i.provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L));
          }
        });
    if (mode == BillingMode.PROVISIONED) {
      b.provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L));
    }
    return b.build();
  }

  OnDemandThroughput indexLimits(String table) {
    return dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().get(0)
        .onDemandThroughput();
  }

  @Test
  void anIndex_hasItsOwn_setAtCreate_mergedByUpdate() {
    dynamo.createTable(withIndex("indexed", BillingMode.PAY_PER_REQUEST,
        o -> o.maxReadRequestUnits(50L).maxWriteRequestUnits(50L)));
    assertThat(described("indexed")).isNull();
    assertThat(indexLimits("indexed")).isEqualTo(OnDemandThroughput.builder()
        .maxReadRequestUnits(50L).maxWriteRequestUnits(50L).build());

    // Above the table's own maxima: the index's are independent (DDB-TABLE-135).
    dynamo.updateTable(b -> b.tableName("indexed").onDemandThroughput(o -> o
        .maxReadRequestUnits(10L)));
    assertThat(dynamo.updateTable(b -> b.tableName("indexed").globalSecondaryIndexUpdates(u -> u
        .update(x -> x.indexName("byG").onDemandThroughput(o -> o.maxReadRequestUnits(6000L)
            .maxWriteRequestUnits(5000L))))).tableDescription().globalSecondaryIndexes().get(0)
        .onDemandThroughput()).isEqualTo(OnDemandThroughput.builder()
        .maxReadRequestUnits(6000L).maxWriteRequestUnits(5000L).build());
    dynamo.updateTable(b -> b.tableName("indexed").globalSecondaryIndexUpdates(u -> u
        .update(x -> x.indexName("byG").onDemandThroughput(o -> o.maxReadRequestUnits(7000L)))));
    assertThat(indexLimits("indexed")).isEqualTo(OnDemandThroughput.builder()
        .maxReadRequestUnits(7000L).maxWriteRequestUnits(5000L).build());
    assertThat(described("indexed")).isEqualTo(OnDemandThroughput.builder()
        .maxReadRequestUnits(10L).build());
  }

  @Test
  void anIndex_refusesValuesBelowOne_anUnknownName_andTheQuota() {
    assertThat(validationMessage(() -> dynamo.createTable(withIndex("badIndex",
        BillingMode.PAY_PER_REQUEST, o -> o.maxReadRequestUnits(0L)))))
        .isEqualTo("One or more parameter values were invalid: Requested MaxReadRequestUnits"
            + " for OnDemandThroughput for index : byG is outside of valid range");
    dynamo.createTable(withIndex("quota", BillingMode.PAY_PER_REQUEST, o -> { }));
    assertThat(indexLimits("quota")).isNull();

    ResourceNotFoundException unknown = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.updateTable(b -> b.tableName("quota").globalSecondaryIndexUpdates(u -> u
            .update(x -> x.indexName("other").onDemandThroughput(o -> o
                .maxReadRequestUnits(5L))))));
    assertThat(unknown.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Index other for table quota");
    String region = dynamo.describeTable(b -> b.tableName("quota")).table().tableArn()
        .split(":")[3];
    LimitExceededException above = catchThrowableOfType(LimitExceededException.class,
        () -> dynamo.updateTable(b -> b.tableName("quota").globalSecondaryIndexUpdates(u -> u
            .update(x -> x.indexName("byG").onDemandThroughput(o -> o
                .maxReadRequestUnits(40_001L))))));
    assertThat(above.awsErrorDetails().errorMessage()).isEqualTo("Subscriber limit exceeded:"
        + " Requested MaxReadRequestUnits for OnDemandThroughput for index : byG exceeds"
        + " TableMaxReadCapacityUnits of the account in region " + region);
    assertThat(indexLimits("quota")).isNull();
  }

  @Test
  void anIndex_ofAProvisionedTable_refusesThem_andASwitchToProvisioned_dropsThem() {
    assertThat(validationMessage(() -> dynamo.createTable(withIndex("fixedIndex",
        BillingMode.PROVISIONED, o -> o.maxReadRequestUnits(10L).maxWriteRequestUnits(10L)))))
        .isEqualTo("One or more parameter values were invalid: MaxReadRequestUnits for"
            + " OnDemandThroughput for index: byG cannot be specified when table BillingMode is"
            + " PROVISIONED.");

    dynamo.createTable(withIndex("switching", BillingMode.PAY_PER_REQUEST,
        o -> o.maxWriteRequestUnits(20L)));
    dynamo.updateTable(b -> b.tableName("switching").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
        .globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byG")
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)))));
    assertThat(indexLimits("switching")).isNull();
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("switching")
        .globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byG")
            .onDemandThroughput(o -> o.maxWriteRequestUnits(5L)))))))
        .isEqualTo("One or more parameter values were invalid: MaxWriteRequestUnits for"
            + " OnDemandThroughput for index : byG cannot be specified when the table"
            + " BillingMode is PROVISIONED");
  }
}
