package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationDescription;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationInputFormat;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationStatus;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationSummary;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBulkOperationsResponse;
import software.amazon.awssdk.services.dynamodb.model.OutputTypeEnum;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StartBulkPutItemsRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * StartBulkPutItems, DescribeBulkOperation, ListBulkOperations and CancelBulkOperation through
 * the SDK v2, from objects put with the S3 client of the same emulator.
 */
class BulkPutItemsSdkTest {
  static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  static final String INPUT = "bulk-input";
  static final String OUTPUT = "bulk-output";

  ManualClock clock;
  Tombstone tombstone;
  DynamoDbClient dynamo;
  S3Client s3;
  String tableArn;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    tombstone = Tombstone.builder().clock(clock).start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
    s3 = dev.tombstone.internal.s3.protocol.SdkClients.sync(tombstone);
    s3.createBucket(b -> b.bucket(INPUT));
    s3.createBucket(b -> b.bucket(OUTPUT));
    tableArn = dynamo.createTable(b -> b.tableName("orders")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)))
        .tableDescription().tableArn();
  }

  @AfterEach
  void stop() {
    s3.close();
    dynamo.close();
    tombstone.close();
  }

  void putObject(String key, byte[] content) {
    s3.putObject(b -> b.bucket(INPUT).key(key), RequestBody.fromBytes(content));
  }

  void putObject(String key, String content) {
    putObject(key, content.getBytes(StandardCharsets.UTF_8));
  }

  BulkOperationDescription bulkPut(String prefix, Consumer<StartBulkPutItemsRequest.Builder> more) {
    return dynamo.startBulkPutItems(b -> {
      b.tableName("orders")
          .inputS3Configuration(i -> i.s3Bucket(INPUT).s3KeyPrefix(prefix)
              .inputFormat(BulkOperationInputFormat.DYNAMODB_JSON))
          .outputS3Configuration(o -> o.s3Bucket(OUTPUT).s3KeyPrefix("reports")
              .outputType(OutputTypeEnum.ERROR, OutputTypeEnum.CONDITION_CHECK_FAILURE));
      more.accept(b);
    }).bulkOperationDescription();
  }

  List<String> outputKeys() {
    return s3.listObjectsV2(b -> b.bucket(OUTPUT)).contents().stream().map(S3Object::key)
        .toList();
  }

  static String line(String id, String more) {
    return "{\"Item\":{\"id\":{\"S\":\"" + id + "\"}" + more + "}}\n";
  }

  @Test
  void start_putsEveryItemUnderThePrefix_intoTheExistingTable_completedAtOnce() {
    dynamo.putItem(b -> b.tableName("orders").item(Map.of("id",
        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"), "old",
        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("replaced"))));
    putObject("load/part-1.json", line("a", ",\"n\":{\"N\":\"1\"}") + line("b", ""));
    putObject("load/part-2.json", line("c", ",\"l\":{\"L\":[{\"BOOL\":true}]}"));
    putObject("elsewhere/part-3.json", line("never", ""));

    BulkOperationDescription started = bulkPut("load/", b -> b.clientToken("first-load"));

    assertThat(started.bulkOperationStatus()).isEqualTo(BulkOperationStatus.COMPLETED);
    assertThat(started.bulkOperationArn())
        .matches(tableArn.replace(".", "\\.") + "/bulk-operation/\\d{14}-[0-9a-f]{8}");
    assertThat(started.processedItemCount()).isEqualTo(3);
    assertThat(started.failedItemCount()).isZero();
    assertThat(started.totalInputBytes()).isEqualTo(started.processedInputBytes())
        .isEqualTo((long) (line("a", ",\"n\":{\"N\":\"1\"}") + line("b", "")
            + line("c", ",\"l\":{\"L\":[{\"BOOL\":true}]}")).length());
    assertThat(started.bulkOperationUsage()).singleElement().satisfies(usage -> {
      assertThat(usage.tableName()).isEqualTo("orders");
      assertThat(usage.table().bulkPutBytes()).isPositive();
    });
    assertThat(started.tableDetails()).singleElement().satisfies(detail -> {
      assertThat(detail.tableName()).isEqualTo("orders");
      assertThat(detail.tableId())
          .isEqualTo(dynamo.describeTable(b -> b.tableName("orders")).table().tableId());
    });
    assertThat(started.clientToken()).isEqualTo("first-load");
    assertThat(started.startTime()).isEqualTo(START);
    assertThat(started.endTime()).isEqualTo(START);
    assertThat(started.inputS3Configuration().s3KeyPrefix()).isEqualTo("load/");
    assertThat(started.inputS3Configuration().inputCompressionType())
        .isEqualTo(InputCompressionType.NONE);
    assertThat(started.outputS3Configuration().outputType())
        .containsExactly(OutputTypeEnum.ERROR, OutputTypeEnum.CONDITION_CHECK_FAILURE);
    assertThat(started.failureCode()).isNull();
    assertThat(tombstone.dynamoDb().items("orders")).containsExactlyInAnyOrder(
        Item.of(Map.of("id", AttributeValue.s("a"), "n", AttributeValue.n(1))),
        Item.of(Map.of("id", AttributeValue.s("b"))),
        Item.of(Map.of("id", AttributeValue.s("c"),
            "l", new AttributeValue.L(List.of(new AttributeValue.Bool(true))))));
    assertThat(outputKeys()).isEmpty();
    assertThat(dynamo.describeBulkOperation(b -> b.bulkOperationArn(started.bulkOperationArn()))
        .bulkOperationDescription()).isEqualTo(started);
  }

  @Test
  void start_ofGzipObjects_readsThemUncompressed_andCountsTheStoredBytes() {
    byte[] compressed = gzip(line("z1", "") + line("z2", ""));
    putObject("gz/1.json.gz", compressed);

    BulkOperationDescription started =
        bulkPut("gz/", b -> b.inputS3Configuration(i -> i.s3Bucket(INPUT).s3KeyPrefix("gz/")
            .inputFormat(BulkOperationInputFormat.DYNAMODB_JSON)
            .inputCompressionType(InputCompressionType.GZIP)));

    assertThat(started.bulkOperationStatus()).isEqualTo(BulkOperationStatus.COMPLETED);
    assertThat(started.processedItemCount()).isEqualTo(2);
    assertThat(started.totalInputBytes()).isEqualTo(compressed.length);
    assertThat(tombstone.dynamoDb().items("orders")).hasSize(2);
  }

  @Test
  void start_withBadItems_completesWithErrors_writesTheGoodOnes_andReportsEachBadOne() {
    putObject("mixed/1.json", line("good-1", "")
        + "{\"Item\":{\"other\":{\"S\":\"x\"}}}\n"
        + "{\"Item\":{\"id\":{\"N\":\"7\"}}}\n"
        + line("good-2", ""));
    putObject("mixed/2.json", line("good-3", "") + "{\"Item\": oops\n" + line("lost", ""));
    putObject("mixed/3.json", "{\"Item\":{\"id\":{\"S\":\"other\"}},\"Other\":1}\n");

    BulkOperationDescription started = bulkPut("mixed/", b -> { });

    assertThat(started.bulkOperationStatus())
        .isEqualTo(BulkOperationStatus.COMPLETED_WITH_ERRORS);
    assertThat(started.processedItemCount()).isEqualTo(7);
    assertThat(started.failedItemCount()).isEqualTo(4);
    assertThat(tombstone.dynamoDb().items("orders")).extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder(AttributeValue.s("good-1"), AttributeValue.s("good-2"),
            AttributeValue.s("good-3"));
    String id = started.bulkOperationArn()
        .substring(started.bulkOperationArn().lastIndexOf('/') + 1);
    String reportKey = "reports/AWSDynamoDB/bulk-operation/" + id + "/ERROR.json";
    assertThat(outputKeys()).containsExactly(reportKey);
    List<String> report = s3.getObjectAsBytes(b -> b.bucket(OUTPUT).key(reportKey))
        .asUtf8String().lines().toList();
    assertThat(report).hasSize(4);
    assertThat(report.get(0)).startsWith("{\"SourceObject\":\"mixed/1.json\",\"SourceRecord\":2,"
        + "\"ErrorCode\":\"ValidationException\",\"ErrorMessage\":\"")
        .endsWith("\"Item\":{\"other\":{\"S\":\"x\"}}}");
    assertThat(report.get(1)).contains("\"SourceRecord\":3,\"ErrorCode\":\"ValidationException\"")
        .contains("\"Item\":{\"id\":{\"N\":\"7\"}}");
    assertThat(report.get(2)).contains("\"SourceObject\":\"mixed/2.json\",\"SourceRecord\":2,"
        + "\"ErrorCode\":\"ParseError\",\"ErrorMessage\":\"" + ImportSources.NOT_JSON + "\"")
        .doesNotContain("\"Item\"");
    assertThat(report.get(3)).contains("\"SourceObject\":\"mixed/3.json\",\"SourceRecord\":1,"
        + "\"ErrorCode\":\"ParseError\",\"ErrorMessage\":\"" + BulkPutConditions.OTHER_MEMBER
        + "Other\"}");
  }

  @Test
  void start_withoutErrorOutput_writesNoReport_butStillCountsTheFailures() {
    putObject("bad/1.json", "{\"Item\":{\"other\":{\"S\":\"x\"}}}\n");

    BulkOperationDescription started = bulkPut("bad/", b -> b.outputS3Configuration(
        o -> o.s3Bucket(OUTPUT).outputType(OutputTypeEnum.CONDITION_CHECK_FAILURE)));

    assertThat(started.bulkOperationStatus())
        .isEqualTo(BulkOperationStatus.COMPLETED_WITH_ERRORS);
    assertThat(started.failedItemCount()).isEqualTo(1);
    assertThat(outputKeys()).isEmpty();
  }

  @Test
  void start_withTheSameTokenAndParameters_answersTheFirstOperation_otherParametersAreRefused() {
    putObject("load/1.json", line("a", ""));
    BulkOperationDescription first = bulkPut("load/", b -> b.clientToken("tok"));
    putObject("load/2.json", line("b", ""));
    clock.advance(Duration.ofHours(7));

    BulkOperationDescription again = bulkPut("load/", b -> b.clientToken("tok"));
    IdempotentParameterMismatchException mismatch = catchThrowableOfType(
        () -> bulkPut("other/", b -> b.clientToken("tok")),
        IdempotentParameterMismatchException.class);

    assertThat(again).isEqualTo(first);
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(mismatch.awsErrorDetails().errorCode())
        .isEqualTo("IdempotentParameterMismatchException");
    assertThat(tombstone.dynamoDb().items("orders")).hasSize(1);
    assertThat(dynamo.listBulkOperations(b -> { }).bulkOperationsSummaryList()).hasSize(1);

    clock.advance(Duration.ofHours(1));
    BulkOperationDescription afterEightHours = bulkPut("load/", b -> b.clientToken("tok"));
    assertThat(afterEightHours.bulkOperationArn()).isNotEqualTo(first.bulkOperationArn());
    assertThat(afterEightHours.processedItemCount()).isEqualTo(2);
  }

  @Test
  void start_onAMissingTable_isRefused_andNothingIsRecorded() {
    putObject("load/1.json", line("a", ""));

    ResourceNotFoundException thrown = catchThrowableOfType(
        () -> bulkPut("load/", b -> b.tableName("absent")), ResourceNotFoundException.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Table: absent not found");
    assertThat(dynamo.listBulkOperations(b -> { }).bulkOperationsSummaryList()).isEmpty();
  }

  @Test
  void start_byTableArn_writesIntoThatTable() {
    putObject("load/1.json", line("a", ""));

    BulkOperationDescription started = bulkPut("load/", b -> b.tableName(tableArn));

    assertThat(started.bulkOperationStatus()).isEqualTo(BulkOperationStatus.COMPLETED);
    assertThat(started.tableDetails().get(0).tableName()).isEqualTo("orders");
    assertThat(tombstone.dynamoDb().items("orders")).hasSize(1);
  }

  @Test
  void start_withAMissingInputOrOutputBucket_fails_beforeWritingAnyItem() {
    putObject("load/1.json", line("a", ""));

    BulkOperationDescription noInput = bulkPut("load/", b -> b.inputS3Configuration(
        i -> i.s3Bucket("no-such-input").inputFormat(BulkOperationInputFormat.DYNAMODB_JSON)));
    BulkOperationDescription noOutput = bulkPut("load/", b -> b.outputS3Configuration(
        o -> o.s3Bucket("no-such-output").outputType(OutputTypeEnum.ERROR)));

    assertThat(noInput.bulkOperationStatus()).isEqualTo(BulkOperationStatus.FAILED);
    assertThat(noInput.failureCode()).isEqualTo("S3NoSuchBucket");
    assertThat(noInput.failureMessage()).isEqualTo("The specified bucket does not exist");
    assertThat(noInput.processedItemCount()).isZero();
    assertThat(noOutput.bulkOperationStatus()).isEqualTo(BulkOperationStatus.FAILED);
    assertThat(noOutput.failureCode()).isEqualTo("S3NoSuchBucket");
    assertThat(tombstone.dynamoDb().items("orders")).isEmpty();
  }

  @Test
  void list_isNewestFirst_pagedByMaxResults() {
    putObject("load/1.json", line("a", ""));
    BulkOperationDescription first = bulkPut("load/", b -> { });
    clock.advance(Duration.ofMinutes(1));
    BulkOperationDescription second = bulkPut("load/", b -> { });
    clock.advance(Duration.ofMinutes(1));
    BulkOperationDescription third = bulkPut("load/", b -> { });

    ListBulkOperationsResponse page1 = dynamo.listBulkOperations(b -> b.maxResults(2));
    ListBulkOperationsResponse page2 =
        dynamo.listBulkOperations(b -> b.maxResults(2).nextToken(page1.nextToken()));

    assertThat(page1.bulkOperationsSummaryList()).extracting(BulkOperationSummary::bulkOperationArn)
        .containsExactly(third.bulkOperationArn(), second.bulkOperationArn());
    assertThat(page1.nextToken()).matches("([0-9a-f]{16})+");
    assertThat(page2.bulkOperationsSummaryList()).singleElement().satisfies(summary -> {
      assertThat(summary.bulkOperationArn()).isEqualTo(first.bulkOperationArn());
      assertThat(summary.bulkOperationStatus()).isEqualTo(BulkOperationStatus.COMPLETED);
      assertThat(summary.startTime()).isEqualTo(START);
      assertThat(summary.endTime()).isEqualTo(START);
    });
    assertThat(page2.nextToken()).isNull();
    assertThat(dynamo.listBulkOperationsPaginator(b -> { }).bulkOperationsSummaryList())
        .hasSize(3);
  }

  @Test
  void cancel_ofAFinishedOperation_isRefused_andChangesNothing() {
    putObject("load/1.json", line("a", ""));
    BulkOperationDescription started = bulkPut("load/", b -> { });

    DynamoDbException thrown = catchThrowableOfType(() -> dynamo.cancelBulkOperation(
        b -> b.bulkOperationArn(started.bulkOperationArn())), DynamoDbException.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Bulk operation "
        + started.bulkOperationArn() + " cannot be cancelled: its status is COMPLETED");
    assertThat(dynamo.describeBulkOperation(b -> b.bulkOperationArn(started.bulkOperationArn()))
        .bulkOperationDescription()).isEqualTo(started);
  }

  @Test
  void describeAndCancel_ofAnUnknownOrMalformedArn_areRefused() {
    String unknown = tableArn + "/bulk-operation/00000000000000-00000000";
    for (Runnable call : List.<Runnable>of(
        () -> dynamo.describeBulkOperation(b -> b.bulkOperationArn(unknown)),
        () -> dynamo.cancelBulkOperation(b -> b.bulkOperationArn(unknown)))) {
      ResourceNotFoundException thrown =
          catchThrowableOfType(call::run, ResourceNotFoundException.class);
      assertThat(thrown.awsErrorDetails().errorMessage())
          .isEqualTo("Bulk operation not found: " + unknown);
    }
    DynamoDbException malformed = catchThrowableOfType(() -> dynamo.describeBulkOperation(
        b -> b.bulkOperationArn(tableArn + "/export/00000000000000-00000000")),
        DynamoDbException.class);
    assertThat(malformed.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(malformed.awsErrorDetails().errorMessage()).isEqualTo("Invalid BulkOperationArn");
    DynamoDbException tooShort = catchThrowableOfType(
        () -> dynamo.describeBulkOperation(b -> b.bulkOperationArn("arn:short")),
        DynamoDbException.class);
    assertThat(tooShort.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected:"
        + " Value 'arn:short' at 'bulkOperationArn' failed to satisfy constraint: Member must"
        + " have length greater than or equal to 37");
  }

  @Test
  void start_withBadMembers_isRefusedWithTheModelsTexts_andNothingIsWritten() {
    putObject("load/1.json", line("a", ""));

    assertThat(refusal(b -> b.inputS3Configuration((software.amazon.awssdk.services.dynamodb
        .model.InputS3Configuration) null))).isEqualTo("1 validation error detected: Value null"
        + " at 'inputS3Configuration' failed to satisfy constraint: Member must not be null");
    assertThat(refusal(b -> b.outputS3Configuration(o -> o.s3Bucket(OUTPUT)
        .outputTypeWithStrings("EVERYTHING")))).isEqualTo("1 validation error detected: Value"
        + " 'EVERYTHING' at 'outputS3Configuration.outputType.member' failed to satisfy"
        + " constraint: Member must satisfy enum value set: [ERROR, CONDITION_CHECK_FAILURE]");
    assertThat(refusal(b -> b.maxWriteRequestUnits(0L))).isEqualTo("1 validation error"
        + " detected: Value '0' at 'maxWriteRequestUnits' failed to satisfy constraint: Member"
        + " must have value greater than or equal to 1");
    assertThat(refusal(b -> b.inputS3Configuration(i -> i.s3Bucket("-bad-")
        .inputFormat(BulkOperationInputFormat.DYNAMODB_JSON)))).isEqualTo("1 validation error"
        + " detected: Value '-bad-' at 'inputS3Configuration.s3Bucket' failed to satisfy"
        + " constraint: Member must satisfy regular expression pattern: "
        + ExportTableToPointInTimeOperation.BUCKET_PATTERN);
    assertThat(refusal(b -> b.inputS3Configuration(i -> i.s3Bucket(INPUT)
        .inputFormat(BulkOperationInputFormat.DYNAMODB_JSON)
        .inputCompressionType(InputCompressionType.ZSTD))))
        .isEqualTo(StartBulkPutItemsOperation.ZSTD_REFUSED);
    assertThat(tombstone.dynamoDb().items("orders")).isEmpty();
    assertThat(dynamo.listBulkOperations(b -> { }).bulkOperationsSummaryList()).isEmpty();
    DynamoDbException page = catchThrowableOfType(
        () -> dynamo.listBulkOperations(b -> b.maxResults(26)), DynamoDbException.class);
    assertThat(page.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected:"
        + " Value '26' at 'maxResults' failed to satisfy constraint: Member must have value"
        + " less than or equal to 25");
  }

  String refusal(Consumer<StartBulkPutItemsRequest.Builder> more) {
    DynamoDbException thrown =
        catchThrowableOfType(() -> bulkPut("load/", more), DynamoDbException.class);
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return thrown.awsErrorDetails().errorMessage();
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
