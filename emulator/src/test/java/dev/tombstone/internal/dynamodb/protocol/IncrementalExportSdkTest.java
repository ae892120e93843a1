package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExportConflictException;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ExportViewType;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ExportTableToPointInTime with ExportType INCREMENTAL_EXPORT through the SDK v2: the changes of
 * a window (creations, updates, deletes) written as change lines with both view types, the
 * manifests and the description, the request's checks, and ClientToken idempotence.
 */
class IncrementalExportSdkTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  static final Instant FROM = START.plus(Duration.ofMinutes(10));
  static final Instant TO = FROM.plus(Duration.ofMinutes(20));
  static final String BUCKET = "exports";

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
    tableArn = dynamo.createTable(b -> b.tableName("orders")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)))
        .tableDescription().tableArn();
    dynamo.updateContinuousBackups(b -> b.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
  }

  @AfterEach
  void stop() {
    s3.close();
    dynamo.close();
    tombstone.close();
  }

  void put(String id, String status) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", AttributeValue.fromS(id));
    item.put("status", AttributeValue.fromS(status));
    dynamo.putItem(b -> b.tableName("orders").item(item));
  }

  void delete(String id) {
    dynamo.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS(id))));
  }

  /**
   * Before the window: o-1, o-2, o-3. In it: o-6 created at its first instant, o-1 updated
   * twice, o-2 deleted, o-4 created, o-5 created and deleted. At its end (excluded) and after:
   * o-7 created, o-3 deleted, o-1 updated again. The clock ends at TO + 5 minutes.
   */
  void changeInAndAroundTheWindow() {
    put("o-1", "NEW");
    put("o-2", "NEW");
    put("o-3", "NEW");
    clock.set(FROM);
    put("o-6", "NEW");
    clock.advance(Duration.ofMinutes(1));
    put("o-1", "PAID");
    clock.advance(Duration.ofMinutes(1));
    delete("o-2");
    put("o-4", "NEW");
    put("o-5", "NEW");
    clock.advance(Duration.ofMinutes(1));
    delete("o-5");
    put("o-1", "SHIPPED");
    clock.set(TO);
    put("o-7", "NEW");
    clock.advance(Duration.ofMinutes(1));
    delete("o-3");
    put("o-1", "RETURNED");
    clock.advance(Duration.ofMinutes(4));
  }

  ExportDescription export(Consumer<ExportTableToPointInTimeRequest.Builder> more) {
    return dynamo.exportTableToPointInTime(b -> {
      b.tableArn(tableArn).s3Bucket(BUCKET).exportType(ExportType.INCREMENTAL_EXPORT);
      more.accept(b);
    }).exportDescription();
  }

  static Consumer<ExportTableToPointInTimeRequest.Builder> window(Instant from, Instant to) {
    return b -> b.incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(to));
  }

  List<String> keys(String prefix) {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  byte[] read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  String gunzipped(String key) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(read(key)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data file a manifest-files.json names (an incremental export writes one here). */
  String dataKey(String folder) {
    String files = new String(read(folder + "manifest-files.json"), StandardCharsets.UTF_8);
    int start = files.indexOf("\"dataFileS3Key\":\"") + "\"dataFileS3Key\":\"".length();
    return files.substring(start, files.indexOf('"', start));
  }

  static String folder(ExportDescription export) {
    return "AWSDynamoDB/" + export.exportArn().substring(export.exportArn().lastIndexOf('/') + 1)
        + "/";
  }

  static String micros(Instant time) {
    return "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\""
        + ChronoUnit.MICROS.between(Instant.EPOCH, time) + "\"}},";
  }

  static String keysOf(String id) {
    return "\"Keys\":{\"id\":{\"S\":\"" + id + "\"}}";
  }

  static String image(String name, String id, String status) {
    return ",\"" + name + "\":{\"id\":{\"S\":\"" + id + "\"},\"status\":{\"S\":\"" + status
        + "\"}}";
  }

  static String md5(byte[] content) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
  }

  @Test
  void newAndOldImages_byDefault_writeEachChangedItemOnce_withItsImagesAtBothEnds()
      throws Exception {
    changeInAndAroundTheWindow();
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription export = export(window(FROM, TO));

    assertThat(export.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
    assertThat(export.exportType()).isEqualTo(ExportType.INCREMENTAL_EXPORT);
    assertThat(export.incrementalExportSpecification().exportFromTime()).isEqualTo(FROM);
    assertThat(export.incrementalExportSpecification().exportToTime()).isEqualTo(TO);
    assertThat(export.incrementalExportSpecification().exportViewType())
        .isEqualTo(ExportViewType.NEW_AND_OLD_IMAGES);
    assertThat(export.exportTime()).isNull();
    assertThat(export.itemCount()).isEqualTo(4);
    String folder = folder(export);
    String dataKey = dataKey(folder);
    assertThat(dataKey).matches("AWSDynamoDB/data/[a-z2-7]{26}\\.json\\.gz");
    assertThat(keys("AWSDynamoDB/")).containsExactlyInAnyOrder(dataKey, folder + "_started",
        folder + "manifest-files.json", folder + "manifest-files.md5",
        folder + "manifest-summary.json", folder + "manifest-summary.md5");
    assertThat(gunzipped(dataKey)).isEqualTo(
        micros(FROM.plus(Duration.ofMinutes(3))) + keysOf("o-1") + image("OldImage", "o-1", "NEW")
            + image("NewImage", "o-1", "SHIPPED") + "}\n"
        + micros(FROM.plus(Duration.ofMinutes(2))) + keysOf("o-2")
            + image("OldImage", "o-2", "NEW") + "}\n"
        + micros(FROM.plus(Duration.ofMinutes(2))) + keysOf("o-4")
            + image("NewImage", "o-4", "NEW") + "}\n"
        + micros(FROM) + keysOf("o-6") + image("NewImage", "o-6", "NEW") + "}\n");
    byte[] summary = read(folder + "manifest-summary.json");
    assertThat(new String(read(folder + "manifest-summary.md5"), StandardCharsets.US_ASCII))
        .isEqualTo(md5(summary));
    assertThat(new String(summary, StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"2023-08-01\","
        + "\"exportArn\":\"" + export.exportArn() + "\","
        + "\"startTime\":\"2026-01-01T10:35:00.000Z\",\"endTime\":\"2026-01-01T10:35:00.000Z\","
        + "\"tableArn\":\"" + tableArn + "\",\"tableId\":\"" + export.tableId() + "\","
        + "\"exportFromTime\":\"2026-01-01T10:10:00.000Z\","
        + "\"exportToTime\":\"2026-01-01T10:30:00.000Z\",\"s3Bucket\":\"exports\","
        + "\"s3Prefix\":null,\"s3SseAlgorithm\":null,\"s3SseKmsKeyId\":null,"
        + "\"manifestFilesS3Key\":\"" + folder + "manifest-files.json\","
        + "\"billedSizeBytes\":" + export.billedSizeBytes() + ",\"itemCount\":4,"
        + "\"outputFormat\":\"DYNAMODB_JSON\",\"outputView\":\"NEW_AND_OLD_IMAGES\","
        + "\"exportType\":\"INCREMENTAL_EXPORT\"}");
    assertThat(export.billedSizeBytes()).isPositive();
  }

  @Test
  void newImage_writesNoOldImage_andADeleteAsItsKeysOnly() {
    changeInAndAroundTheWindow();
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription export = export(b -> b.incrementalExportSpecification(s -> s
        .exportFromTime(FROM).exportToTime(TO).exportViewType(ExportViewType.NEW_IMAGE)));

    assertThat(export.incrementalExportSpecification().exportViewType())
        .isEqualTo(ExportViewType.NEW_IMAGE);
    assertThat(gunzipped(dataKey(folder(export)))).isEqualTo(
        micros(FROM.plus(Duration.ofMinutes(3))) + keysOf("o-1")
            + image("NewImage", "o-1", "SHIPPED") + "}\n"
        + micros(FROM.plus(Duration.ofMinutes(2))) + keysOf("o-2") + "}\n"
        + micros(FROM.plus(Duration.ofMinutes(2))) + keysOf("o-4")
            + image("NewImage", "o-4", "NEW") + "}\n"
        + micros(FROM) + keysOf("o-6") + image("NewImage", "o-6", "NEW") + "}\n");
  }

  @Test
  void withoutExportToTime_theWindowEndsNow_andDescribeAndListShowTheType() {
    changeInAndAroundTheWindow();
    s3.createBucket(b -> b.bucket(BUCKET));
    Instant now = clock.instant();
    Instant from = now.minus(Duration.ofMinutes(20));

    ExportDescription export = export(b -> b.s3Prefix("cdc")
        .incrementalExportSpecification(s -> s.exportFromTime(from)));

    assertThat(export.incrementalExportSpecification().exportToTime()).isEqualTo(now);
    ExportDescription described = dynamo.describeExport(b -> b.exportArn(export.exportArn()))
        .exportDescription();
    assertThat(described).isEqualTo(export);
    assertThat(dynamo.listExports(b -> { }).exportSummaries().get(0).exportType())
        .isEqualTo(ExportType.INCREMENTAL_EXPORT);
    String folder = "cdc/" + folder(export);
    String lines = gunzipped(dataKey(folder));
    // The window starts 15 minutes before TO: o-7, o-3 and o-1's last update are in it.
    assertThat(lines.split("\n")).hasSize(3);
    assertThat(lines).contains(keysOf("o-3") + image("OldImage", "o-3", "NEW") + "}")
        .contains(image("OldImage", "o-1", "SHIPPED") + image("NewImage", "o-1", "RETURNED"))
        .contains(keysOf("o-7") + image("NewImage", "o-7", "NEW") + "}");
    assertThat(dataKey(folder)).startsWith("cdc/AWSDynamoDB/data/");
  }

  @Test
  void twoExportsUnderOnePrefix_shareTheDataFolder_eachManifestNamingItsOwnFile() {
    changeInAndAroundTheWindow();
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription first = export(window(FROM, TO));
    ExportDescription second = export(window(FROM.plus(Duration.ofMinutes(1)), TO));

    assertThat(dataKey(folder(first))).isNotEqualTo(dataKey(folder(second)));
    assertThat(keys("AWSDynamoDB/data/"))
        .containsExactlyInAnyOrder(dataKey(folder(first)), dataKey(folder(second)));
    // o-6 was created at FROM, before the second window.
    assertThat(second.itemCount()).isEqualTo(3);
  }

  @Test
  void aFilter_isHeldAgainstTheLatestImage_orTheOldOneOfADeletedItem() {
    changeInAndAroundTheWindow();
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription export = export(b -> window(FROM, TO).accept(b.filterSpecification(f -> f
        .filterExpression("#s = :new").projectionExpression("#s")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":new", AttributeValue.fromS("NEW"))))));

    // o-1 is SHIPPED at the end; o-2 was NEW when deleted; o-4 and o-6 are NEW.
    assertThat(gunzipped(dataKey(folder(export)))).isEqualTo(
        micros(FROM.plus(Duration.ofMinutes(2))) + keysOf("o-2")
            + ",\"OldImage\":{\"status\":{\"S\":\"NEW\"}}}\n"
        + micros(FROM.plus(Duration.ofMinutes(2))) + keysOf("o-4")
            + ",\"NewImage\":{\"status\":{\"S\":\"NEW\"}}}\n"
        + micros(FROM) + keysOf("o-6") + ",\"NewImage\":{\"status\":{\"S\":\"NEW\"}}}\n");
    assertThat(export.filterSpecification().filterExpression()).isEqualTo("#s = :new");
  }

  @Test
  void aKeyCondition_selectsTheChangesOfOnePartition_andIsCheckedAgainstTheKeySchema() {
    changeInAndAroundTheWindow();
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription export = export(b -> window(FROM, TO).accept(b.filterSpecification(f -> f
        .keyConditionExpression("id = :id")
        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("o-2"))))));
    DynamoDbException notAKey = catchThrowableOfType(DynamoDbException.class,
        () -> export(b -> window(FROM, TO).accept(b.filterSpecification(f -> f
            .keyConditionExpression("#s = :s")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("NEW")))))));

    assertThat(gunzipped(dataKey(folder(export)))).isEqualTo(
        micros(FROM.plus(Duration.ofMinutes(2))) + keysOf("o-2")
            + image("OldImage", "o-2", "NEW") + "}\n");
    assertThat(notAKey.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(notAKey.awsErrorDetails().errorMessage())
        .isEqualTo("Query condition missed key schema element: id");
    assertThat(dynamo.listExports(b -> { }).exportSummaries()).hasSize(1);
  }

  @Test
  void aClientToken_returnsTheFirstExport_andConflictsOnAnotherWindowOrViewType() {
    changeInAndAroundTheWindow();
    s3.createBucket(b -> b.bucket(BUCKET));

    ExportDescription first = export(b -> window(FROM, TO).accept(b.clientToken("cdc-1")));
    clock.advance(Duration.ofMinutes(1));
    ExportDescription again = export(b -> window(FROM, TO).accept(b.clientToken("cdc-1")));
    ExportConflictException otherWindow = catchThrowableOfType(ExportConflictException.class,
        () -> export(b -> window(FROM.plusSeconds(1), TO).accept(b.clientToken("cdc-1"))));
    ExportConflictException otherView = catchThrowableOfType(ExportConflictException.class,
        () -> export(b -> b.clientToken("cdc-1").incrementalExportSpecification(s -> s
            .exportFromTime(FROM).exportToTime(TO).exportViewType(ExportViewType.NEW_IMAGE))));

    assertThat(again).isEqualTo(first);
    assertThat(otherWindow.awsErrorDetails().errorMessage())
        .isEqualTo("Duplicate request detected with conflicting parameters");
    assertThat(otherView).isNotNull();
    assertThat(dynamo.listExports(b -> { }).exportSummaries()).hasSize(1);
  }

  /** One refused request: its status, __type and message. */
  record Refusal(Consumer<ExportTableToPointInTimeRequest.Builder> request, int status,
      String type, String message) {}

  @Test
  void refusals_answerTheirStatusTypeAndMessage_andWriteNothing() {
    changeInAndAroundTheWindow();
    s3.createBucket(b -> b.bucket(BUCKET));
    Instant now = clock.instant();
    String validation = "ValidationException";
    String time = "InvalidExportTimeException";
    List<Refusal> refusals = List.of(
        new Refusal(b -> { }, 400, validation,
            "IncrementalExportSpecification is required when ExportType is INCREMENTAL_EXPORT"),
        new Refusal(window(FROM, TO).andThen(b -> b.exportType(ExportType.FULL_EXPORT)), 400,
            validation,
            "IncrementalExportSpecification is only valid when ExportType is INCREMENTAL_EXPORT"),
        new Refusal(window(FROM, TO).andThen(b -> b.exportType((String) null)), 400, validation,
            "IncrementalExportSpecification is only valid when ExportType is INCREMENTAL_EXPORT"),
        new Refusal(window(FROM, TO).andThen(b -> b.exportTime(TO)), 400, validation,
            "ExportTime is not valid when ExportType is INCREMENTAL_EXPORT: the window is"
            + " IncrementalExportSpecification's ExportFromTime and ExportToTime"),
        new Refusal(b -> b.incrementalExportSpecification(s -> s.exportToTime(TO)), 400,
            validation,
            "IncrementalExportSpecification.ExportFromTime is required for an INCREMENTAL_EXPORT"),
        new Refusal(window(TO, FROM), 400, validation,
            "ExportFromTime must be before ExportToTime"),
        new Refusal(window(FROM, FROM), 400, validation,
            "ExportFromTime must be before ExportToTime"),
        new Refusal(window(FROM, FROM.plus(Duration.ofMinutes(15)).minusSeconds(1)), 400,
            validation, "The time between ExportFromTime and ExportToTime must be at least 15"
            + " minutes and at most 24 hours"),
        new Refusal(b -> b.incrementalExportSpecification(s -> s.exportFromTime(now
            .minus(Duration.ofMinutes(14)))), 400, validation, "The time between ExportFromTime"
            + " and ExportToTime must be at least 15 minutes and at most 24 hours"),
        new Refusal(b -> b.incrementalExportSpecification(s -> s.exportFromTime(FROM)
            .exportToTime(TO).exportViewType("OLD_IMAGE")), 400, validation,
            "1 validation error detected: Value 'OLD_IMAGE' at"
            + " 'incrementalExportSpecification.exportViewType' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [NEW_IMAGE, NEW_AND_OLD_IMAGES]"),
        new Refusal(window(START.minusSeconds(1), TO), 400, time,
            "The specified ExportFromTime is outside of the point in time recovery window."),
        new Refusal(window(FROM, now.plusSeconds(1)), 400, time,
            "The specified ExportToTime is outside of the point in time recovery window."));

    for (Refusal refusal : refusals) {
      DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class,
          () -> export(refusal.request()));

      assertThat(thrown).as(refusal.message()).isNotNull();
      assertThat(thrown.statusCode()).as(refusal.message()).isEqualTo(refusal.status());
      assertThat(thrown.awsErrorDetails().errorCode()).as(refusal.message())
          .isEqualTo(refusal.type());
      assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(refusal.message());
    }
    assertThat(dynamo.listExports(b -> { }).exportSummaries()).isEmpty();
    assertThat(keys("")).isEmpty();
  }

  @Test
  void withoutPointInTimeRecovery_isRefused() {
    s3.createBucket(b -> b.bucket(BUCKET));
    clock.advance(Duration.ofHours(1));
    dynamo.updateContinuousBackups(b -> b.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));

    DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class,
        () -> export(window(START, START.plus(Duration.ofMinutes(30)))));

    assertThat(thrown.awsErrorDetails().errorCode())
        .isEqualTo("PointInTimeRecoveryUnavailableException");
    assertThat(keys("")).isEmpty();
  }
}
