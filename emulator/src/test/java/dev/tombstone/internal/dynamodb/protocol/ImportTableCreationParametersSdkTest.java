package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ImportTable's {@code TableCreationParameters} beyond the key schema: {@code
 * OnDemandThroughput} (the table's and its global indexes'), {@code SSESpecification} and the
 * indexes' throughput are checked as CreateTable checks them, applied to the new table and
 * echoed in the import's description; an index's {@code WarmThroughput} is refused.
 */
class ImportTableCreationParametersSdkTest {
  static final String BUCKET = "imports";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();
  final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  ImportTableDescription importTable(String bucket,
      Consumer<TableCreationParameters.Builder> more) {
    return dynamo.importTable(b -> b
        .s3BucketSource(s -> s.s3Bucket(bucket).s3KeyPrefix("none/"))
        .inputFormat(InputFormat.DYNAMODB_JSON)
        .tableCreationParameters(t -> {
          t.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
              .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
              .attributeDefinitions(a -> a.attributeName("id")
                  .attributeType(ScalarAttributeType.S));
          more.accept(t);
        })).importTableDescription();
  }

  static GlobalSecondaryIndex.Builder byG() {
    return GlobalSecondaryIndex.builder().indexName("byG")
        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY));
  }

  /** The parameters with {@code index} as their one global index, keyed on {@code g}. */
  static TableCreationParameters.Builder indexed(TableCreationParameters.Builder t,
      GlobalSecondaryIndex index) {
    return t.attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(index);
  }

  TableDescription described() {
    return dynamo.describeTable(b -> b.tableName("orders")).table();
  }

  String refused(Consumer<TableCreationParameters.Builder> parameters) {
    String message = validationMessage(() -> importTable(BUCKET, parameters));
    assertThat(dynamo.listTables().tableNames()).isEmpty();
    assertThat(dynamo.listImports(b -> { }).importSummaryList()).isEmpty();
    return message;
  }

  @Test
  void onDemandThroughput_ofTheTableAndAnIndex_isApplied_described_andEchoed() {
    OnDemandThroughput table = OnDemandThroughput.builder().maxReadRequestUnits(100L)
        .maxWriteRequestUnits(50L).build();
    OnDemandThroughput index = OnDemandThroughput.builder().maxReadRequestUnits(7L).build();

    ImportTableDescription imported = importTable(BUCKET, t -> indexed(t,
        byG().onDemandThroughput(index).build()).onDemandThroughput(table));

    assertThat(described().onDemandThroughput()).isEqualTo(table);
    assertThat(described().globalSecondaryIndexes().get(0).onDemandThroughput())
        .isEqualTo(index);
    ImportTableDescription again = dynamo.describeImport(b -> b.importArn(imported.importArn()))
        .importTableDescription();
    for (ImportTableDescription description : new ImportTableDescription[] {imported, again}) {
      assertThat(description.tableCreationParameters().onDemandThroughput()).isEqualTo(table);
      assertThat(description.tableCreationParameters().globalSecondaryIndexes().get(0)
          .onDemandThroughput()).isEqualTo(index);
    }
  }

  @Test
  void anEmptyOnDemandThroughput_isTaken_andDescribesNothing() {
    importTable(BUCKET, t -> t.onDemandThroughput(o -> { }));

    assertThat(described().onDemandThroughput()).isNull();
  }

  @Test
  void onDemandThroughput_outOfRange_orOnAProvisionedTable_isRefusedWithCreateTablesTexts() {
    assertThat(refused(t -> t.onDemandThroughput(o -> o.maxReadRequestUnits(-2L))))
        .isEqualTo("One or more parameter values were invalid: Requested MaxReadRequestUnits"
            + " for OnDemandThroughput for table is outside of valid range");
    assertThat(refused(t -> indexed(t, byG()
        .onDemandThroughput(o -> o.maxWriteRequestUnits(0L)).build())))
        .isEqualTo("One or more parameter values were invalid: Requested MaxWriteRequestUnits"
            + " for OnDemandThroughput for index : byG is outside of valid range");
    assertThat(refused(t -> t.billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
        .onDemandThroughput(o -> o.maxWriteRequestUnits(5L))))
        .isEqualTo("One or more parameter values were invalid: MaxWriteRequestUnits for"
            + " OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.");
  }

  @Test
  void anInvalidOnDemandThroughput_isRefused_evenWhenTheBucketIsMissing() {
    String message = validationMessage(() -> importTable("nowhere",
        t -> t.onDemandThroughput(o -> o.maxWriteRequestUnits(-5L))));

    assertThat(message).endsWith("Requested MaxWriteRequestUnits for OnDemandThroughput for"
        + " table is outside of valid range");
    assertThat(dynamo.listImports(b -> { }).importSummaryList()).isEmpty();
  }

  @Test
  void sseSpecification_encryptsTheTable_andIsEchoedAsSent() {
    SSESpecification sse = SSESpecification.builder().enabled(true).sseType(SSEType.KMS)
        .kmsMasterKeyId("alias/orders").build();

    ImportTableDescription imported = importTable(BUCKET, t -> t.sseSpecification(sse));

    assertThat(described().sseDescription().sseType()).isEqualTo(SSEType.KMS);
    assertThat(described().sseDescription().kmsMasterKeyArn()).endsWith(":alias/orders");
    assertThat(imported.tableCreationParameters().sseSpecification()).isEqualTo(sse);
  }

  @Test
  void sseSpecification_isCheckedAsCreateTableChecksIt() {
    assertThat(refused(t -> t.sseSpecification(s -> s.enabled(true).sseType(SSEType.AES256))))
        .isEqualTo("One or more parameter values were invalid: SSEType AES256 is not supported");
    assertThat(refused(t -> t.sseSpecification(s -> s.enabled(false).kmsMasterKeyId("k"))))
        .isEqualTo("One or more parameter values were invalid: KMSMasterKeyId can not be"
            + " specified if Enabled is false");
    assertThat(refused(t -> t.sseSpecification(s -> s.sseType("DES"))))
        .startsWith("1 validation error detected: Value 'DES' at"
            + " 'tableCreationParameters.sSESpecification.sSEType' failed to satisfy constraint:");
  }

  @Test
  void theIndexesProvisionedThroughput_isEchoed_onAProvisionedTable() {
    ProvisionedThroughput units = ProvisionedThroughput.builder().readCapacityUnits(3L)
        .writeCapacityUnits(4L).build();

    ImportTableDescription imported = importTable(BUCKET, t -> indexed(t,
        byG().provisionedThroughput(units).build()).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(2L)));

    assertThat(imported.tableCreationParameters().globalSecondaryIndexes().get(0)
        .provisionedThroughput()).isEqualTo(units);
    assertThat(described().globalSecondaryIndexes().get(0).provisionedThroughput()
        .readCapacityUnits()).isEqualTo(3L);
  }

  @Test
  void anIndexsWarmThroughput_isRefusedRatherThanDropped() {
    assertThat(refused(t -> indexed(t, byG()
        .warmThroughput(w -> w.readUnitsPerSecond(15_000L)).build())))
        .isEqualTo(ImportTableOperation.INDEX_WARM_THROUGHPUT_REFUSED);
  }
}
