package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.DynamoDbJson;
import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExportConflictException;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportSummary;
import software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.InvalidExportTimeException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ExportTableToPointInTime, DescribeExport and ListExports through the SDK v2, the files read
 * back with the S3 client of the same emulator, on a manual clock.
 */
class ExportTableSdkTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  static final String BUCKET = "exports";

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
  }

  @AfterEach
  void stop() {
    s3.close();
    dynamo.close();
    tombstone.close();
  }

  String createOrders(boolean recovery) {
    String arn = dynamo.createTable(b -> b.tableName("orders")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)))
        .tableDescription().tableArn();
    if (recovery) {
      dynamo.updateContinuousBackups(b -> b.tableName("orders")
          .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    }
    return arn;
  }

  void put(String id, String status) {
    dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id),
        "status", AttributeValue.fromS(status),
        "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("bar")),
        "tags", AttributeValue.fromSs(List.of("a", "b")))));
  }

  ExportDescription export(String tableArn, java.util.function.Consumer<
      ExportTableToPointInTimeRequest.Builder> more) {
    return dynamo.exportTableToPointInTime(b -> {
      b.tableArn(tableArn).s3Bucket(BUCKET);
      more.accept(b);
    }).exportDescription();
  }

  List<String> keys(String prefix) {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  byte[] read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  /** The items of a gzipped data file, one {"Item":{...}} per line. */
  List<Item> items(String dataKey) {
    List<Item> items = new ArrayList<>();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(read(dataKey)))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) {
          assertThat(line).startsWith("{\"Item\":{").endsWith("}}");
          items.add(DynamoDbJson.item(line.substring("{\"Item\":".length(), line.length() - 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items;
  }

  static String md5(byte[] content) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
  }

  @Test
  void export_writesDynamoDbsLayout_readableWithTheS3Client() throws Exception {
    String tableArn = createOrders(true);
    put("o-1", "NEW");
    put("o-2", "SHIPPED");
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription export = export(tableArn, b -> b.s3Prefix("backups/orders"));

    assertThat(export.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
    assertThat(export.exportArn()).matches(tableArn.replace(".", "\\.")
        + "/export/\\d{14}-[0-9a-f]{8}");
    assertThat(export.itemCount()).isEqualTo(2);
    assertThat(export.billedSizeBytes()).isPositive();
    assertThat(export.exportFormat()).isEqualTo(ExportFormat.DYNAMODB_JSON);
    assertThat(export.exportType()).isNull();
    assertThat(export.clientToken()).isNotBlank();
    assertThat(export.startTime()).isEqualTo(START);
    assertThat(export.exportTime()).isEqualTo(START);
    assertThat(export.s3Prefix()).isEqualTo("backups/orders");
    String id = export.exportArn().substring(export.exportArn().lastIndexOf('/') + 1);
    String folder = "backups/orders/AWSDynamoDB/" + id + "/";
    assertThat(export.exportManifest()).isEqualTo(folder + "manifest-summary.json");
    List<String> keys = keys("backups/orders/");
    assertThat(keys).hasSize(6).contains(folder + "_started", folder + "manifest-files.json",
        folder + "manifest-files.md5", folder + "manifest-summary.json",
        folder + "manifest-summary.md5");
    String dataKey = keys.stream().filter(k -> k.contains("/data/")).findFirst().orElseThrow();
    assertThat(dataKey).matches(folder + "data/[a-z2-7]{26}\\.json\\.gz");
    assertThat(items(dataKey)).containsExactlyInAnyOrderElementsOf(
        tombstone.dynamoDb().items("orders"));
    assertThat(read(folder + "_started")).isEmpty();

    byte[] files = read(folder + "manifest-files.json");
    assertThat(new String(read(folder + "manifest-files.md5"), StandardCharsets.US_ASCII))
        .isEqualTo(md5(files));
    assertThat(new String(files, StandardCharsets.UTF_8)).isEqualTo("{\"itemCount\":2,"
        + "\"md5Checksum\":\"" + md5(read(dataKey)) + "\",\"etag\":\""
        + s3.headObject(b -> b.bucket(BUCKET).key(dataKey)).eTag().replace("\"", "")
        + "\",\"dataFileS3Key\":\"" + dataKey + "\"}\n");
    byte[] summary = read(folder + "manifest-summary.json");
    assertThat(new String(read(folder + "manifest-summary.md5"), StandardCharsets.US_ASCII))
        .isEqualTo(md5(summary));
    assertThat(new String(summary, StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"2020-06-30\","
        + "\"exportArn\":\"" + export.exportArn() + "\","
        + "\"startTime\":\"2026-01-01T10:00:00.000Z\",\"endTime\":\"2026-01-01T10:00:00.000Z\","
        + "\"tableArn\":\"" + tableArn + "\",\"tableId\":\"" + export.tableId() + "\","
        + "\"exportTime\":\"2026-01-01T10:00:00.000Z\",\"s3Bucket\":\"exports\","
        + "\"s3Prefix\":\"backups/orders\",\"s3SseAlgorithm\":null,\"s3SseKmsKeyId\":null,"
        + "\"manifestFilesS3Key\":\"" + folder + "manifest-files.json\","
        + "\"billedSizeBytes\":" + export.billedSizeBytes() + ",\"itemCount\":2,"
        + "\"outputFormat\":\"DYNAMODB_JSON\"}");
  }

  @Test
  void export_ofAnEmptyTableWithoutPrefix_writesOneEmptyGzippedDataFile() {
    String tableArn = createOrders(true);
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription export = export(tableArn, b -> b.exportType(ExportType.FULL_EXPORT));

    assertThat(export.itemCount()).isZero();
    assertThat(export.billedSizeBytes()).isZero();
    assertThat(export.exportType()).isEqualTo(ExportType.FULL_EXPORT);
    List<String> data = keys("AWSDynamoDB/").stream().filter(k -> k.contains("/data/")).toList();
    assertThat(data).hasSize(1);
    assertThat(items(data.get(0))).isEmpty();
  }

  @Test
  void export_withAnEmptyPrefix_writesAsWithoutPrefix() {
    String tableArn = createOrders(true);
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription export = export(tableArn, b -> b.s3Prefix(""));

    String id = export.exportArn().substring(export.exportArn().lastIndexOf('/') + 1);
    assertThat(export.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
    assertThat(keys("")).contains("AWSDynamoDB/" + id + "/manifest-summary.json")
        .allMatch(key -> key.startsWith("AWSDynamoDB/"));
  }

  @Test
  void export_atAPastExportTime_writesTheItemsOfThatTime() {
    String tableArn = createOrders(true);
    s3.createBucket(b -> b.bucket(BUCKET));
    put("o-1", "NEW");
    clock.advance(Duration.ofMinutes(10));
    Instant beforeTheScript = clock.instant();
    clock.advance(Duration.ofMinutes(1));
    dynamo.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1"))));
    put("o-2", "NEW");
    put("o-3", "NEW");

    ExportDescription export = export(tableArn, b -> b.exportTime(beforeTheScript));

    assertThat(export.exportTime()).isEqualTo(beforeTheScript);
    assertThat(export.itemCount()).isEqualTo(1);
    String dataKey = keys("AWSDynamoDB/").stream().filter(k -> k.contains("/data/"))
        .findFirst().orElseThrow();
    assertThat(items(dataKey)).extracting(item -> item.get("id"))
        .containsExactly(dev.tombstone.dynamodb.AttributeValue.s("o-1"));
  }

  @Test
  void export_toAMissingBucket_failsAsDynamoDbDoes() {
    String tableArn = createOrders(true);

    ExportDescription export = export(tableArn, b -> { });

    assertThat(export.exportStatus()).isEqualTo(ExportStatus.FAILED);
    assertThat(export.failureCode()).isEqualTo("S3NoSuchBucket");
    assertThat(export.failureMessage()).contains("The specified bucket does not exist");
    assertThat(dynamo.describeExport(b -> b.exportArn(export.exportArn())).exportDescription()
        .exportStatus()).isEqualTo(ExportStatus.FAILED);
  }

  @Test
  void export_withoutPointInTimeRecovery_isRefused() {
    String tableArn = createOrders(false);
    s3.createBucket(b -> b.bucket(BUCKET));

    PointInTimeRecoveryUnavailableException thrown = catchThrowableOfType(
        () -> export(tableArn, b -> { }), PointInTimeRecoveryUnavailableException.class);

    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Point in time recovery is not enabled for table 'orders'");
  }

  @Test
  void export_ofAMissingTable_namesTheArn() {
    String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/nowhere";

    TableNotFoundException thrown = catchThrowableOfType(() -> export(arn, b -> { }),
        TableNotFoundException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Table not found: " + arn);
  }

  @Test
  void export_atATimeOutsideTheWindow_isRefused() {
    String tableArn = createOrders(true);
    s3.createBucket(b -> b.bucket(BUCKET));

    for (Instant time : List.of(START.minusSeconds(1), START.plusSeconds(1))) {
      InvalidExportTimeException thrown = catchThrowableOfType(
          () -> export(tableArn, b -> b.exportTime(time)), InvalidExportTimeException.class);

      assertThat(thrown.awsErrorDetails().errorMessage())
          .isEqualTo("The specified ExportTime is outside of the point in time recovery window.");
    }
  }

  @Test
  void export_withAClientToken_isIdempotent_andConflictsOnOtherParameters() {
    String tableArn = createOrders(true);
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription first = export(tableArn, b -> b.clientToken("token-1"));
    clock.advance(Duration.ofMinutes(1));
    ExportDescription again = export(tableArn, b -> b.clientToken("token-1"));
    ExportConflictException thrown = catchThrowableOfType(
        () -> export(tableArn, b -> b.clientToken("token-1").s3Prefix("other")),
        ExportConflictException.class);
    clock.advance(Duration.ofHours(8));
    ExportDescription later = export(tableArn, b -> b.clientToken("token-1"));

    assertThat(again.exportArn()).isEqualTo(first.exportArn());
    assertThat(again.clientToken()).isEqualTo("token-1");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Duplicate request detected with conflicting parameters");
    assertThat(later.exportArn()).isNotEqualTo(first.exportArn());
  }

  @Test
  void export_withUnsupportedOrInvalidParameters_isRefusedWithoutAnExport() {
    String tableArn = createOrders(true);
    s3.createBucket(b -> b.bucket(BUCKET));

    DynamoDbException badBucket = catchThrowableOfType(
        () -> dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("-nope!")),
        DynamoDbException.class);
    DynamoDbException specification = catchThrowableOfType(() -> export(tableArn,
        b -> b.exportType(ExportType.FULL_EXPORT).incrementalExportSpecification(
            i -> i.exportFromTime(START.minusSeconds(60)))), DynamoDbException.class);

    assertThat(specification.awsErrorDetails().errorMessage()).isEqualTo(
        "IncrementalExportSpecification is only valid when ExportType is INCREMENTAL_EXPORT");
    assertThat(badBucket.awsErrorDetails().errorMessage()).isEqualTo("1 validation error"
        + " detected: Value '-nope!' at 's3Bucket' failed to satisfy constraint: Member must"
        + " satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
    assertThat(dynamo.listExports(b -> { }).exportSummaries()).isEmpty();
  }

  @Test
  void describeExport_ofAnUnknownOrMalformedArn_isRefused() {
    String tableArn = createOrders(true);

    ExportNotFoundException missing = catchThrowableOfType(() -> dynamo.describeExport(
        b -> b.exportArn(tableArn + "/export/01767261600000-0badf00d")),
        ExportNotFoundException.class);
    DynamoDbException malformed = catchThrowableOfType(
        () -> dynamo.describeExport(b -> b.exportArn(tableArn + "/backup/0123456789")),
        DynamoDbException.class);

    assertThat(missing.awsErrorDetails().errorMessage()).startsWith("Export not found: ");
    assertThat(malformed.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(malformed.awsErrorDetails().errorMessage()).isEqualTo("Invalid Export ARN");
  }

  @Test
  void listExports_newestFirst_byTable_inPages_andForgetsDeletedTablesAndReset() {
    String tableArn = createOrders(true);
    s3.createBucket(b -> b.bucket(BUCKET));
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      arns.add(0, export(tableArn, b -> { }).exportArn());
      clock.advance(Duration.ofSeconds(1));
    }

    ListExportsResponse first = dynamo.listExports(b -> b.tableArn(tableArn).maxResults(2));
    ListExportsResponse second = dynamo.listExports(
        b -> b.tableArn(tableArn).maxResults(2).nextToken(first.nextToken()));

    assertThat(first.exportSummaries()).extracting(ExportSummary::exportArn)
        .containsExactly(arns.get(0), arns.get(1));
    assertThat(first.exportSummaries().get(0).exportStatus()).isEqualTo(ExportStatus.COMPLETED);
    assertThat(first.exportSummaries().get(0).exportType()).isEqualTo(ExportType.FULL_EXPORT);
    assertThat(second.exportSummaries()).extracting(ExportSummary::exportArn)
        .containsExactly(arns.get(2));
    assertThat(second.nextToken()).isNull();
    assertThat(dynamo.listExports(b -> b.tableArn(tableArn + "x")).exportSummaries()).isEmpty();

    dynamo.deleteTable(b -> b.tableName("orders"));
    assertThat(dynamo.listExports(b -> { }).exportSummaries()).isEmpty();
    assertThat(dynamo.describeExport(b -> b.exportArn(arns.get(0))).exportDescription()
        .exportArn()).isEqualTo(arns.get(0));

    tombstone.reset();
    assertThat(catchThrowableOfType(() -> dynamo.describeExport(b -> b.exportArn(arns.get(0))),
        ExportNotFoundException.class)).isNotNull();
  }
}
