package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationDescription;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationInputFormat;
import software.amazon.awssdk.services.dynamodb.model.BulkOperationStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OutputTypeEnum;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StartBulkPutItemsRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * StartBulkPutItems documents that carry a per-item condition, in DYNAMODB_JSON and ION, through
 * the SDK v2: the condition checked against the current item as PutItem checks it, a refused
 * item left out of FailedItemCount and reported in CONDITION_CHECK_FAILURE.json when asked.
 */
class BulkPutConditionsSdkTest {
  static final String INPUT = "bulk-input";
  static final String OUTPUT = "bulk-output";
  static final ObjectMapper JSON = new ObjectMapper();

  Tombstone tombstone;
  DynamoDbClient dynamo;
  S3Client s3;

  @BeforeEach
  void start() {
    tombstone = Tombstone.builder().start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
    s3 = dev.tombstone.internal.s3.protocol.SdkClients.sync(tombstone);
    s3.createBucket(b -> b.bucket(INPUT));
    s3.createBucket(b -> b.bucket(OUTPUT));
    dynamo.createTable(b -> b.tableName("orders")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
    // In this order, so that the reports' ExistingItem has it.
    Map<String, AttributeValue> stored = new LinkedHashMap<>();
    stored.put("id", AttributeValue.s("a"));
    stored.put("v", AttributeValue.n("1"));
    tombstone.dynamoDb().putItem("orders", Item.of(stored));
  }

  @AfterEach
  void stop() {
    s3.close();
    dynamo.close();
    tombstone.close();
  }

  @Test
  void conditionsThatHold_writeTheirItems_withNamesAndValuesPlaceholders() {
    putObject("hold/1.json", "{\"Item\":{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}},"
        + "\"ConditionExpression\":\"#v = :one\",\"ExpressionAttributeNames\":{\"#v\":\"v\"},"
        + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}\n"
        + "{\"Item\":{\"id\":{\"S\":\"b\"}},"
        + "\"ConditionExpression\":\"attribute_not_exists(id)\"}\n");

    BulkOperationDescription started = bulkPut("hold/", BulkOperationInputFormat.DYNAMODB_JSON,
        OutputTypeEnum.ERROR, OutputTypeEnum.CONDITION_CHECK_FAILURE);

    assertThat(started.bulkOperationStatus()).isEqualTo(BulkOperationStatus.COMPLETED);
    assertThat(started.processedItemCount()).isEqualTo(2);
    assertThat(started.failedItemCount()).isZero();
    assertThat(value("a", "v")).isEqualTo(AttributeValue.n("2"));
    assertThat(tombstone.dynamoDb().items("orders")).hasSize(2);
    assertThat(outputKeys()).isEmpty();
  }

  @Test
  void aConditionThatFails_leavesTheItem_isNoFailedItem_andIsReportedWithTheExistingItem()
      throws IOException {
    putObject("fail/1.json", "{\"Item\":{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"9\"}},"
        + "\"ConditionExpression\":\"attribute_not_exists(#k)\","
        + "\"ExpressionAttributeNames\":{\"#k\":\"id\"}}\n"
        + "{\"Item\":{\"id\":{\"S\":\"b\"}}}\n");

    BulkOperationDescription started = bulkPut("fail/", BulkOperationInputFormat.DYNAMODB_JSON,
        OutputTypeEnum.ERROR, OutputTypeEnum.CONDITION_CHECK_FAILURE);

    assertThat(started.bulkOperationStatus()).isEqualTo(BulkOperationStatus.COMPLETED);
    assertThat(started.processedItemCount()).isEqualTo(2);
    assertThat(started.failedItemCount()).isZero();
    assertThat(value("a", "v")).isEqualTo(AttributeValue.n("1"));
    assertThat(value("b", "id")).isEqualTo(AttributeValue.s("b"));
    String key = folder(started) + "CONDITION_CHECK_FAILURE.json";
    assertThat(outputKeys()).containsExactly(key);
    assertThat(lines(key)).containsExactly("{\"SourceObject\":\"fail/1.json\","
        + "\"SourceRecord\":1,\"ErrorCode\":\"ConditionalCheckFailedException\","
        + "\"ErrorMessage\":\"The conditional request failed\","
        + "\"Item\":{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"9\"}},"
        + "\"ExistingItem\":{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}");
  }

  @Test
  void aConditionThatFails_withoutConditionCheckFailureOutput_isNotReported() {
    putObject("quiet/1.json", "{\"Item\":{\"id\":{\"S\":\"a\"}},"
        + "\"ConditionExpression\":\"attribute_not_exists(id)\"}\n");

    BulkOperationDescription started = bulkPut("quiet/", BulkOperationInputFormat.DYNAMODB_JSON,
        OutputTypeEnum.ERROR);

    assertThat(started.bulkOperationStatus()).isEqualTo(BulkOperationStatus.COMPLETED);
    assertThat(started.processedItemCount()).isEqualTo(1);
    assertThat(started.failedItemCount()).isZero();
    assertThat(value("a", "v")).isEqualTo(AttributeValue.n("1"));
    assertThat(outputKeys()).isEmpty();
  }

  @Test
  void eachCondition_seesTheItemsWrittenBeforeIt() throws IOException {
    String once = "{\"Item\":{\"id\":{\"S\":\"c\"},\"n\":{\"N\":\"%s\"}},"
        + "\"ConditionExpression\":\"attribute_not_exists(id)\"}\n";
    putObject("order/1.json", once.formatted("1") + once.formatted("2"));

    BulkOperationDescription started = bulkPut("order/", BulkOperationInputFormat.DYNAMODB_JSON,
        OutputTypeEnum.CONDITION_CHECK_FAILURE);

    assertThat(started.processedItemCount()).isEqualTo(2);
    assertThat(value("c", "n")).isEqualTo(AttributeValue.n("1"));
    List<String> report = lines(folder(started) + "CONDITION_CHECK_FAILURE.json");
    assertThat(report).hasSize(1);
    assertThat(report.get(0)).contains("\"SourceRecord\":2,")
        .endsWith("\"Item\":{\"id\":{\"S\":\"c\"},\"n\":{\"N\":\"2\"}},"
            + "\"ExistingItem\":{\"id\":{\"S\":\"c\"},\"n\":{\"N\":\"1\"}}}");
  }

  @Test
  void malformedConditions_failAlone_withPutItemsValidationMessages() throws IOException {
    List<String> conditions = List.of(
        "\"ConditionExpression\":\"v = :missing\"",
        "\"ConditionExpression\":\"((\"",
        "\"ConditionExpression\":\"v = :one\",\"ExpressionAttributeValues\":{\":one\":"
            + "{\"N\":\"1\"},\":two\":{\"N\":\"2\"}}",
        "\"ExpressionAttributeNames\":{\"#v\":\"v\"}");
    StringBuilder object = new StringBuilder();
    for (String condition : conditions) {
      object.append("{\"Item\":{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"5\"}},")
          .append(condition).append("}\n");
    }
    object.append("{\"Item\":{\"id\":{\"S\":\"after\"}}}\n");
    putObject("bad/1.json", object.toString());

    BulkOperationDescription started = bulkPut("bad/", BulkOperationInputFormat.DYNAMODB_JSON,
        OutputTypeEnum.ERROR, OutputTypeEnum.CONDITION_CHECK_FAILURE);

    assertThat(started.bulkOperationStatus())
        .isEqualTo(BulkOperationStatus.COMPLETED_WITH_ERRORS);
    assertThat(started.processedItemCount()).isEqualTo(5);
    assertThat(started.failedItemCount()).isEqualTo(4);
    assertThat(value("a", "v")).isEqualTo(AttributeValue.n("1"));
    assertThat(value("after", "id")).isEqualTo(AttributeValue.s("after"));
    String key = folder(started) + "ERROR.json";
    assertThat(outputKeys()).containsExactly(key);
    List<String> report = lines(key);
    assertThat(report).hasSize(4);
    List<Consumer<PutItemRequest.Builder>> sameAsPutItem = List.of(
        b -> b.conditionExpression("v = :missing"),
        b -> b.conditionExpression("(("),
        b -> b.conditionExpression("v = :one").expressionAttributeValues(Map.of(
            ":one", n("1"), ":two", n("2"))),
        b -> b.expressionAttributeNames(Map.of("#v", "v")));
    for (int i = 0; i < report.size(); i++) {
      JsonNode line = JSON.readTree(report.get(i));
      assertThat(line.get("SourceRecord").asLong()).isEqualTo(i + 1);
      assertThat(line.get("ErrorCode").asText()).isEqualTo("ValidationException");
      assertThat(line.get("ErrorMessage").asText())
          .isEqualTo(putItemMessage(sameAsPutItem.get(i)));
      assertThat(line.get("Item").toString())
          .isEqualTo("{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"5\"}}");
    }
  }

  @Test
  void unreadableConditionMembers_andOtherMembers_failAloneAsParseErrors() throws IOException {
    putObject("odd/1.json", "{\"Item\":{\"id\":{\"S\":\"x\"}},\"ConditionExpression\":5}\n"
        + "{\"Item\":{\"id\":{\"S\":\"y\"}},\"ReturnValues\":\"ALL_OLD\"}\n"
        + "{\"Item\":{\"id\":{\"S\":\"z\"}}}\n");

    BulkOperationDescription started = bulkPut("odd/", BulkOperationInputFormat.DYNAMODB_JSON,
        OutputTypeEnum.ERROR);

    assertThat(started.processedItemCount()).isEqualTo(3);
    assertThat(started.failedItemCount()).isEqualTo(2);
    assertThat(tombstone.dynamoDb().items("orders")).extracting(item -> item.get("id"))
        .containsExactlyInAnyOrder(AttributeValue.s("a"), AttributeValue.s("z"));
    List<String> report = lines(folder(started) + "ERROR.json");
    assertThat(report).hasSize(2);
    assertThat(JSON.readTree(report.get(0)).get("ErrorCode").asText()).isEqualTo("ParseError");
    assertThat(report.get(1)).isEqualTo("{\"SourceObject\":\"odd/1.json\",\"SourceRecord\":2,"
        + "\"ErrorCode\":\"ParseError\",\"ErrorMessage\":\"" + BulkPutConditions.OTHER_MEMBER
        + "ReturnValues\"}");
  }

  @Test
  void ionDocuments_carryTheirConditionAsFields() throws IOException {
    putObject("ion/1.ion", "$ion_1_0 {Item:{id:\"a\", v:2}, ConditionExpression:\"#v = :one\","
        + " ExpressionAttributeNames:{'#v':\"v\"}, ExpressionAttributeValues:{':one':1}}\n"
        + "{Item:{id:\"b\", v:$dynamodb_SS::[\"s\"]},"
        + " ConditionExpression:\"attribute_exists(id)\"}\n"
        + "{Item:{id:\"c\"}, ConditionExpression:\"v = :gone\"}\n"
        + "{Item:{id:\"d\"}, ExpressionAttributeValues:{':t':2020-01-01T}}\n");

    BulkOperationDescription started = bulkPut("ion/", BulkOperationInputFormat.ION,
        OutputTypeEnum.ERROR, OutputTypeEnum.CONDITION_CHECK_FAILURE);

    assertThat(started.processedItemCount()).isEqualTo(4);
    assertThat(started.failedItemCount()).isEqualTo(2);
    assertThat(value("a", "v")).isEqualTo(AttributeValue.n("2"));
    assertThat(tombstone.dynamoDb().items("orders")).hasSize(1);
    assertThat(lines(folder(started) + "CONDITION_CHECK_FAILURE.json")).containsExactly(
        "{\"SourceObject\":\"ion/1.ion\",\"SourceRecord\":2,"
            + "\"ErrorCode\":\"ConditionalCheckFailedException\","
            + "\"ErrorMessage\":\"The conditional request failed\","
            + "\"Item\":{\"id\":{\"S\":\"b\"},\"v\":{\"SS\":[\"s\"]}}}");
    List<String> errors = lines(folder(started) + "ERROR.json");
    assertThat(errors).hasSize(2);
    JsonNode undefined = JSON.readTree(errors.get(0));
    assertThat(undefined.get("ErrorCode").asText()).isEqualTo("ValidationException");
    assertThat(undefined.get("ErrorMessage").asText())
        .isEqualTo(putItemMessage(b -> b.conditionExpression("v = :gone")));
    assertThat(errors.get(1)).isEqualTo("{\"SourceObject\":\"ion/1.ion\",\"SourceRecord\":4,"
        + "\"ErrorCode\":\"ParseError\",\"ErrorMessage\":\"" + BulkPutConditions.NOT_VALUES
        + ": An Ion timestamp is no DynamoDB type\"}");
  }

  private BulkOperationDescription bulkPut(String prefix, BulkOperationInputFormat format,
      OutputTypeEnum... outputs) {
    return dynamo.startBulkPutItems((StartBulkPutItemsRequest.Builder b) -> b.tableName("orders")
        .inputS3Configuration(i -> i.s3Bucket(INPUT).s3KeyPrefix(prefix).inputFormat(format))
        .outputS3Configuration(o -> o.s3Bucket(OUTPUT).s3KeyPrefix("reports")
            .outputType(outputs)))
        .bulkOperationDescription();
  }

  /** What PutItem answers for the item {@code {id:"p"}} under the condition {@code condition}. */
  private String putItemMessage(Consumer<PutItemRequest.Builder> condition) {
    DynamoDbException e = catchThrowableOfType(() -> dynamo.putItem(b -> {
      b.tableName("orders").item(Map.of("id", s("p")));
      condition.accept(b);
    }), DynamoDbException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return e.awsErrorDetails().errorMessage();
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue n(String n) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(n);
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String s) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(s);
  }

  private void putObject(String key, String content) {
    s3.putObject(b -> b.bucket(INPUT).key(key), RequestBody.fromString(content));
  }

  private AttributeValue value(String id, String attribute) {
    return tombstone.dynamoDb().items("orders").stream()
        .filter(item -> AttributeValue.s(id).equals(item.get("id")))
        .map(item -> item.get(attribute)).findFirst().orElse(null);
  }

  private static String folder(BulkOperationDescription started) {
    String arn = started.bulkOperationArn();
    return "reports/AWSDynamoDB/bulk-operation/" + arn.substring(arn.lastIndexOf('/') + 1) + "/";
  }

  private List<String> lines(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(OUTPUT).key(key)).asUtf8String().lines().toList();
  }

  private List<String> outputKeys() {
    return s3.listObjectsV2(b -> b.bucket(OUTPUT)).contents().stream().map(S3Object::key)
        .toList();
  }
}
