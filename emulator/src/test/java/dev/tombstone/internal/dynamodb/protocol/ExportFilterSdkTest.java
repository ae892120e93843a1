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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.FilterSpecification;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ExportTableToPointInTime's FilterSpecification through the SDK v2: the key condition, filter
 * and projection narrow what is written, the specification is echoed, and bad expressions get
 * the answer a Query with the same members gets, before anything is written.
 */
class ExportFilterSdkTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
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
        .keySchema(k -> k.attributeName("user").keyType(KeyType.HASH),
            k -> k.attributeName("order").keyType(KeyType.RANGE))
        .attributeDefinitions(
            a -> a.attributeName("user").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("order").attributeType(ScalarAttributeType.S)))
        .tableDescription().tableArn();
    dynamo.updateContinuousBackups(b -> b.tableName("orders")
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    s3.createBucket(b -> b.bucket(BUCKET));
    put("u1", "2024-01", "SHIPPED", 10);
    put("u1", "2024-02", "NEW", 20);
    put("u1", "2025-01", "SHIPPED", 30);
    put("u2", "2024-01", "SHIPPED", 40);
    put("u2", "2024-03", "NEW", 50);
  }

  @AfterEach
  void stop() {
    s3.close();
    dynamo.close();
    tombstone.close();
  }

  void put(String user, String order, String status, int amount) {
    dynamo.putItem(b -> b.tableName("orders").item(Map.of("user", AttributeValue.fromS(user),
        "order", AttributeValue.fromS(order), "status", AttributeValue.fromS(status),
        "amount", AttributeValue.fromN(Integer.toString(amount)))));
  }

  ExportDescription export(Consumer<FilterSpecification.Builder> filter) {
    return dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket(BUCKET)
        .s3Prefix("p" + clock.instant().toEpochMilli()).filterSpecification(filter))
        .exportDescription();
  }

  /** The items the export wrote, read back from its one data file. */
  List<Item> written(ExportDescription export) {
    String folder = export.exportManifest().replace("manifest-summary.json", "data/");
    List<String> data = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(folder)).contents()
        .stream().map(S3Object::key).toList();
    assertThat(data).hasSize(1);
    byte[] zipped = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(data.get(0))).asByteArray();
    List<Item> items = new ArrayList<>();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty()) {
          items.add(DynamoDbJson.item(line.substring("{\"Item\":".length(), line.length() - 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items;
  }

  List<String> orders(List<Item> items) {
    return items.stream().map(i -> ((dev.tombstone.dynamodb.AttributeValue.S) i.attributes()
        .get("user")).value() + "/" + ((dev.tombstone.dynamodb.AttributeValue.S) i.attributes()
        .get("order")).value()).sorted().toList();
  }

  @Test
  void filterExpression_keepsTheMatchingItems_mayNameKeys_andIsEchoed() {
    ExportDescription export = export(f -> f
        .filterExpression("#s = :shipped AND (#u = :u1 OR amount > :forty)")
        .expressionAttributeNames(Map.of("#s", "status", "#u", "user"))
        .expressionAttributeValues(Map.of(":shipped", AttributeValue.fromS("SHIPPED"),
            ":u1", AttributeValue.fromS("u1"), ":forty", AttributeValue.fromN("39"))));

    assertThat(orders(written(export))).containsExactly("u1/2024-01", "u1/2025-01", "u2/2024-01");
    assertThat(export.itemCount()).isEqualTo(3);
    FilterSpecification echoed = export.filterSpecification();
    assertThat(echoed.filterExpression())
        .isEqualTo("#s = :shipped AND (#u = :u1 OR amount > :forty)");
    assertThat(echoed.expressionAttributeNames()).containsEntry("#u", "user").hasSize(2);
    assertThat(echoed.expressionAttributeValues())
        .containsEntry(":forty", AttributeValue.fromN("39")).hasSize(3);
    assertThat(echoed.keyConditionExpression()).isNull();
    assertThat(dynamo.describeExport(b -> b.exportArn(export.exportArn())).exportDescription()
        .filterSpecification()).isEqualTo(echoed);
  }

  @Test
  void filter_isBilledForWhatItReads_notForWhatItWrites() {
    ExportDescription whole = export(f -> { });
    clock.advance(Duration.ofSeconds(1));
    ExportDescription filtered = export(f -> f.filterExpression("amount > :t")
        .expressionAttributeValues(Map.of(":t", AttributeValue.fromN("45"))));
    clock.advance(Duration.ofSeconds(1));
    ExportDescription keyed = export(f -> f.keyConditionExpression("#u = :u")
        .expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("u2"))));

    assertThat(whole.itemCount()).isEqualTo(5);
    assertThat(filtered.itemCount()).isEqualTo(1);
    assertThat(filtered.billedSizeBytes()).isEqualTo(whole.billedSizeBytes());
    assertThat(keyed.itemCount()).isEqualTo(2);
    assertThat(keyed.billedSizeBytes()).isPositive().isLessThan(whole.billedSizeBytes());
    assertThat(whole.filterSpecification()).isEqualTo(FilterSpecification.builder().build());
  }

  @Test
  void keyCondition_selectsOnePartitionAndSortRange_andTheProjectionKeepsWhatItNames() {
    ExportDescription export = export(f -> f
        .keyConditionExpression("#u = :u AND begins_with(#o, :year)")
        .filterExpression("#s = :s")
        .projectionExpression("#o, amount, absentee")
        .expressionAttributeNames(Map.of("#u", "user", "#o", "order", "#s", "status"))
        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("u1"),
            ":year", AttributeValue.fromS("2024"), ":s", AttributeValue.fromS("NEW"))));

    List<Item> items = written(export);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).attributes()).containsOnlyKeys("order", "amount");
    assertThat(items.get(0).attributes().get("order"))
        .isEqualTo(dev.tombstone.dynamodb.AttributeValue.s("2024-02"));
    assertThat(export.filterSpecification().keyConditionExpression())
        .isEqualTo("#u = :u AND begins_with(#o, :year)");
    assertThat(export.filterSpecification().projectionExpression())
        .isEqualTo("#o, amount, absentee");
  }

  @Test
  void filter_appliesToTheItemsOfTheExportTime() {
    Instant before = clock.instant();
    clock.advance(Duration.ofMinutes(1));
    dynamo.deleteItem(b -> b.tableName("orders").key(Map.of("user", AttributeValue.fromS("u2"),
        "order", AttributeValue.fromS("2024-01"))));
    put("u2", "2026-01", "SHIPPED", 99);

    ExportDescription export = dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn)
        .s3Bucket(BUCKET).exportTime(before).filterSpecification(f -> f
            .keyConditionExpression("#u = :u").filterExpression("#s = :s")
            .expressionAttributeNames(Map.of("#u", "user", "#s", "status"))
            .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("u2"),
                ":s", AttributeValue.fromS("SHIPPED")))))
        .exportDescription();

    assertThat(orders(written(export))).containsExactly("u2/2024-01");
  }

  /** The export's answer to {@code filter} and a Query's to the same members are one error. */
  void refusedAsQueryRefuses(FilterSpecification filter) {
    DynamoDbException exported = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket(BUCKET)
            .filterSpecification(filter)));
    QueryRequest.Builder query = QueryRequest.builder().tableName("orders")
        .keyConditionExpression(filter.keyConditionExpression())
        .filterExpression(filter.filterExpression())
        .projectionExpression(filter.projectionExpression());
    if (filter.hasExpressionAttributeNames()) {
      query.expressionAttributeNames(filter.expressionAttributeNames());
    }
    if (filter.hasExpressionAttributeValues()) {
      query.expressionAttributeValues(filter.expressionAttributeValues());
    }
    DynamoDbException queried = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.query(query.build()));

    assertThat(exported).as(filter.toString()).isNotNull();
    assertThat(queried).as(filter.toString()).isNotNull();
    assertThat(exported.statusCode()).isEqualTo(400);
    assertThat(exported.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(exported.awsErrorDetails().errorMessage())
        .isEqualTo(queried.awsErrorDetails().errorMessage());
  }

  static Map<String, AttributeValue> value(String name, AttributeValue value) {
    return Map.of(name, value);
  }

  @Test
  void invalidExpressions_getQuerysAnswers_beforeAnythingIsWritten() {
    AttributeValue u1 = AttributeValue.fromS("u1");
    List<FilterSpecification> bad = List.of(
        // the key condition against the key schema
        FilterSpecification.builder().keyConditionExpression("amount = :u")
            .expressionAttributeValues(value(":u", u1)).build(),
        FilterSpecification.builder().keyConditionExpression("#u = :n")
            .expressionAttributeNames(Map.of("#u", "user"))
            .expressionAttributeValues(value(":n", AttributeValue.fromN("1"))).build(),
        FilterSpecification.builder().keyConditionExpression("#u > :u")
            .expressionAttributeNames(Map.of("#u", "user"))
            .expressionAttributeValues(value(":u", u1)).build(),
        // with a key condition the filter may not name a key attribute
        FilterSpecification.builder().keyConditionExpression("#u = :u")
            .filterExpression("#o = :u").expressionAttributeNames(Map.of("#u", "user",
                "#o", "order")).expressionAttributeValues(value(":u", u1)).build(),
        // grammar, placeholders, reserved words
        FilterSpecification.builder().keyConditionExpression("#u = :u")
            .filterExpression("amount >").expressionAttributeNames(Map.of("#u", "user"))
            .expressionAttributeValues(value(":u", u1)).build(),
        FilterSpecification.builder().keyConditionExpression("#u = :u")
            .projectionExpression("status").expressionAttributeNames(Map.of("#u", "user"))
            .expressionAttributeValues(value(":u", u1)).build(),
        FilterSpecification.builder().keyConditionExpression("#u = :u")
            .expressionAttributeNames(Map.of("#u", "user", "#x", "x"))
            .expressionAttributeValues(value(":u", u1)).build(),
        FilterSpecification.builder().keyConditionExpression("#u = :u")
            .filterExpression("amount = :missing").expressionAttributeNames(Map.of("#u", "user"))
            .expressionAttributeValues(value(":u", u1)).build(),
        FilterSpecification.builder().keyConditionExpression("#u = :u")
            .projectionExpression("#o.x").expressionAttributeNames(Map.of("#u", "user",
                "#o", "order")).expressionAttributeValues(value(":u", u1)).build(),
        // placeholder maps without the expressions that use them
        FilterSpecification.builder().expressionAttributeNames(Map.of("#u", "user")).build(),
        FilterSpecification.builder().projectionExpression("amount")
            .expressionAttributeValues(value(":u", u1)).build());

    for (FilterSpecification filter : bad) {
      refusedAsQueryRefuses(filter);
    }
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
    assertThat(dynamo.listExports(b -> { }).exportSummaries()).isEmpty();
  }

  @Test
  void filterWithoutKeyCondition_mayNameKeys_butNotPathsIntoThem() {
    DynamoDbException nested = catchThrowableOfType(DynamoDbException.class,
        () -> export(f -> f.filterExpression("#u.x = :v")
            .expressionAttributeNames(Map.of("#u", "user"))
            .expressionAttributeValues(value(":v", AttributeValue.fromS("v")))));
    DynamoDbException scanned = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.scan(b -> b.tableName("orders").filterExpression("#u.x = :v")
            .expressionAttributeNames(Map.of("#u", "user"))
            .expressionAttributeValues(value(":v", AttributeValue.fromS("v")))));

    assertThat(nested.awsErrorDetails().errorMessage())
        .isEqualTo(scanned.awsErrorDetails().errorMessage());
    assertThat(dynamo.listExports(b -> { }).exportSummaries()).isEmpty();
  }

  @Test
  void clientToken_conflictsWhenTheFilterChanges_andAnIncrementalExportNeedsItsWindow() {
    dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket(BUCKET)
        .clientToken("t").filterSpecification(f -> f.filterExpression("amount > :t")
            .expressionAttributeValues(value(":t", AttributeValue.fromN("1")))));
    ExportDescription again = dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn)
        .s3Bucket(BUCKET).clientToken("t").filterSpecification(f -> f
            .filterExpression("amount > :t")
            .expressionAttributeValues(value(":t", AttributeValue.fromN("1"))))).exportDescription();
    assertThat(again.itemCount()).isEqualTo(5);

    assertThat(catchThrowableOfType(ExportConflictException.class,
        () -> dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket(BUCKET)
            .clientToken("t").filterSpecification(f -> f.filterExpression("amount > :t")
                .expressionAttributeValues(value(":t", AttributeValue.fromN("2")))))))
        .isNotNull();
    DynamoDbException incremental = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket(BUCKET)
            .exportType(ExportType.INCREMENTAL_EXPORT)
            .filterSpecification(f -> f.filterExpression("attribute_exists(amount)"))));
    assertThat(incremental.awsErrorDetails().errorMessage())
        .isEqualTo(IncrementalExports.SPECIFICATION_MISSING);
    assertThat(dynamo.listExports(b -> { }).exportSummaries()).hasSize(1);
  }
}
