package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexWarmThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableWarmThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/**
 * WarmThroughput of tables and global indexes: echoed ACTIVE at once, defaulted as DynamoDB
 * reports it (12,000/4,000 on demand, the provisioned units otherwise), never lowered, and refused
 * below the floor with AWS's texts (ScyllaDB's AWS-run test_warm_throughput.py; AWS's answers
 * quoted in terraform-provider-aws).
 */
class WarmThroughputSdkTest {
  private static final String DECREASE = "One or more parameter values were invalid: Requested %s"
      + " for WarmThroughput for %s is lower than current WarmThroughput, decreasing"
      + " WarmThroughput is not supported";
  private static final String BELOW_ON_DEMAND = "One or more parameter values were invalid:"
      + " Requested %s for WarmThroughput for %s is lower than initial throughput for OnDemand."
      + " See: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
      + "on-demand-capacity-mode.html#on-demand-capacity-mode-initial";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void createTable_echoesTheWarmThroughputItAskedFor() {
    TableDescription created = create("warm", b -> b.warmThroughput(warm(12_240L, 4_080L)));

    assertThat(created.warmThroughput()).isEqualTo(active(12_240, 4_080));
    assertThat(describe("warm").warmThroughput()).isEqualTo(active(12_240, 4_080));
  }

  @Test
  void tablesThatAskedForNone_reportTheirBillingsDefault() {
    create("ondemand", b -> {});
    create("provisioned", b -> b.billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(3L)));

    assertThat(describe("ondemand").warmThroughput()).isEqualTo(active(12_000, 4_000));
    assertThat(describe("provisioned").warmThroughput()).isEqualTo(active(5, 3));
  }

  @Test
  void aUnitNotAskedFor_isTheDefault() {
    create("reads", b -> b.warmThroughput(warm(12_240L, null)));

    assertThat(describe("reads").warmThroughput()).isEqualTo(active(12_240, 4_000));
  }

  @Test
  void updateTable_carryingOnlyWarmThroughput_raisesIt() {
    create("raised", b -> {});

    TableDescription answer = dynamo.updateTable(b -> b.tableName("raised")
        .warmThroughput(warm(12_240L, 4_080L))).tableDescription();

    assertThat(answer.warmThroughput()).isEqualTo(active(12_240, 4_080));
    assertThat(describe("raised").warmThroughput()).isEqualTo(active(12_240, 4_080));
  }

  @Test
  void updateTable_refusesADecrease_andKeepsTheWarmThroughput() {
    create("kept", b -> b.warmThroughput(warm(12_240L, 4_080L)));

    String read = validationMessage(() -> dynamo.updateTable(b -> b.tableName("kept")
        .warmThroughput(warm(12_120L, 4_080L))));
    String write = validationMessage(() -> dynamo.updateTable(b -> b.tableName("kept")
        .warmThroughput(warm(null, 4_040L))));
    dynamo.updateTable(b -> b.tableName("kept").warmThroughput(warm(12_240L, 4_080L)));

    assertThat(read).isEqualTo(DECREASE.formatted("ReadUnitsPerSecond", "table"));
    assertThat(write).isEqualTo(DECREASE.formatted("WriteUnitsPerSecond", "table"));
    assertThat(describe("kept").warmThroughput()).isEqualTo(active(12_240, 4_080));
  }

  @Test
  void updateTable_refusesAWarmThroughputNamingNoUnit() {
    create("empty", b -> {});

    String message = validationMessage(() -> dynamo.updateTable(b -> b.tableName("empty")
        .warmThroughput(WarmThroughput.builder().build())));

    assertThat(message).isEqualTo("One or more parameter values were invalid: WarmThroughput"
        + " must have at least one of ReadUnitsPerSecond or WriteUnitsPerSecond specified");
  }

  @Test
  void createTable_refusesLessThanTheOnDemandInitialThroughput_andCreatesNothing() {
    String read =
        validationMessage(() -> create("low", b -> b.warmThroughput(warm(11_999L, 4_000L))));
    String write =
        validationMessage(() -> create("low", b -> b.warmThroughput(warm(12_000L, 3_999L))));

    assertThat(read).isEqualTo(BELOW_ON_DEMAND.formatted("ReadUnitsPerSecond", "table"));
    assertThat(write).isEqualTo(BELOW_ON_DEMAND.formatted("WriteUnitsPerSecond", "table"));
    assertThat(dynamo.listTables().tableNames()).doesNotContain("low");
  }

  @Test
  void createTable_refusesLessThanTheProvisionedUnits() {
    String message = validationMessage(() -> create("low", b -> b
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L))
        .warmThroughput(warm(5L, 5L))));

    assertThat(message).isEqualTo("One or more parameter values were invalid: Requested"
        + " ReadUnitsPerSecond for WarmThroughput for table is lower than ReadCapacityUnits of"
        + " ProvisionedThroughput");
  }

  @Test
  void billingChanges_raiseTheWarmThroughput_butNeverLowerIt() {
    create("billed", b -> b.billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));

    dynamo.updateTable(b -> b.tableName("billed")
        .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(2L)));
    dynamo.updateTable(b -> b.tableName("billed")
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
    TableWarmThroughputDescription provisioned = describe("billed").warmThroughput();
    dynamo.updateTable(b -> b.tableName("billed").billingMode(BillingMode.PAY_PER_REQUEST));

    assertThat(provisioned).isEqualTo(active(3, 2));
    assertThat(describe("billed").warmThroughput()).isEqualTo(active(12_000, 4_000));
  }

  @Test
  void globalIndexes_reportWhatTheyAskedFor_orTheDefault() {
    create("indexed", b -> b
        .attributeDefinitions(d -> d.attributeName("p").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("g").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(i -> i.indexName("asked")
            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .warmThroughput(warm(12_240L, null)),
            i -> i.indexName("plain")
            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));

    TableDescription table = describe("indexed");

    assertThat(table.globalSecondaryIndexes().get(0).warmThroughput())
        .isEqualTo(activeIndex(12_240, 4_000));
    assertThat(table.globalSecondaryIndexes().get(1).warmThroughput())
        .isEqualTo(activeIndex(12_000, 4_000));
  }

  @Test
  void globalIndexUpdate_carryingOnlyWarmThroughput_raisesIt_andRefusesADecrease() {
    createWithIndex("gsi");

    dynamo.updateTable(b -> b.tableName("gsi").globalSecondaryIndexUpdates(u -> u.update(
        i -> i.indexName("byG").warmThroughput(warm(12_240L, 4_080L)))));
    String lower = validationMessage(() -> dynamo.updateTable(b -> b.tableName("gsi")
        .globalSecondaryIndexUpdates(u -> u.update(
            i -> i.indexName("byG").warmThroughput(warm(12_120L, null))))));
    String empty = validationMessage(() -> dynamo.updateTable(b -> b.tableName("gsi")
        .globalSecondaryIndexUpdates(u -> u.update(
            i -> i.indexName("byG").warmThroughput(WarmThroughput.builder().build())))));

    assertThat(describe("gsi").globalSecondaryIndexes().get(0).warmThroughput())
        .isEqualTo(activeIndex(12_240, 4_080));
    assertThat(lower).isEqualTo(DECREASE.formatted("ReadUnitsPerSecond", "index byG"));
    assertThat(empty).isEqualTo("One or more parameter values were invalid: WarmThroughput must"
        + " have at least one of ReadUnitsPerSecond or WriteUnitsPerSecond specified for index:"
        + " byG");
  }

  @Test
  void globalIndexCreatedByUpdateTable_takesItsWarmThroughput_checkedAsCreateTableDoes() {
    create("later", b -> {});

    String low = validationMessage(() -> dynamo.updateTable(b -> createIndex(b, warm(100L, 100L))));
    dynamo.updateTable(b -> createIndex(b, warm(null, 4_080L)));

    assertThat(low).isEqualTo(BELOW_ON_DEMAND.formatted("ReadUnitsPerSecond", "index byG"));
    assertThat(describe("later").globalSecondaryIndexes().get(0).warmThroughput())
        .isEqualTo(activeIndex(12_000, 4_080));
  }

  private static void createIndex(UpdateTableRequest.Builder b, WarmThroughput warm) {
    b.tableName("later")
        .attributeDefinitions(d -> d.attributeName("g").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(i -> i.indexName("byG")
            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .warmThroughput(warm)));
  }

  private void createWithIndex(String name) {
    create(name, b -> b
        .attributeDefinitions(d -> d.attributeName("p").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("g").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(i -> i.indexName("byG")
            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
  }

  private TableDescription create(String name, Consumer<CreateTableRequest.Builder> extra) {
    return dynamo.createTable(b -> {
      b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("p").keyType(KeyType.HASH))
          .attributeDefinitions(d -> d.attributeName("p").attributeType(ScalarAttributeType.S));
      extra.accept(b);
    }).tableDescription();
  }

  private TableDescription describe(String name) {
    return dynamo.describeTable(b -> b.tableName(name)).table();
  }

  private static WarmThroughput warm(Long read, Long write) {
    return WarmThroughput.builder().readUnitsPerSecond(read).writeUnitsPerSecond(write).build();
  }

  private static TableWarmThroughputDescription active(long read, long write) {
    return TableWarmThroughputDescription.builder().readUnitsPerSecond(read)
        .writeUnitsPerSecond(write).status("ACTIVE").build();
  }

  private static GlobalSecondaryIndexWarmThroughputDescription activeIndex(long read,
      long write) {
    return GlobalSecondaryIndexWarmThroughputDescription.builder().readUnitsPerSecond(read)
        .writeUnitsPerSecond(write).status("ACTIVE").build();
  }
}
