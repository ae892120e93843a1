package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportConflictException;
import software.amazon.awssdk.services.dynamodb.model.ImportNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportSummary;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListImportsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ImportTable, DescribeImport and ListImports through the SDK v2, from objects put with the S3
 * client of the same emulator, and the round trip from an export.
 */
class ImportTableSdkTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  static final String BUCKET = "imports";

  ManualClock clock;
  Tombstone tombstone;
  DynamoDbClient dynamo;
  S3Client s3;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    tombstone = Tombstone.builder().clock(clock).start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
    s3 = dev.tombstone.internal.s3.protocol.SdkClients.sync(tombstone);
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterEach
  void stop() {
    s3.close();
    dynamo.close();
    tombstone.close();
  }

  void putObject(String key, String content) {
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(content));
  }

  ImportTableDescription importTable(String table, String prefix, InputFormat format,
      Consumer<ImportTableRequest.Builder> more) {
    return dynamo.importTable(b -> {
      b.s3BucketSource(s -> s.s3Bucket(BUCKET).s3KeyPrefix(prefix)).inputFormat(format)
          .tableCreationParameters(t -> t.tableName(table)
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
              .attributeDefinitions(a -> a.attributeName("id")
                  .attributeType(ScalarAttributeType.S)));
      more.accept(b);
    }).importTableDescription();
  }

  @Test
  void import_ofAnExportsDataFolder_bringsBackTheDeletedTable() {
    String tableArn = dynamo.createTable(b -> b.tableName("orders")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)))
        .tableDescription().tableArn();
    dynamo.updateContinuousBackups(b -> b.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    for (int i = 0; i < 30; i++) {
      int n = i;
      dynamo.putItem(b -> b.tableName("orders").item(Map.of(
          "id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("o-" + n),
          "total", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(n + ".5"),
          "blob", software.amazon.awssdk.services.dynamodb.model.AttributeValue
              .fromB(SdkBytes.fromByteArray(new byte[] {(byte) n, (byte) 0xff})),
          "lines", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(List.of(
              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(Map.of(
                  "sku", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                      .fromS("s\"k\nu"))),
              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul(true))))));
    }
    List<Item> before = tombstone.dynamoDb().items("orders");
    ExportDescription export = dynamo.exportTableToPointInTime(
        b -> b.tableArn(tableArn).s3Bucket(BUCKET).s3Prefix("nightly")).exportDescription();
    dynamo.deleteTable(b -> b.tableName("orders"));
    String id = export.exportArn().substring(export.exportArn().lastIndexOf('/') + 1);

    ImportTableDescription imported = importTable("orders",
        "nightly/AWSDynamoDB/" + id + "/data/", InputFormat.DYNAMODB_JSON,
        b -> b.inputCompressionType(InputCompressionType.GZIP));

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
    assertThat(imported.importArn()).matches(tableArn.replace(".", "\\.")
        + "/import/\\d{14}-[0-9a-f]{8}");
    assertThat(imported.processedItemCount()).isEqualTo(30);
    assertThat(imported.importedItemCount()).isEqualTo(30);
    assertThat(imported.errorCount()).isZero();
    assertThat(imported.processedSizeBytes()).isPositive();
    assertThat(imported.startTime()).isEqualTo(START);
    assertThat(imported.endTime()).isEqualTo(START);
    assertThat(imported.clientToken()).isNotBlank();
    assertThat(imported.cloudWatchLogGroupArn())
        .isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*");
    assertThat(imported.tableCreationParameters().tableName()).isEqualTo("orders");
    assertThat(imported.tableId()).isEqualTo(
        dynamo.describeTable(b -> b.tableName("orders")).table().tableId());
    assertThat(tombstone.dynamoDb().items("orders")).containsExactlyElementsOf(before);
  }

  @Test
  void import_ofCsvWithAHeaderList_typesTheKeysAndReadsTheRestAsStrings() {
    putObject("people/part-1.csv", "1;Ada;36\n2;\"Grace; RADM\";\n\n");
    putObject("people/part-2.csv", "3;Linus;54\r\n");

    ImportTableDescription imported = dynamo.importTable(b -> b
        .s3BucketSource(s -> s.s3Bucket(BUCKET).s3KeyPrefix("people/"))
        .inputFormat(InputFormat.CSV)
        .inputFormatOptions(o -> o.csv(c -> c.delimiter(";").headerList("id", "name", "age")))
        .tableCreationParameters(t -> t.tableName("people")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id")
                .attributeType(ScalarAttributeType.N)))).importTableDescription();

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
    assertThat(imported.importedItemCount()).isEqualTo(3);
    assertThat(imported.inputFormatOptions().csv().headerList())
        .containsExactly("id", "name", "age");
    assertThat(tombstone.dynamoDb().items("people")).containsExactlyInAnyOrder(
        Item.of(Map.of("id", AttributeValue.n(1), "name", AttributeValue.s("Ada"),
            "age", AttributeValue.s("36"))),
        Item.of(Map.of("id", AttributeValue.n(2), "name", AttributeValue.s("Grace; RADM"))),
        Item.of(Map.of("id", AttributeValue.n(3), "name", AttributeValue.s("Linus"),
            "age", AttributeValue.s("54"))));
  }

  @Test
  void import_ofCsvWithoutAHeaderList_readsEachObjectsFirstLine() {
    putObject("csv/a.csv", "name,id\nAda,a-1\n");

    ImportTableDescription imported = importTable("people", "csv/", InputFormat.CSV, b -> { });

    assertThat(imported.importedItemCount()).isEqualTo(1);
    assertThat(tombstone.dynamoDb().items("people")).containsExactly(
        Item.of(Map.of("id", AttributeValue.s("a-1"), "name", AttributeValue.s("Ada"))));
  }

  @Test
  void import_withBadLines_failsButKeepsTheGoodItems_oneErrorPerObject() {
    putObject("bad/1.json", "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n   \n"
        + "{\"Item\":{\"id\":{\"S\":\"b\"},\"n\":{\"N\":\"1\"}}}\n");
    putObject("bad/2.json", "{\"Item\": \n{\"Item\":{\"id\":{\"S\":\"never\"}}}\n");
    putObject("bad/3.json", "{\"Item\":{\"other\":{\"S\":\"x\"}}}\n");
    putObject("bad/4.json", "{\"NotAnItem\":{\"id\":{\"S\":\"x\"}}}\n");
    putObject("bad/5.json", "");

    ImportTableDescription imported =
        importTable("orders", "bad/", InputFormat.DYNAMODB_JSON, b -> { });

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.FAILED);
    assertThat(imported.failureCode()).isEqualTo("ItemValidationError");
    assertThat(imported.failureMessage()).isNotBlank();
    assertThat(imported.processedItemCount()).isEqualTo(5);
    assertThat(imported.importedItemCount()).isEqualTo(2);
    assertThat(imported.errorCount()).isEqualTo(3);
    assertThat(tombstone.dynamoDb().items("orders")).extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder(AttributeValue.s("a"), AttributeValue.s("b"));
  }

  @Test
  void import_withItemsFailingValidation_skipsEachOne_andReadsOnInTheSameObject() {
    putObject("invalid/1.json", "{\"Item\":{\"other\":{\"S\":\"x\"}}}\n"
        + "{\"Item\":{\"id\":{\"S\":\"good1\"}}}\n"
        + "{\"Item\":{\"id\":{\"N\":\"1\"}}}\n"
        + "{\"Item\":{\"id\":{\"S\":\"good2\"}}}\n");

    ImportTableDescription imported =
        importTable("orders", "invalid/", InputFormat.DYNAMODB_JSON, b -> { });

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.FAILED);
    assertThat(imported.failureCode()).isEqualTo("ItemValidationError");
    assertThat(imported.processedItemCount()).isEqualTo(4);
    assertThat(imported.importedItemCount()).isEqualTo(2);
    assertThat(imported.errorCount()).isEqualTo(2);
    assertThat(tombstone.dynamoDb().items("orders")).extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder(AttributeValue.s("good1"), AttributeValue.s("good2"));
  }

  @Test
  void import_withAnIndexKeyOfTheWrongType_skipsThatItemOnly() {
    putObject("gsi/1.json", "{\"Item\":{\"id\":{\"S\":\"a\"},\"g\":{\"N\":\"1\"}}}\n"
        + "{\"Item\":{\"id\":{\"S\":\"b\"},\"g\":{\"S\":\"x\"}}}\n");

    ImportTableDescription imported = dynamo.importTable(b -> b
        .s3BucketSource(s -> s.s3Bucket(BUCKET).s3KeyPrefix("gsi/"))
        .inputFormat(InputFormat.DYNAMODB_JSON)
        .tableCreationParameters(t -> t.tableName("orders")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(
                a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
            .globalSecondaryIndexes(g -> g.indexName("by-g")
                .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL)))))
        .importTableDescription();

    assertThat(imported.processedItemCount()).isEqualTo(2);
    assertThat(imported.importedItemCount()).isEqualTo(1);
    assertThat(imported.errorCount()).isEqualTo(1);
    assertThat(tombstone.dynamoDb().items("orders")).extracting(item -> item.get("id"))
        .containsExactly(AttributeValue.s("b"));
  }

  @Test
  void import_ofCsvRowsWithABadOrEmptyKey_skipsThoseRowsOnly() {
    putObject("csvbad/1.csv", "id,name\nabc,x\n1,Ada\n,nobody\n2,Grace\n");

    ImportTableDescription imported = dynamo.importTable(b -> b
        .s3BucketSource(s -> s.s3Bucket(BUCKET).s3KeyPrefix("csvbad/"))
        .inputFormat(InputFormat.CSV)
        .tableCreationParameters(t -> t.tableName("people")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id")
                .attributeType(ScalarAttributeType.N)))).importTableDescription();

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.FAILED);
    assertThat(imported.processedItemCount()).isEqualTo(4);
    assertThat(imported.importedItemCount()).isEqualTo(2);
    assertThat(imported.errorCount()).isEqualTo(2);
    assertThat(tombstone.dynamoDb().items("people")).extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder(AttributeValue.n(1), AttributeValue.n(2));
  }

  @Test
  void import_ofJsonItemsRunTogetherWithoutNewlines_readsEveryItem() {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      content.append("{\"Item\":{\"id\":{\"S\":\"msg").append(i).append("\"}}}\n");
    }
    for (int i = 10; i < 15; i++) {
      content.append("{\"Item\":{\"id\":{\"S\":\"msg").append(i).append("\"}}}");
    }
    putObject("together/data.json", content.toString());

    ImportTableDescription imported =
        importTable("orders", "together/", InputFormat.DYNAMODB_JSON, b -> { });

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
    assertThat(imported.processedItemCount()).isEqualTo(10);
    assertThat(imported.importedItemCount()).isEqualTo(10);
    assertThat(imported.errorCount()).isZero();
  }

  @Test
  void import_fromAMissingBucket_failsWithoutMakingTheTable() {
    ImportTableDescription imported = dynamo.importTable(b -> b
        .s3BucketSource(s -> s.s3Bucket("nowhere"))
        .inputFormat(InputFormat.DYNAMODB_JSON)
        .tableCreationParameters(t -> t.tableName("orders")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id")
                .attributeType(ScalarAttributeType.S)))).importTableDescription();

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.FAILED);
    assertThat(imported.failureCode()).isEqualTo("S3NoSuchBucket");
    assertThat(imported.processedItemCount()).isZero();
    assertThat(imported.processedSizeBytes()).isZero();
    assertThat(catchThrowableOfType(() -> dynamo.describeTable(b -> b.tableName("orders")),
        ResourceNotFoundException.class)).isNotNull();
  }

  @Test
  void import_ofAnEmptyPrefix_completesWithAnEmptyTable() {
    ImportTableDescription imported =
        importTable("orders", "nothing/", InputFormat.DYNAMODB_JSON, b -> { });

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
    assertThat(imported.processedSizeBytes()).isZero();
    assertThat(imported.inputCompressionType()).isEqualTo(InputCompressionType.NONE);
    assertThat(tombstone.dynamoDb().items("orders")).isEmpty();
  }

  @Test
  void import_intoAnExistingTable_isRefused() {
    importTable("orders", "nothing/", InputFormat.DYNAMODB_JSON, b -> { });

    ResourceInUseException thrown = catchThrowableOfType(
        () -> importTable("orders", "nothing/", InputFormat.DYNAMODB_JSON, b -> { }),
        ResourceInUseException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Table already exists: orders");
  }

  @Test
  void import_withAClientToken_repeatsTheFirst_andConflictsOnAnotherTable() {
    Consumer<ImportTableRequest.Builder> missingBucket = b -> b.clientToken("token-1")
        .s3BucketSource(s -> s.s3Bucket("nowhere"));
    ImportTableDescription first =
        importTable("orders", "x/", InputFormat.DYNAMODB_JSON, missingBucket);

    ImportTableDescription again =
        importTable("orders", "y/", InputFormat.CSV, missingBucket);
    ImportConflictException thrown = catchThrowableOfType(
        () -> importTable("other", "x/", InputFormat.DYNAMODB_JSON, missingBucket),
        ImportConflictException.class);

    assertThat(again.importArn()).isEqualTo(first.importArn());
    assertThat(again.inputFormat()).isEqualTo(InputFormat.DYNAMODB_JSON);
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Duplicate request detected with conflicting parameters");
  }

  @Test
  void import_retriedWithTheSameClientToken_answersTheFirstImport_whileItsTableExists() {
    putObject("retry/1.json", "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n");
    Consumer<ImportTableRequest.Builder> token = b -> b.clientToken("retry-1");
    ImportTableDescription first =
        importTable("orders", "retry/", InputFormat.DYNAMODB_JSON, token);

    ImportTableDescription again =
        importTable("orders", "retry/", InputFormat.DYNAMODB_JSON, token);

    assertThat(again.importArn()).isEqualTo(first.importArn());
    assertThat(again.importStatus()).isEqualTo(ImportStatus.COMPLETED);
    assertThat(dynamo.listImports(b -> { }).importSummaryList()).hasSize(1);
    assertThat(tombstone.dynamoDb().items("orders")).hasSize(1);
  }

  @Test
  void import_withoutAClientToken_isServed_withATokenOfItsOwn() {
    Wire.Response response = new Wire(tombstone.endpoint()).post("DynamoDB_20120810.ImportTable",
        "{\"S3BucketSource\":{\"S3Bucket\":\"" + BUCKET + "\",\"S3KeyPrefix\":\"none/\"},"
        + "\"InputFormat\":\"DYNAMODB_JSON\",\"TableCreationParameters\":{"
        + "\"TableName\":\"orders\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}]}}");
    ImportTableDescription described = dynamo.listImports(b -> { }).importSummaryList().stream()
        .map(summary -> dynamo.describeImport(b -> b.importArn(summary.importArn()))
            .importTableDescription()).findFirst().orElseThrow();

    assertThat(response.status()).isEqualTo(200);
    assertThat(described.importStatus()).isEqualTo(ImportStatus.COMPLETED);
    assertThat(described.clientToken()).isNotBlank();
    assertThat(dynamo.listTables().tableNames()).containsExactly("orders");
  }

  @Test
  void import_withInvalidOrUnsupportedParameters_isRefusedWithoutATable() {
    DynamoDbException csvOptions = catchThrowableOfType(() -> importTable("orders", "x/",
        InputFormat.DYNAMODB_JSON, b -> b.inputFormatOptions(o -> o.csv(c -> c.delimiter(",")))),
        DynamoDbException.class);
    DynamoDbException zstd = catchThrowableOfType(() -> importTable("orders", "x/",
        InputFormat.DYNAMODB_JSON, b -> b.inputCompressionType(InputCompressionType.ZSTD)),
        DynamoDbException.class);
    DynamoDbException badName = catchThrowableOfType(() -> importTable("x!", "x/",
        InputFormat.DYNAMODB_JSON, b -> { }), DynamoDbException.class);

    assertThat(csvOptions.awsErrorDetails().errorMessage()).contains("InputFormatOptions");
    assertThat(zstd.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(badName.awsErrorDetails().errorMessage()).startsWith("2 validation errors"
        + " detected: Value 'x!' at 'tableCreationParameters.tableName' failed to satisfy"
        + " constraint:");
    assertThat(dynamo.listTables().tableNames()).isEmpty();
    assertThat(dynamo.listImports(b -> { }).importSummaryList()).isEmpty();
  }

  @Test
  void import_withVectorIndexes_isRefusedRatherThanDroppingThem() {
    DynamoDbException refused = catchThrowableOfType(() -> dynamo.importTable(b -> b
        .s3BucketSource(s -> s.s3Bucket("nowhere"))
        .inputFormat(InputFormat.DYNAMODB_JSON)
        .tableCreationParameters(t -> t.tableName("orders")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .vectorIndexes(v -> v.indexName("by-meaning").dimensions(3L)
                .distanceFunction("COSINE").vectorAttribute(a -> a.attributeName("embedding"))
                .projection(p -> p.projectionType("ALL"))))), DynamoDbException.class);

    assertThat(refused.awsErrorDetails().errorMessage())
        .isEqualTo(ImportTableOperation.VECTOR_INDEXES_REFUSED);
    assertThat(dynamo.listTables().tableNames()).isEmpty();
  }

  @Test
  void import_withHeadersOutsideTheModelsPattern_isRefusedWithoutATable() {
    DynamoDbException thrown = catchThrowableOfType(() -> importTable("orders", "x/",
        InputFormat.CSV, b -> b.inputFormatOptions(o -> o.csv(c -> c.headerList(
            "id", "a,b", "c\"d")))), DynamoDbException.class);

    String pattern = "[\\x20-\\x21\\x23-\\x2B\\x2D-\\x7E]*";
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("2 validation errors"
        + " detected: Value 'a,b' at 'inputFormatOptions.csv.headerList.2.member' failed to"
        + " satisfy constraint: Member must satisfy regular expression pattern: " + pattern
        + "; Value 'c\"d' at 'inputFormatOptions.csv.headerList.3.member' failed to satisfy"
        + " constraint: Member must satisfy regular expression pattern: " + pattern);
    assertThat(dynamo.listTables().tableNames()).isEmpty();
  }

  @Test
  void describeAndListImports_findTheImports_andResetForgetsThem() {
    String a = importTable("table-a", "x/", InputFormat.DYNAMODB_JSON, b -> { }).importArn();
    clock.advance(Duration.ofSeconds(1));
    String b1 = importTable("table-b", "x/", InputFormat.DYNAMODB_JSON, b -> { }).importArn();
    clock.advance(Duration.ofSeconds(1));
    String b2 = importTable("table-c", "x/", InputFormat.DYNAMODB_JSON, b -> { }).importArn();

    ListImportsResponse first = dynamo.listImports(b -> b.pageSize(2));
    ListImportsResponse second = dynamo.listImports(b -> b.pageSize(2)
        .nextToken(first.nextToken()));
    String tableA = a.substring(0, a.indexOf("/import/"));

    assertThat(first.importSummaryList()).extracting(ImportSummary::importArn)
        .containsExactly(b2, b1);
    assertThat(second.importSummaryList()).extracting(ImportSummary::importArn)
        .containsExactly(a);
    assertThat(second.nextToken()).isNull();
    assertThat(dynamo.listImports(b -> b.tableArn(tableA)).importSummaryList())
        .extracting(ImportSummary::importArn).containsExactly(a);
    assertThat(dynamo.describeImport(b -> b.importArn(a)).importTableDescription().importArn())
        .isEqualTo(a);
    assertThat(catchThrowableOfType(() -> dynamo.describeImport(
        b -> b.importArn(tableA + "/import/01767261600000-0badf00d")),
        ImportNotFoundException.class)).isNotNull();
    assertThat(catchThrowableOfType(() -> dynamo.describeImport(
        b -> b.importArn(tableA + "/export/01767261600000-0badf00d")),
        DynamoDbException.class).awsErrorDetails().errorMessage())
        .isEqualTo("Invalid Import ARN");

    tombstone.reset();
    assertThat(dynamo.listImports(b -> { }).importSummaryList()).isEmpty();
  }
}
