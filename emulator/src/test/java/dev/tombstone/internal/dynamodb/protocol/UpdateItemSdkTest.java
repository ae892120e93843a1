package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** UpdateItem and TransactWriteItems Update elements through the SDK v2 sync client. */
class UpdateItemSdkTest {
  static final String TABLE = "users";
  static Tombstone tombstone;
  static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint(), 8);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    tombstone.close();
  }

  @BeforeEach
  void users() {
    tombstone.reset();
    SdkTables.stringHashKey(dynamo, TABLE, "UserId");
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("UserId", s("u1"), "name", s("Ada"))));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static Map<String, AttributeValue> key(String id) {
    return Map.of("UserId", s(id));
  }

  private Map<String, AttributeValue> stored(String id) {
    return dynamo.getItem(b -> b.tableName(TABLE).key(key(id)).consistentRead(true)).item();
  }

  @Test
  void softDelete_setsDeletedAtOnlyOnAnExistingItem_thenRestoreRemovesIt() {
    UpdateItemResponse deleted = dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .updateExpression("SET deletedAt = :now")
        .conditionExpression("attribute_exists(UserId)")
        .expressionAttributeValues(Map.of(":now", s("2026-12-03T12:00:00Z")))
        .returnValues(ReturnValue.ALL_NEW));

    assertThat(deleted.attributes()).containsEntry("deletedAt", s("2026-12-03T12:00:00Z"))
        .containsEntry("name", s("Ada"));

    UpdateItemResponse restored = dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .updateExpression("REMOVE deletedAt")
        .conditionExpression("attribute_exists(deletedAt)")
        .returnValues(ReturnValue.UPDATED_OLD));

    assertThat(restored.attributes()).isEqualTo(Map.of("deletedAt", s("2026-12-03T12:00:00Z")));
    assertThat(stored("u1")).isEqualTo(Map.of("UserId", s("u1"), "name", s("Ada")));
  }

  @Test
  void softDelete_ofAMissingItem_failsAndCreatesNothing() {
    ConditionalCheckFailedException failed = catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("ghost"))
            .updateExpression("SET deletedAt = :now")
            .conditionExpression("attribute_exists(UserId)")
            .expressionAttributeValues(Map.of(":now", s("2026-12-03")))));

    assertThat(failed.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
    assertThat(stored("ghost")).isEmpty();
  }

  @Test
  void failedCondition_returnsTheCurrentItemWhenAsked() {
    ConditionalCheckFailedException failed = catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
            .updateExpression("REMOVE deletedAt")
            .conditionExpression("attribute_exists(deletedAt)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

    assertThat(failed.item()).isEqualTo(Map.of("UserId", s("u1"), "name", s("Ada")));
  }

  @Test
  void upsert_counterIdiom_createsThenIncrements() {
    for (int i = 0; i < 3; i++) {
      dynamo.updateItem(b -> b.tableName(TABLE).key(key("u2"))
          .updateExpression("SET visits = if_not_exists(visits, :zero) + :one ADD tags :t")
          .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
              ":one", AttributeValue.fromN("1"), ":t", AttributeValue.fromSs(List.of("new")))));
    }

    assertThat(stored("u2")).containsEntry("visits", AttributeValue.fromN("3"))
        .containsEntry("tags", AttributeValue.fromSs(List.of("new")));
  }

  @Test
  void concurrentAdds_areAtomicPerItem() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(pool.submit(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
            .updateExpression("ADD hits :one")
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(stored("u1").get("hits")).isEqualTo(AttributeValue.fromN("200"));
  }

  @Test
  void consumedCapacity_countsTheLargerOfOldAndNewItem() {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("UserId", s("big"),
        "payload", s("x".repeat(3000)))));

    UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(TABLE).key(key("big"))
        .updateExpression("REMOVE payload").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(3.0);
  }

  @Test
  void itemOver400Kb_afterTheUpdate_isRefusedAndNothingChanges() {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("UserId", s("big"),
        "a", s("x".repeat(300_000)))));

    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("big"))
            .updateExpression("SET b = a")));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("Item size to update has exceeded the maximum allowed size");
    assertThat(stored("big")).doesNotContainKey("b");
  }

  @Test
  void updatingTheKey_isRefusedWithDynamoDbsMessage() {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
            .updateExpression("SET #k = :v").expressionAttributeNames(Map.of("#k", "UserId"))
            .expressionAttributeValues(Map.of(":v", s("u9")))));

    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("One or more parameter values"
        + " were invalid: Cannot update attribute UserId. This attribute is part of the key");
    assertThat(error.statusCode()).isEqualTo(400);
  }

  @Test
  void legacyAttributeUpdates_withExpected() {
    UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .attributeUpdates(Map.of(
            "deletedAt", AttributeValueUpdate.builder().action(AttributeAction.PUT)
                .value(s("now")).build(),
            "name", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()))
        .expected(Map.of("name", ExpectedAttributeValue.builder().value(s("Ada")).build()))
        .returnValues(ReturnValue.ALL_NEW));

    assertThat(response.attributes())
        .isEqualTo(Map.of("UserId", s("u1"), "deletedAt", s("now")));
  }

  @Test
  void transaction_mixingUpdateDeleteAndConditionCheck_isCancelledWithReasonsInOrder() {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("UserId", s("u2"))));

    TransactionCanceledException canceled = catchThrowableOfType(
        TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(
            t -> t.update(u -> u.tableName(TABLE).key(key("u1"))
                .updateExpression("SET deletedAt = :now")
                .expressionAttributeValues(Map.of(":now", s("now")))),
            t -> t.delete(d -> d.tableName(TABLE).key(key("u2"))),
            t -> t.conditionCheck(c -> c.tableName(TABLE).key(key("nobody"))
                .conditionExpression("attribute_exists(UserId)")),
            t -> t.update(u -> u.tableName(TABLE).key(key("u3"))
                .updateExpression("SET n = :v")
                .conditionExpression("attribute_exists(UserId)")
                .expressionAttributeValues(Map.of(":v", s("x")))))));

    assertThat(canceled.cancellationReasons()).extracting(r -> r.code())
        .containsExactly("None", "None", "ConditionalCheckFailed", "ConditionalCheckFailed");
    assertThat(stored("u1")).doesNotContainKey("deletedAt");
    assertThat(stored("u2")).isNotEmpty();
    assertThat(stored("u3")).isEmpty();
  }

  @Test
  void transaction_withUpdateAndDelete_appliesBoth() {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("UserId", s("u2"))));

    dynamo.transactWriteItems(b -> b.transactItems(
        t -> t.update(u -> u.tableName(TABLE).key(key("u1"))
            .updateExpression("SET deletedAt = :now")
            .conditionExpression("attribute_not_exists(deletedAt)")
            .expressionAttributeValues(Map.of(":now", s("now")))),
        t -> t.update(u -> u.tableName(TABLE).key(key("u9"))
            .updateExpression("ADD n :one")
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))),
        t -> t.delete(d -> d.tableName(TABLE).key(key("u2")))));

    assertThat(stored("u1")).containsEntry("deletedAt", s("now"));
    assertThat(stored("u9")).containsEntry("n", AttributeValue.fromN("1"));
    assertThat(stored("u2")).isEmpty();
  }

  @Test
  void transaction_updateFailingOnTheItemsData_isCancelledWithAValidationError() {
    TransactionCanceledException canceled = catchThrowableOfType(
        TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(
            t -> t.update(u -> u.tableName(TABLE).key(key("u1"))
                .updateExpression("SET #n = #n + :one")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))),
            t -> t.delete(d -> d.tableName(TABLE).key(key("u2"))))));

    assertThat(canceled.cancellationReasons()).extracting(r -> r.code())
        .containsExactly("ValidationError", "None");
    assertThat(canceled.cancellationReasons().get(0).message())
        .isEqualTo("An operand in the update expression has an incorrect data type");
    assertThat(stored("u1")).containsEntry("name", s("Ada"));
  }

  /** moto's AWS-verified test_transaction_with_empty_key: PutItem's words, not GetItem's. */
  @Test
  void transaction_updateWithAnEmptyStringKey_isRefusedAsPutItemRefusesIt() {
    assertThat(validationMessage(() -> dynamo.transactWriteItems(b -> b.transactItems(
        t -> t.update(u -> u.tableName(TABLE).key(key(""))
            .updateExpression("SET sth = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("0"))))))))
        .isEqualTo("One or more parameter values are not valid. The AttributeValue for a key"
            + " attribute cannot contain an empty string value. Key: UserId");
    assertThat(stored("u1")).isEqualTo(Map.of("UserId", s("u1"), "name", s("Ada")));
  }

  /** moto's AWS-verified test_update_item_with_{empty,invalid}_table_name. */
  @Test
  void tableName_emptyOrInvalid_isRefusedAsAwsReportsIt() {
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName("").key(key("foo"))
        .updateExpression("SET sth = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("0"))))))
        .isEqualTo("1 validation error detected: Value '' at 'tableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName("x!").key(key("foo"))
        .updateExpression("SET sth = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("0"))))))
        .isEqualTo("2 validation errors detected: Value 'x!' at 'tableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 3; Value 'x!' at"
            + " 'tableName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: [a-zA-Z0-9_.-]+");
  }

  private static Map<String, AttributeValueUpdate> legacy(String name, AttributeAction action,
      AttributeValue value) {
    return Map.of(name, AttributeValueUpdate.builder().action(action).value(value).build());
  }

  @Test
  void legacyAttributeUpdates_underAnEmptyName_areRefusedAsPutItemRefusesThem() {
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .attributeUpdates(legacy("", AttributeAction.PUT, s("x"))))))
        .isEqualTo("Empty attribute name");
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("new"))
        .attributeUpdates(legacy("", AttributeAction.ADD, AttributeValue.fromN("1"))))))
        .isEqualTo("Empty attribute name");

    assertThat(stored("u1")).isEqualTo(Map.of("UserId", s("u1"), "name", s("Ada")));
    assertThat(stored("new")).isEmpty();
  }

  @Test
  void legacyAttributeUpdates_underANameOver65535Bytes_areRefusedAsPutItemRefusesThem() {
    String longest = "n".repeat(65_535);

    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .attributeUpdates(legacy(longest + "n", AttributeAction.PUT, s("x"))))))
        .isEqualTo("Attribute name is too large, must be less than 65536 bytes");
    assertThat(stored("u1")).isEqualTo(Map.of("UserId", s("u1"), "name", s("Ada")));

    dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .attributeUpdates(legacy(longest, AttributeAction.PUT, s("x"))));
    assertThat(stored("u1")).containsEntry(longest, s("x"));
  }

  @Test
  void expressionAttributeName_over65535Bytes_isAnInvalidValueOfTheNamesMap() {
    String tooLong = "\u00e9".repeat(32_768); // two bytes each: 65,536 bytes

    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .updateExpression("SET #e = :v").expressionAttributeNames(Map.of("#e", tooLong))
        .expressionAttributeValues(Map.of(":v", s("x"))))))
        .isEqualTo("1 validation error detected: ExpressionAttributeNames contains invalid"
            + " value: Attribute name is too large, must be less than 65536 bytes for key #e");
    assertThat(validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .updateExpression("ADD #e :one").expressionAttributeNames(Map.of("#e", ""))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))))
        .isEqualTo("1 validation error detected: ExpressionAttributeNames contains invalid"
            + " value: Empty attribute name for key #e");
    assertThat(stored("u1")).isEqualTo(Map.of("UserId", s("u1"), "name", s("Ada")));
  }

  @Test
  void clauseUsedTwice_isReportedAfterSyntaxErrorsAndTheEarlierStaticChecks() {
    Map<String, AttributeValue> one = Map.of(":v", AttributeValue.fromN("1"));

    assertThat(updateRefusal("SET a = :v SET b = :v +", one))
        .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"+\"");
    assertThat(updateRefusal("SET a = :v REMOVE name SET b = :v", one))
        .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword;"
            + " reserved keyword: name");
    assertThat(updateRefusal("REMOVE a SET b = :v SET c = foo(a)", one))
        .isEqualTo("Invalid UpdateExpression: Invalid function name; function: foo");
    assertThat(updateRefusal("SET a = :v SET b = :v REMOVE name", one))
        .isEqualTo("Invalid UpdateExpression: The \"SET\" section can only be used once in an"
            + " update expression;");
    assertThat(stored("u1")).isEqualTo(Map.of("UserId", s("u1"), "name", s("Ada")));
  }

  @Test
  void reservedWordAndMisplacedFunction_firstInTheTextIsReported() {
    Map<String, AttributeValue> one = Map.of(":v", AttributeValue.fromN("1"));

    assertThat(updateRefusal("REMOVE name SET b = size(a)", one))
        .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword;"
            + " reserved keyword: name");
    assertThat(updateRefusal("SET b = size(a) REMOVE name", one))
        .isEqualTo("Invalid UpdateExpression: The function is not allowed in an update"
            + " expression; function: size");
  }

  @Test
  void pathWrittenTwice_namesThePathDynamoDbNames() {
    Map<String, AttributeValue> one = Map.of(":v", AttributeValue.fromN("1"));
    Map<String, String> names = Map.of("#c", "c", "#d", "[3]");

    assertThat(updateRefusal("SET a = :v, b = :v, a = :v", one))
        .isEqualTo(overlap("[a]", "[b]"));
    assertThat(updateRefusal("SET b = :v, a = :v, a = :v", one))
        .isEqualTo(overlap("[a]", "[a]"));
    assertThat(updateRefusal("SET m.x = :v, n = :v, m = :v", one))
        .isEqualTo(overlap("[m, x]", "[n]"));
    // As AWS answered these (dynalite's notes on its AWS-checked tests).
    assertThat(updateRefusal("REMOVE a, #c, a, #d", names, null))
        .isEqualTo(overlap("[a]", "[[3]]"));
    assertThat(updateRefusal("REMOVE c, #c.a, #d", names, null))
        .isEqualTo(overlap("[c]", "[[3]]"));
    assertThat(updateRefusal("REMOVE a.#c SET a[1] = :v", Map.of("#c", "c"), one))
        .isEqualTo("Invalid UpdateExpression: Two document paths conflict with each other; must"
            + " remove or rewrite one of these paths; path one: [a, c], path two: [a, [1]]");
  }

  @Test
  void actions_areCheckedLastToFirst_targetPathsBeforeValues() {
    Map<String, AttributeValue> one = Map.of(":v", AttributeValue.fromN("1"));

    assertThat(updateRefusal("SET a = :nope, a = :v", one)).isEqualTo(overlap("[a]", "[a]"));
    assertThat(updateRefusal("SET #u = :v, a = :v, a = :v", Map.of("#x", "x"), one))
        .isEqualTo(overlap("[a]", "[a]"));
    assertThat(updateRefusal("SET a = :v + :s, b = :nope", Map.of(":v",
        AttributeValue.fromN("1"), ":s", s("x"))))
        .isEqualTo("Invalid UpdateExpression: An expression attribute value used in expression"
            + " is not defined; attribute value: :nope");
    assertThat(updateRefusal("ADD a :s SET b = list_append(:s, :l)", Map.of(":s", s("x"),
        ":l", AttributeValue.fromL(List.of()))))
        .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function;"
            + " operator or function: list_append, operand type: S");
    assertThat(stored("u1")).isEqualTo(Map.of("UserId", s("u1"), "name", s("Ada")));
  }

  private static String overlap(String one, String two) {
    return "Invalid UpdateExpression: Two document paths overlap with each other; must remove or"
        + " rewrite one of these paths; path one: " + one + ", path two: " + two;
  }

  private String updateRefusal(String update, Map<String, String> names,
      Map<String, AttributeValue> values) {
    return validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .updateExpression(update).expressionAttributeNames(names)
        .expressionAttributeValues(values)));
  }

  @Test
  void arithmeticResultBeyond38Digits_answersTheOverflowText_asAwsDoes() {
    Map<String, AttributeValue> values =
        Map.of(":a", AttributeValue.fromN("1e50"), ":b", AttributeValue.fromN("1"));
    String overflow =
        "Number overflow. Attempting to store a number with magnitude larger than supported range";

    assertThat(updateRefusal("SET b = :a - :b", values)).isEqualTo(overflow);
    assertThat(updateRefusal("SET b = :a + :b", values)).isEqualTo(overflow);
    assertThat(stored("u1")).doesNotContainKey("b");
  }

  @Test
  void parenthesisedArithmetic_isApplied_asAwsDoes() {
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("SET c = :ten")
        .expressionAttributeValues(Map.of(":ten", AttributeValue.fromN("10"))));

    UpdateItemResponse updated = dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .updateExpression("SET c = (c - :v)")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("3")))
        .returnValues(ReturnValue.ALL_NEW));

    assertThat(updated.attributes()).containsEntry("c", AttributeValue.fromN("7"));
  }

  @Test
  void addToAStringSet_readsBackInByteOrder_asAwsReturnsIt() {
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("SET tags = :a")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromSs(List.of("b", "a")))));

    dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("ADD tags :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromSs(List.of("", "c")))));

    assertThat(stored("u1").get("tags").ss()).containsExactly("", "a", "b", "c");
  }

  @Test
  void addResultBeyond38Digits_keepsDynamoDbLocalsText() {
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1")).updateExpression("SET n = :a")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromN("1e50"))));

    assertThat(updateRefusal("ADD n :b", Map.of(":b", AttributeValue.fromN("1"))))
        .isEqualTo("DynamoDB only supports precision up to 38 digits");
    assertThat(new BigDecimal(stored("u1").get("n").n())).isEqualByComparingTo("1e50");
  }

  private String updateRefusal(String update, Map<String, AttributeValue> values) {
    return validationMessage(() -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("u1"))
        .updateExpression(update).expressionAttributeValues(values)));
  }
}
