package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationDescription;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationInputFormat;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ExportViewType;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OutputTypeEnum;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The ION format of ExportTableToPointInTime (full and incremental), ImportTable and
 * StartBulkPutItems through the SDK v2, the files read and written with the S3 client of the
 * same emulator.
 */
class IonFormatSdkTest {
  static final Instant START = Instant.parse("2026-02-01T09:00:00Z");
  static final String BUCKET = "ion";
  static final String EVERY_TYPE_LINE = "$ion_1_0 {Item:{id:\"o-1\",total:6d2,"
      + "price:-1d-3,big:1d30,half:5d-1,blob:{{AP8=}},paid:true,note:null,"
      + "tags:$dynamodb_SS::[\"a\",\"b\\\"c\"],sizes:$dynamodb_NS::[1.5],"
      + "blobs:$dynamodb_BS::[{{AQ==}}],lines:[\"x\",{'first name':\"é\\n\"}],"
      + "'null':\"a field named null\"}}";

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

  String createOrders() {
    String arn = dynamo.createTable(b -> b.tableName("orders")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)))
        .tableDescription().tableArn();
    dynamo.updateContinuousBackups(b -> b.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    return arn;
  }

  static Map<String, AttributeValue> everyType() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", AttributeValue.fromS("o-1"));
    item.put("total", AttributeValue.fromN("600"));
    item.put("price", AttributeValue.fromN("-0.001"));
    item.put("big", AttributeValue.fromN("1E+30"));
    item.put("half", AttributeValue.fromN("0.50"));
    item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff})));
    item.put("paid", AttributeValue.fromBool(true));
    item.put("note", AttributeValue.fromNul(true));
    item.put("tags", AttributeValue.fromSs(List.of("a", "b\"c")));
    item.put("sizes", AttributeValue.fromNs(List.of("1.5")));
    item.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}))));
    item.put("lines", AttributeValue.fromL(List.of(AttributeValue.fromS("x"),
        AttributeValue.fromM(Map.of("first name", AttributeValue.fromS("é\n"))))));
    item.put("null", AttributeValue.fromS("a field named null"));
    return item;
  }

  static Map<String, AttributeValue> idAndN(String id, String n) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", AttributeValue.fromS(id));
    item.put("n", AttributeValue.fromN(n));
    return item;
  }

  void putObject(String key, byte[] content) {
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
  }

  void putObject(String key, String content) {
    putObject(key, content.getBytes(StandardCharsets.UTF_8));
  }

  byte[] read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  List<String> keys(String prefix) {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  String gunzipped(String key) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(read(key)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zipped.toByteArray();
  }

  String text(String key) {
    return new String(read(key), StandardCharsets.UTF_8);
  }

  static String exportId(ExportDescription export) {
    return export.exportArn().substring(export.exportArn().lastIndexOf('/') + 1);
  }

  ImportTableDescription importTable(String prefix, InputCompressionType compression) {
    return dynamo.importTable(b -> b.inputFormat(InputFormat.ION)
        .inputCompressionType(compression)
        .s3BucketSource(s -> s.s3Bucket(BUCKET).s3KeyPrefix(prefix))
        .tableCreationParameters(t -> t.tableName("orders")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id")
                .attributeType(ScalarAttributeType.S)))).importTableDescription();
  }

  @Test
  void export_asIon_writesIonGzLinesOfEveryType_andManifestsThatSayIon() {
    String tableArn = createOrders();
    dynamo.putItem(b -> b.tableName("orders").item(everyType()));
    dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-2"))));

    ExportDescription export = dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn)
        .s3Bucket(BUCKET).exportFormat(ExportFormat.ION)).exportDescription();

    assertThat(export.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
    assertThat(export.exportFormat()).isEqualTo(ExportFormat.ION);
    assertThat(dynamo.describeExport(b -> b.exportArn(export.exportArn())).exportDescription()
        .exportFormat()).isEqualTo(ExportFormat.ION);
    String folder = "AWSDynamoDB/" + exportId(export) + "/";
    List<String> data = keys(folder + "data/");
    assertThat(data).singleElement().asString().matches(
        java.util.regex.Pattern.quote(folder) + "data/[a-z0-9]{26}\\.ion\\.gz");
    assertThat(gunzipped(data.get(0)).split("\n", -1)).containsExactlyInAnyOrder(
        EVERY_TYPE_LINE, "$ion_1_0 {Item:{id:\"o-2\"}}", "");
    assertThat(text(folder + "manifest-files.json")).contains("\"itemCount\":2,")
        .contains("\"dataFileS3Key\":\"" + data.get(0) + "\"");
    assertThat(text(folder + "manifest-summary.json")).contains("\"itemCount\":2,")
        .endsWith("\"outputFormat\":\"ION\"}");
  }

  @Test
  void incrementalExport_asIon_writesChangeLinesInTheSameMapping() {
    String tableArn = createOrders();
    dynamo.putItem(b -> b.tableName("orders").item(idAndN("o-1", "1")));
    Instant from = clock.instant().plusSeconds(1);
    clock.set(from);
    dynamo.putItem(b -> b.tableName("orders").item(idAndN("o-1", "2.5")));
    clock.advance(Duration.ofMinutes(20));

    ExportDescription export = dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn)
        .s3Bucket(BUCKET).exportFormat(ExportFormat.ION).exportType(ExportType.INCREMENTAL_EXPORT)
        .incrementalExportSpecification(s -> s.exportFromTime(from)
            .exportToTime(from.plus(Duration.ofMinutes(15)))
            .exportViewType(ExportViewType.NEW_AND_OLD_IMAGES))).exportDescription();

    assertThat(export.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
    List<String> data = keys("AWSDynamoDB/data/");
    assertThat(data).singleElement().asString().endsWith(".ion.gz");
    // 2026-02-01T09:00:01Z is 1769936401000000 microseconds, a decimal like every number.
    assertThat(gunzipped(data.get(0))).isEqualTo("$ion_1_0 {Metadata:{WriteTimestampMicros:"
        + "1769936401d6},Keys:{id:\"o-1\"},"
        + "OldImage:{id:\"o-1\",n:1.},NewImage:{id:\"o-1\",n:2.5}}\n");
    assertThat(text("AWSDynamoDB/" + exportId(export) + "/manifest-summary.json"))
        .contains("\"outputFormat\":\"ION\"");
  }

  @Test
  void import_ofIon_readsEveryType_commentsAndBothLayouts_andCountsBadItemsAsJsonDoes() {
    putObject("in/1.ion", "$ion_1_0\n// an item of every type\n" + EVERY_TYPE_LINE + "\n"
        + "/* the developer guide's list form */ [{Item:{id:\"list-1\"}}, {Item:{id:\"list-2\"}}]"
        + "\n{Item:{id:5}}\n{Item:{id:\"after-a-bad-key\"}}\n");
    putObject("in/2.ion", "{Item:{id:\"before\"}}\n{Item:{id:sym}}\n{Item:{id:\"lost\"}}\n");
    putObject("in/3.ion", "{Item:{id:\"cut\"}} {Item:{id:\"open");
    putObject("in/4.ion", new byte[] {(byte) 0xE0, 0x01, 0x00, (byte) 0xEA, 0x0F});

    ImportTableDescription imported = importTable("in/", InputCompressionType.NONE);

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.FAILED);
    assertThat(imported.failureCode()).isEqualTo("ItemValidationError");
    assertThat(imported.inputFormat()).isEqualTo(InputFormat.ION);
    assertThat(imported.processedItemCount()).isEqualTo(10);
    assertThat(imported.importedItemCount()).isEqualTo(6);
    assertThat(imported.errorCount()).isEqualTo(4);
    assertThat(tombstone.dynamoDb().items("orders")).extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder(dev.tombstone.dynamodb.AttributeValue.s("o-1"),
            dev.tombstone.dynamodb.AttributeValue.s("list-1"),
            dev.tombstone.dynamodb.AttributeValue.s("list-2"),
            dev.tombstone.dynamodb.AttributeValue.s("after-a-bad-key"),
            dev.tombstone.dynamodb.AttributeValue.s("before"),
            dev.tombstone.dynamodb.AttributeValue.s("cut"));
    Item everyType = tombstone.dynamoDb().items("orders").stream()
        .filter(item -> item.get("id").equals(dev.tombstone.dynamodb.AttributeValue.s("o-1")))
        .findFirst().orElseThrow();
    assertThat(IonItems.line(everyType)).isEqualTo(EVERY_TYPE_LINE + "\n");
  }

  @Test
  void import_ofGzippedIon_readsIt_refusesAnObjectThatIsNotGzip_andZstdStaysRefused() {
    putObject("gz/1.ion.gz", gzip("{Item:{id:\"a\", n:1.5}}\n{Item:{id:\"b\"}}"));
    putObject("gz/2.ion", "{Item:{id:\"plain\"}}");

    DynamoDbException zstd = catchThrowableOfType(
        () -> importTable("gz/", InputCompressionType.ZSTD), DynamoDbException.class);
    ImportTableDescription imported = importTable("gz/", InputCompressionType.GZIP);

    assertThat(zstd.awsErrorDetails().errorMessage())
        .isEqualTo(ImportTableOperation.ZSTD_REFUSED);
    assertThat(imported.importStatus()).isEqualTo(ImportStatus.FAILED);
    assertThat(imported.importedItemCount()).isEqualTo(2);
    assertThat(imported.errorCount()).isEqualTo(1);
    assertThat(tombstone.dynamoDb().items("orders")).extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder(dev.tombstone.dynamodb.AttributeValue.s("a"),
            dev.tombstone.dynamodb.AttributeValue.s("b"));
  }

  @Test
  void exportThenImport_asIon_givesBackEqualItems() {
    String tableArn = createOrders();
    dynamo.putItem(b -> b.tableName("orders").item(everyType()));
    for (int i = 0; i < 20; i++) {
      int n = i;
      dynamo.putItem(b -> b.tableName("orders").item(Map.of("id",
          AttributeValue.fromS("o-" + (n + 2)), "n", AttributeValue.fromN(n + "e" + (n - 10)),
          "s", AttributeValue.fromS("'''\\\u0001" + n))));
    }
    List<Item> before = tombstone.dynamoDb().items("orders");
    ExportDescription export = dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn)
        .s3Bucket(BUCKET).s3Prefix("nightly").exportFormat(ExportFormat.ION)).exportDescription();
    dynamo.deleteTable(b -> b.tableName("orders"));

    ImportTableDescription imported = importTable(
        "nightly/AWSDynamoDB/" + exportId(export) + "/data/", InputCompressionType.GZIP);

    assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
    assertThat(imported.importedItemCount()).isEqualTo(21);
    assertThat(tombstone.dynamoDb().items("orders")).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void bulkPut_ofIon_putsTheItems_andReportsTheBadOnesAsParseErrors() {
    createOrders();
    s3.createBucket(b -> b.bucket("reports"));
    putObject("bulk/1.ion", "$ion_1_0 {Item:{id:\"a\", n:1.}}\n{Item:{id:\"b\"}}\n"
        + "{Item:{id:\"c\", t:2020-01-01T}}\n");
    putObject("bulk/2.ion", "{Item:{id:\"d\"}, Other:\"x\"}\n{Item:{id:\"e\"}}");

    BulkOperationDescription started = dynamo.startBulkPutItems(b -> b.tableName("orders")
        .inputS3Configuration(i -> i.s3Bucket(BUCKET).s3KeyPrefix("bulk/")
            .inputFormat(BulkOperationInputFormat.ION))
        .outputS3Configuration(o -> o.s3Bucket("reports").outputType(OutputTypeEnum.ERROR)))
        .bulkOperationDescription();

    assertThat(started.bulkOperationStatus())
        .isEqualTo(BulkOperationStatus.COMPLETED_WITH_ERRORS);
    assertThat(started.processedItemCount()).isEqualTo(5);
    assertThat(started.failedItemCount()).isEqualTo(2);
    assertThat(tombstone.dynamoDb().items("orders")).extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder(dev.tombstone.dynamodb.AttributeValue.s("a"),
            dev.tombstone.dynamodb.AttributeValue.s("b"),
            dev.tombstone.dynamodb.AttributeValue.s("e"));
    String id = started.bulkOperationArn()
        .substring(started.bulkOperationArn().lastIndexOf('/') + 1);
    List<String> report = s3.getObjectAsBytes(b -> b.bucket("reports")
        .key("AWSDynamoDB/bulk-operation/" + id + "/ERROR.json")).asUtf8String().lines().toList();
    assertThat(report).containsExactly(
        "{\"SourceObject\":\"bulk/1.ion\",\"SourceRecord\":3,\"ErrorCode\":\"ParseError\","
            + "\"ErrorMessage\":\"An Ion timestamp is no DynamoDB type\"}",
        "{\"SourceObject\":\"bulk/2.ion\",\"SourceRecord\":1,\"ErrorCode\":\"ParseError\","
            + "\"ErrorMessage\":\"" + BulkPutConditions.OTHER_MEMBER + "Other\"}");
  }
}
